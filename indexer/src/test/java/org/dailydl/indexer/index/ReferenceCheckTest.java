package org.dailydl.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.assertj.core.groups.Tuple;
import org.dailydl.indexer.index.IndexReport.BrokenLink;
import org.dailydl.indexer.index.IndexReport.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --check} finds anchors that name no heading and images whose file is missing. */
class ReferenceCheckTest {
  @TempDir Path temp;

  private Path write(Path root, String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private IndexReport index(Path content) throws IOException {
    return new IndexArticles(new IndexArticles.Options(content, temp.resolve("index")), ProgressListener.NONE).run();
  }

  private Path notes() throws IOException {
    Path content = temp.resolve("notes");
    write(content, "other.md", "# 另一篇\n\n## 多头 注意力\n\n## 小结\n\n## 小结\n");
    write(content, "img/a.png", "png");
    write(content, "guide.md", String.join("\n",
        "# 指南", "", "## 开始", "",
        "[好的锚点](other.md#多头-注意力) [编码的锚点](other.md#%E5%B0%8F%E7%BB%93-1) [本页](#开始) [顶部](#top)",  // line 5
        "[坏的锚点](other.md#多头注意力)",                                                                 // line 6
        "[本页坏锚点](#结束)",                                                                             // line 7
        "![有图](img/a.png) ![外部图](https://example.org/x.png)",                                          // line 8
        "![没有图](img/missing.png)",                                                                     // line 9
        "[缺文件](missing.md#开始) [外部锚点](https://example.org/page#x) [非文章](img/a.png#x)",            // line 10
        ""));
    return content;
  }

  @Test
  void broken_anchors_and_missing_images_are_reported_with_file_and_line_and_fail_the_check() throws IOException {
    IndexReport report = index(notes());
    assertThat(report.brokenLinks()).extracting(BrokenLink::path, BrokenLink::line, BrokenLink::target, BrokenLink::kind)
        .containsExactlyInAnyOrder(
            Tuple.tuple("guide.md", 6, "other.md#多头注意力", Kind.ANCHOR),
            Tuple.tuple("guide.md", 7, "#结束", Kind.ANCHOR),
            Tuple.tuple("guide.md", 9, "img/missing.png", Kind.IMAGE),
            Tuple.tuple("guide.md", 10, "missing.md#开始", Kind.LINK));
    assertThat(report.brokenLinks(Kind.ANCHOR).get(0).message()).isEqualTo("broken anchor: other.md#多头注意力");
    assertThat(report.brokenLinks(Kind.IMAGE).get(0).message()).isEqualTo("missing image: img/missing.png");
    assertThat(report.passesCheck()).isFalse();
  }

  @Test
  void anchors_of_kept_articles_are_checked_from_the_index_and_follow_heading_changes() throws IOException {
    Path content = notes();
    index(content);
    // only the target changes: the linking article is kept, its anchors are checked against the new headings
    Path other = write(content, "other.md", "# 另一篇\n\n## 多头注意力\n\n## 小结\n");
    Files.setLastModifiedTime(other, FileTime.fromMillis(System.currentTimeMillis() + 5000));
    IndexReport update = index(content);
    assertThat(update.indexed()).isEqualTo(1);
    assertThat(update.brokenLinks(Kind.ANCHOR)).extracting(BrokenLink::line, BrokenLink::target)
        .containsExactlyInAnyOrder(Tuple.tuple(5, "other.md#多头-注意力"), Tuple.tuple(5, "other.md#%E5%B0%8F%E7%BB%93-1"),
            Tuple.tuple(7, "#结束"));
    assertThat(update.brokenLinks(Kind.IMAGE)).extracting(BrokenLink::target).containsExactly("img/missing.png");

    // the missing image appears: the kept article's image is no longer reported
    write(content, "img/missing.png", "png");
    assertThat(index(content).brokenLinks(Kind.IMAGE)).isEmpty();
  }
}
