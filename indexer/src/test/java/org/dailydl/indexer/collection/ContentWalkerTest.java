package org.dailydl.indexer.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentWalkerTest {
  @TempDir Path temp;

  private Path write(String path, String text) throws IOException {
    Path file = temp.resolve("content").resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void finds_notes_at_any_depth_sorted_by_path_and_skips_other_files_and_folders() throws IOException {
    write("b.md", "# b");
    write("a/深/c.markdown", "# c");
    write("a/d.ipynb", "{}");
    write("a/e.txt", "not a note");
    write(".git/x.md", "# hidden");
    write("notes/.ipynb_checkpoints/y.ipynb", "{}");
    write("node_modules/pkg/README.md", "# dependency");
    write("target/site.md", "# build output");
    write("__pycache__/z.md", "# cache");
    write(".draft.md", "# hidden file");
    write("index/segments.md", "# the index folder");
    ContentWalker.Result result =
        new ContentWalker(temp.resolve("content"), 1000, temp.resolve("content/index")).walk();
    assertThat(result.files()).extracting(ContentFile::path).containsExactly("a/d.ipynb", "a/深/c.markdown", "b.md");
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void empty_and_oversized_files_are_skipped_with_a_problem_each() throws IOException {
    write("empty.md", "");
    write("big.md", "x".repeat(2000));
    write("ok.md", "# ok");
    ContentWalker.Result result = new ContentWalker(temp.resolve("content"), 1000, null).walk();
    assertThat(result.files()).extracting(ContentFile::path).containsExactly("ok.md");
    assertThat(result.problems()).extracting(Problem::path).containsExactly("big.md", "empty.md");
    assertThat(result.problems()).allSatisfy(p -> assertThat(p.severity()).isEqualTo(Problem.Severity.SKIPPED));
    assertThat(result.problems().get(0).message()).contains("2000 > 1000");
  }

  @Test
  void the_skip_rule_is_shared_and_a_missing_folder_is_an_error() {
    assertThat(ContentWalker.isSkippedFolder(".git")).isTrue();
    assertThat(ContentWalker.isSkippedFolder("node_modules")).isTrue();
    assertThat(ContentWalker.isSkippedFolder("target")).isTrue();
    assertThat(ContentWalker.isSkippedFolder("01-Python")).isFalse();
    assertThat(ContentWalker.isArticleFile("A/B.MD")).isTrue();
    assertThat(ContentWalker.isArticleFile("a.txt")).isFalse();
    assertThatThrownBy(() -> new ContentWalker(temp.resolve("missing"), 1000, null).walk())
        .hasMessageContaining("content folder not found");
  }
}
