package org.dailydl.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.assertj.core.groups.Tuple;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.Fixtures;
import org.dailydl.indexer.analysis.Analysis;
import org.dailydl.indexer.collection.Article;
import org.dailydl.indexer.schema.ArticleSchema;
import org.dailydl.indexer.schema.IndexMeta;
import org.dailydl.indexer.schema.IndexedArticle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
class IndexArticlesTest {
  @TempDir Path temp;

  private IndexReport index(Path content, boolean full) throws IOException {
    return new IndexArticles(new IndexArticles.Options(content, temp.resolve("index"), full, 5_000_000),
        ProgressListener.NONE).run();
  }

  private int count(String field, String value) throws IOException {
    Path live = new IndexLocation(temp.resolve("index")).current().orElseThrow();
    try (var dir = FSDirectory.open(live); DirectoryReader reader = DirectoryReader.open(dir)) {
      return new IndexSearcher(reader).count(new TermQuery(new Term(field, value)));
    }
  }

  /** The article at {@code path}, read back through the schema. */
  private IndexedArticle stored(String path) throws IOException {
    Path live = new IndexLocation(temp.resolve("index")).current().orElseThrow();
    try (var dir = FSDirectory.open(live); DirectoryReader reader = DirectoryReader.open(dir)) {
      return ArticleSchema.read(reader).stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow();
    }
  }

  /** The anchor text stored for the article at {@code path}. */
  private List<String> anchors(String path) throws IOException {
    return stored(path).anchors();
  }

  @Test
  void full_build_indexes_every_article_once_and_skips_hidden_and_checkpoint_folders() throws IOException {
    IndexReport report = index(Fixtures.copyOfCorpus(temp.resolve("content")), false);
    assertThat(report.mode()).isEqualTo("full");
    assertThat(report.articles()).isEqualTo(10);
    assertThat(count(Fields.PATH, "数据分析/Pandas入门.ipynb")).isEqualTo(1);
    assertThat(count(Fields.PATH, ".hidden/secret.md")).isZero();
    assertThat(count(Fields.PATH, "数据分析/.ipynb_checkpoints/Pandas入门-checkpoint.ipynb")).isZero();
    // the fixture's "#模型结构" names no heading: the heading is "二、模型结构", whose id is "二模型结构"
    assertThat(report.brokenLinks()).extracting(IndexReport.BrokenLink::path, IndexReport.BrokenLink::line,
            IndexReport.BrokenLink::kind)
        .containsExactly(Tuple.tuple("README.md", 14, IndexReport.Kind.LINK),
            Tuple.tuple("深度学习/注意力机制.md", 10, IndexReport.Kind.ANCHOR),
            Tuple.tuple("深度学习/注意力机制.md", 34, IndexReport.Kind.LINK));
    assertThat(report.passesCheck()).isFalse();
  }

  @Test
  void a_full_build_is_one_segment_however_many_threads_wrote_it() throws IOException {
    Path content = temp.resolve("many");
    for (int i = 0; i < 400; i++) {
      Files.createDirectories(content.resolve("d" + i % 7));
      Files.writeString(content.resolve("d" + i % 7 + "/n" + i + ".md"), "# 笔记 " + i + "\n\n梯度下降 第 " + i + " 篇。\n");
    }
    index(content, true);
    Path live = new IndexLocation(temp.resolve("index")).current().orElseThrow();
    try (var dir = FSDirectory.open(live); DirectoryReader reader = DirectoryReader.open(dir)) {
      assertThat(reader.numDocs()).isEqualTo(400);
      assertThat(reader.leaves()).hasSize(1);
    }
  }

  @Test
  void anchor_text_of_inbound_links_is_indexed_with_the_target() throws IOException {
    index(Fixtures.copyOfCorpus(temp.resolve("content")), false);
    assertThat(anchors("深度学习/注意力机制.md")).containsExactly("注意力机制", "注意力机制详解");
    assertThat(count(Fields.ANCHOR, "详解")).isEqualTo(1);
  }

  @Test
  void update_reindexes_only_the_changed_file_and_removes_deleted_ones() throws IOException {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    index(content, false);
    IndexReport unchanged = index(content, false);
    assertThat(unchanged.mode()).isEqualTo("unchanged");
    assertThat(unchanged.indexed()).isZero();

    Path cnn = content.resolve("深度学习/CNN.md");
    Files.writeString(cnn, Files.readString(cnn) + "\n残差网络 ResNet 用跳跃连接训练很深的网络。\n");
    Files.setLastModifiedTime(cnn, FileTime.fromMillis(System.currentTimeMillis() + 5000));
    Files.delete(content.resolve("Python/Day01.md"));
    IndexReport update = index(content, false);

    assertThat(update.mode()).isEqualTo("update");
    assertThat(update.indexed()).isEqualTo(1);
    assertThat(update.removed()).isEqualTo(1);
    assertThat(update.articles()).isEqualTo(9);
    assertThat(count(Fields.BODY, "resnet")).isEqualTo(1);
    assertThat(count(Fields.PATH, "Python/Day01.md")).isZero();
    assertThat(update.brokenLinks()).extracting(IndexReport.BrokenLink::target)
        .contains("Python/Day01.md", "深度学习/RNN.md");
  }

  @Test
  void an_edit_of_the_same_size_that_keeps_the_file_time_is_still_seen() throws IOException {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    Path cnn = content.resolve("深度学习/CNN.md");
    // a time the file system cannot tell from the moment of reading (written in the same tick)
    FileTime time = FileTime.fromMillis(System.currentTimeMillis() + 60_000);
    Files.setLastModifiedTime(cnn, time);
    FileTime hourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    Files.setLastModifiedTime(content.resolve("深度学习/注意力机制.md"), hourAgo);
    index(content, false);
    // the time is kept for readers (dates, feeds) but not trusted as proof that nothing changed
    assertThat(stored("深度学习/CNN.md").modified()).isEqualTo(time.toMillis());
    assertThat(stored("深度学习/CNN.md").modifiedTrusted()).isFalse();
    assertThat(stored("深度学习/注意力机制.md").modified()).isEqualTo(hourAgo.toMillis());
    assertThat(stored("深度学习/注意力机制.md").modifiedTrusted()).as("an older file's time is trusted").isTrue();
    String before = Files.readString(cnn);
    Files.writeString(cnn, before.replaceFirst("卷积", "池化"));
    Files.setLastModifiedTime(cnn, time);
    assertThat(Files.size(cnn)).isEqualTo(before.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);

    IndexReport update = index(content, false);
    assertThat(update.indexed()).isEqualTo(1);
    assertThat(index(content, false).mode()).as("the same bytes again are unchanged").isEqualTo("unchanged");
  }

  @Test
  void a_touched_file_with_the_same_bytes_is_unchanged() throws IOException {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    index(content, false);
    Files.setLastModifiedTime(content.resolve("深度学习/CNN.md"), FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    assertThat(index(content, false).mode()).isEqualTo("unchanged");
  }

  @Test
  void changing_link_words_reindexes_the_target_with_new_anchor_text() throws IOException {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    index(content, false);
    Path readme = content.resolve("README.md");
    Files.writeString(readme, Files.readString(readme).replace("卷积网络入门", "图像识别的卷积模型"));
    IndexReport update = index(content, false);
    assertThat(update.indexed()).isEqualTo(2);
    assertThat(anchors("深度学习/CNN.md")).contains("图像识别的卷积模型");
  }

  @Test
  void a_failure_in_the_middle_of_a_full_build_leaves_the_previous_index_readable() throws IOException {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    index(content, false);
    Path before = new IndexLocation(temp.resolve("index")).current().orElseThrow();

    ArticleSchema failing = new ArticleSchema() {
      private int calls;

      @Override
      public Document write(Article article, Collection<String> anchors, long modified, boolean trusted) {
        if (++calls == 4) {
          throw new IllegalStateException("disk on fire");
        }
        return super.write(article, anchors, modified, trusted);
      }
    };
    var options = new IndexArticles.Options(content, temp.resolve("index"), true, 5_000_000);
    assertThatThrownBy(() -> new IndexArticles(options, ProgressListener.NONE, failing).run())
        .hasMessageContaining("disk on fire");

    assertThat(new IndexLocation(temp.resolve("index")).current()).contains(before);
    assertThat(count(Fields.PATH, "深度学习/CNN.md")).isEqualTo(1);
    List<Path> generations = new ArrayList<>();
    try (var entries = Files.newDirectoryStream(temp.resolve("index"), "gen-*")) {
      entries.forEach(generations::add);
    }
    assertThat(generations).containsExactly(before);
  }

  @Test
  void full_rebuild_switches_to_a_new_generation_and_removes_the_old_one() throws IOException {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    index(content, false);
    Path first = new IndexLocation(temp.resolve("index")).current().orElseThrow();
    IndexReport rebuilt = index(content, true);
    Path second = new IndexLocation(temp.resolve("index")).current().orElseThrow();
    assertThat(rebuilt.mode()).isEqualTo("full");
    assertThat(second).isNotEqualTo(first);
    assertThat(first).doesNotExist();
  }

  @Test
  void commit_metadata_records_version_time_count_and_content_hash() throws IOException {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    index(content, false);
    IndexMeta meta = IndexMeta.read(new IndexLocation(temp.resolve("index")).current().orElseThrow());
    assertThat(meta.articleCount()).isEqualTo(10);
    assertThat(meta.analysisVersion()).isEqualTo(Analysis.VERSION);
    assertThat(Instant.parse(meta.buildTime())).isBeforeOrEqualTo(Instant.now());
    assertThat(meta.contentHash()).matches("[0-9a-f]{64}");
    index(content, true);
    IndexMeta again = IndexMeta.read(new IndexLocation(temp.resolve("index")).current().orElseThrow());
    assertThat(again.contentHash()).isEqualTo(meta.contentHash());
  }

  @Test
  void an_update_compares_the_folder_with_the_articles_a_caller_already_decoded() throws IOException {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    index(content, false);
    Path live = new IndexLocation(temp.resolve("index")).current().orElseThrow();
    List<IndexedArticle> decoded;
    long commit;
    try (var dir = FSDirectory.open(live); DirectoryReader reader = DirectoryReader.open(dir)) {
      decoded = ArticleSchema.read(reader);
      commit = reader.getIndexCommit().getGeneration();
    }
    List<String> asked = new ArrayList<>();
    IndexArticles.Options options = new IndexArticles.Options(content, temp.resolve("index"), false, 5_000_000);
    IndexReport unchanged = new IndexArticles(options, ProgressListener.NONE, (generation, c) -> {
      asked.add(generation.getFileName() + "@" + c);
      return Optional.of(decoded);
    }).run();
    assertThat(asked).containsExactly(live.getFileName() + "@" + commit);
    assertThat(unchanged.mode()).isEqualTo("unchanged");

    // the caller's articles are what the run compares with: one left out is indexed again
    IndexedArticle left = decoded.get(0);
    IndexReport update = new IndexArticles(options, ProgressListener.NONE, (generation, c) -> Optional.of(
        decoded.stream().filter(a -> !a.path().equals(left.path())).toList())).run();
    assertThat(update.mode()).isEqualTo("update");
    assertThat(update.indexed()).isEqualTo(1);
    assertThat(stored(left.path()).hash()).isEqualTo(left.hash());

    // a caller that does not hold the commit: the run decodes the index itself
    IndexReport own = new IndexArticles(options, ProgressListener.NONE, IndexArticles.DecodedCommits.NONE).run();
    assertThat(own.mode()).isEqualTo("unchanged");
  }
}
