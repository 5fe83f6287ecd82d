package org.dailydl.indexer.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.analysis.Analysis;
import org.dailydl.indexer.analysis.ConceptExtractor;
import org.dailydl.indexer.collection.Article;
import org.dailydl.indexer.collection.Link;
import org.junit.jupiter.api.Test;
/** What the schema writes, it reads back: every stored field of an article survives the round trip. */
class ArticleSchemaTest {

  @Test
  void an_article_written_is_read_back_with_every_stored_field() throws IOException {
    Article article = new Article("ml-knn", "ml/KNN.md", "ml", "K 最近邻", Article.TitleSource.FRONT_MATTER,
        List.of(new Article.Heading(1, "K 最近邻", 1), new Article.Heading(2, "距离度量", 7)),
        "用距离找最近的 K 个邻居。", "import numpy as np",
        List.of(new Link("SVM.md", "ml/SVM.md", "支持向量机", 9, true), new Link("https://x.org", null, "外部", 10, true)),
        new Article.FrontMatter("K 最近邻", List.of("KNN", "分类"), "一篇讲 KNN 的笔记", "2026-01-02"),
        new ConceptExtractor.Concepts(Map.of("knn", 3, "最近邻", 2), Map.of("knn", "KNN", "最近邻", "最近邻")),
        Article.Kind.MARKDOWN, 321, "a".repeat(64));
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(Analysis.standard().indexAnalyzer()))) {
        writer.addDocument(new ArticleSchema().write(article, List.of("KNN 算法", "最近邻"), 1234L, false));
        writer.addDocument(new ArticleSchema().write(article, List.of(), 5678L, true));
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexedArticle read = ArticleSchema.read(reader).get(0);
        assertThat(read).isEqualTo(new IndexedArticle(0, "ml-knn", "ml/KNN.md", "K 最近邻", "ml", List.of("KNN", "分类"),
            "一篇讲 KNN 的笔记", "2026-01-02", Article.Kind.MARKDOWN, "a".repeat(64), 321, 1234L, false, article.headings(),
            List.of(new StoredLink("SVM.md", "ml/SVM.md", "支持向量机", 9), new StoredLink("https://x.org", null, "外部", 10)),
            List.of("KNN 算法", "最近邻"), Map.of("knn", "KNN")));
        assertThat(ArticleSchema.read(reader).get(1).modified()).isEqualTo(5678L);
        assertThat(ArticleSchema.read(reader).get(1).modifiedTrusted()).isTrue();
        assertThat(reader.termVectors().get(0, Fields.CONCEPTS).size()).isEqualTo(2);
        assertThat(ArticleSchema.body(reader, 0)).isEqualTo("用距离找最近的 K 个邻居。");
      }
    }
  }

  @Test
  void a_large_index_is_read_whole_in_doc_order_without_deleted_articles() throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(Analysis.standard().indexAnalyzer()))) {
        for (int i = 0; i < 2_600; i++) {
          Article article = new Article("n-" + i, "notes/" + i + ".md", "notes", "笔记 " + i, Article.TitleSource.HEADING,
              List.of(), "正文 " + i, "", List.of(), Article.FrontMatter.EMPTY,
              new ConceptExtractor.Concepts(Map.of(), Map.of()), Article.Kind.MARKDOWN, 10, "b".repeat(64));
          writer.addDocument(new ArticleSchema().write(article, List.of(), i, false));
        }
        writer.deleteDocuments(new Term(Fields.ID, "n-1500"));
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        List<IndexedArticle> read = ArticleSchema.read(reader);
        assertThat(read).hasSize(2_599);
        assertThat(read).extracting(IndexedArticle::id).doesNotContain("n-1500").startsWith("n-0", "n-1").endsWith("n-2599");
        for (int i = 1; i < read.size(); i++) {
          assertThat(read.get(i).doc()).isGreaterThan(read.get(i - 1).doc());
          assertThat(ArticleSchema.body(reader, read.get(i).doc())).isEqualTo("正文 " + read.get(i).path().replaceAll("\\D", ""));
        }
      }
    }
  }

  @Test
  void bodies_are_read_from_any_segment_empty_or_megabytes_long() throws IOException {
    String large = "注意力机制让模型关注重要的位置。".repeat(70_000);
    List<String> bodies = List.of("第一段", "", large, "最后一段 $x^2$");
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      IndexWriterConfig config = new IndexWriterConfig(Analysis.standard().indexAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        for (int i = 0; i < bodies.size(); i++) {
          Article article = new Article("b-" + i, "b/" + i + ".md", "b", "正文 " + i, Article.TitleSource.HEADING,
              List.of(), bodies.get(i), "", List.of(), Article.FrontMatter.EMPTY,
              new ConceptExtractor.Concepts(Map.of(), Map.of()), Article.Kind.MARKDOWN, 10, "c".repeat(64));
          writer.addDocument(new ArticleSchema().write(article, List.of(), i, false));
          writer.commit(); // one segment per article
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(reader.leaves()).hasSize(bodies.size());
        for (IndexedArticle article : ArticleSchema.read(reader)) {
          assertThat(ArticleSchema.body(reader, article.doc())).isEqualTo(bodies.get(Integer.parseInt(article.id().substring(2))));
        }
      }
    }
  }

  private static Article note(int i, String text) {
    return new Article("s-" + i, "s/" + i + ".md", "s", "笔记 " + i + " " + text, Article.TitleSource.HEADING,
        List.of(), text, "", List.of(), Article.FrontMatter.EMPTY,
        new ConceptExtractor.Concepts(Map.of(), Map.of()), Article.Kind.MARKDOWN, 10, "d".repeat(64));
  }

  @Test
  void segments_decoded_once_give_each_later_version_exactly_what_a_full_read_gives() throws IOException {
    DecodedSegments segments = new DecodedSegments();
    IndexWriterConfig config = new IndexWriterConfig(Analysis.standard().indexAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory(); IndexWriter writer = new IndexWriter(dir, config)) {
      for (int i = 0; i < 1_500; i++) {
        writer.addDocument(new ArticleSchema().write(note(i, "旧"), List.of(), i, false));
      }
      writer.commit();
      DirectoryReader reader = DirectoryReader.open(writer);
      assertThat(segments.read(reader)).isEqualTo(ArticleSchema.read(reader));
      IndexedArticle first = segments.read(reader).get(0);
      for (int version = 1; version <= 3; version++) {
        // a saved note: the old document deleted in the big segment, the new one in a small segment
        writer.updateDocument(new Term(Fields.PATH, "s/" + (version * 100) + ".md"),
            new ArticleSchema().write(note(version * 100, "新 " + version), List.of(), version, false));
        writer.deleteDocuments(new Term(Fields.PATH, "s/" + (version * 7) + ".md"));
        writer.commit();
        DirectoryReader newer = DirectoryReader.openIfChanged(reader);
        reader.close();
        reader = newer;
        List<IndexedArticle> read = segments.read(reader);
        assertThat(read).as("version " + version).isEqualTo(ArticleSchema.read(reader));
        assertThat(read).extracting(IndexedArticle::title).contains("笔记 " + (version * 100) + " 新 " + version)
            .doesNotContain("笔记 " + (version * 100) + " 旧", "笔记 " + (version * 7) + " 旧");
        // the big segment is not decoded again: its articles are the very objects read before
        assertThat(read.get(0)).isSameAs(first);
      }
      assertThat(segments.size()).isEqualTo(reader.leaves().size());
      reader.close();
      writer.forceMerge(1);
      writer.commit();
      try (DirectoryReader merged = DirectoryReader.open(writer)) {
        assertThat(segments.read(merged)).isEqualTo(ArticleSchema.read(merged));
      }
    }
    // segments whose readers are all closed are forgotten (the writer's pool releases them on close)
    assertThat(segments.size()).isLessThanOrEqualTo(1);
  }
}
