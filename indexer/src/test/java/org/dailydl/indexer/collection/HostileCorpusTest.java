package org.dailydl.indexer.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dailydl.indexer.index.IndexArticles;
import org.dailydl.indexer.index.IndexReport;
import org.dailydl.indexer.index.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A corpus of everything that goes wrong in real note folders: all good files indexed, one warning per bad file. */
class HostileCorpusTest {
  @TempDir Path temp;

  private Path hostileCorpus() throws IOException {
    Path content = Files.createDirectories(temp.resolve("content"));
    Files.writeString(content.resolve("好文章.md"), "# 好文章\n\n正常的内容，链接到[另一篇](名字 有空格.md)。\n");
    Files.writeString(content.resolve("名字 有空格.md"), "# 空格文件名\n\n文件名里有空格。\n");
    Files.writeString(content.resolve("换行\n文件名.md"), "# 换行文件名\n\n文件名里有换行符。\n");
    Files.writeString(content.resolve("符号 #&%@!.md"), "# 符号文件名\n\n奇怪的字符。\n");
    Files.writeString(content.resolve("空文件.md"), "");
    Files.write(content.resolve("坏编码.md"), new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, 0x01, 0x02});
    Files.writeString(content.resolve("坏笔记.ipynb"), "{\"cells\": [ {\"cell_type\": \"markdown\", \"source\": [\"# 没写完");
    Files.writeString(content.resolve("不是笔记.ipynb"), "[1, 2, 3]");
    Files.write(content.resolve("图片.md"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'});
    Files.write(content.resolve("旧编码.md"), "# 旧编码\n\n这是 GBK 编码的中文笔记。\n".getBytes("GB18030"));
    try (RandomAccessFile big = new RandomAccessFile(content.resolve("巨大.md").toFile(), "rw")) {
      big.setLength(50L * 1024 * 1024);
    }
    Path loop = Files.createDirectories(content.resolve("循环"));
    Files.writeString(loop.resolve("里面.md"), "# 循环里面\n\n符号链接循环的文件夹里的文章。\n");
    Files.createSymbolicLink(loop.resolve("自己"), loop);
    Files.createSymbolicLink(content.resolve("别名.md"), content.resolve("好文章.md"));
    return content;
  }

  @Test
  void every_good_file_is_indexed_and_every_bad_file_gets_one_warning() throws IOException {
    Path content = hostileCorpus();
    IndexReport report = new IndexArticles(
        new IndexArticles.Options(content, temp.resolve("index"), false, 5_000_000), ProgressListener.NONE).run();

    assertThat(report.articles()).isEqualTo(6);
    List<String> warned = report.problems().stream().map(Problem::path).toList();
    // the link 别名.md reaches 好文章.md: the file is indexed under its own path, the link is reported
    assertThat(warned).containsExactlyInAnyOrder(
        "空文件.md", "坏编码.md", "坏笔记.ipynb", "不是笔记.ipynb", "图片.md", "巨大.md", "循环/自己", "旧编码.md", "别名.md");
    assertThat(report.unreadable()).extracting(Problem::path)
        .containsExactlyInAnyOrder("坏编码.md", "坏笔记.ipynb", "不是笔记.ipynb", "图片.md");
    assertThat(report.brokenLinks()).isEmpty();
    assertThat(report.passesCheck()).isFalse();
  }

  @Test
  void gbk_notes_are_read_with_a_warning() throws IOException {
    Path content = hostileCorpus();
    ArticleParser parser = new ArticleParser(content);
    ArticleParser.Result result = parser.parse(new ContentFile(content.resolve("旧编码.md"), "旧编码.md", 0));
    assertThat(result.article().title()).isEqualTo("旧编码");
    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
      assertThat(p.message()).contains("GB18030");
    });
  }
}
