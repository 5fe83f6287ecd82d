package org.dailydl.indexer.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Symbolic links that lead out of the content folder are never followed, linked to or resolved. */
class ContentBoundaryTest {
  @TempDir Path temp;
  Path content;
  Path outside;

  @BeforeEach
  void folders() throws IOException {
    content = Files.createDirectories(temp.resolve("content"));
    outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "# 机密\n\n外面的口令 hunter2\n");
    Files.writeString(outside.resolve("secret.md"), "# 机密笔记\n\n外面的口令 hunter2\n");
    Files.writeString(outside.resolve("photo.png"), "not really a png");
    Files.createDirectories(content.resolve("notes"));
    Files.writeString(content.resolve("notes/a.md"), "# 甲\n\n正文。\n");
    Files.createSymbolicLink(content.resolve("etc"), Path.of("/etc"));
    Files.createSymbolicLink(content.resolve("leak.md"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(content.resolve("notes/secret.md"), Path.of("../../outside/secret.md"));
    Files.createSymbolicLink(content.resolve("up"), Path.of(".."));
    Files.createSymbolicLink(content.resolve("pics"), outside);
    Files.createSymbolicLink(content.resolve("alias.md"), content.resolve("notes/a.md"));
  }

  private Map<String, String> problems(ContentWalker.Result result) {
    return result.problems().stream().collect(Collectors.toMap(Problem::path, Problem::message));
  }

  @Test
  void the_walker_never_follows_a_link_out_of_the_folder_and_says_so() throws IOException {
    ContentWalker.Result result = new ContentWalker(content, 1_000_000, null).walk();
    assertThat(result.files()).extracting(ContentFile::path).containsExactly("notes/a.md");
    assertThat(problems(result))
        .containsEntry("etc", "symbolic link to outside the content folder; not followed")
        .containsEntry("leak.md", "symbolic link to outside the content folder; not followed")
        .containsEntry("notes/secret.md", "symbolic link to outside the content folder; not followed")
        .containsEntry("up", "symbolic link to outside the content folder; not followed")
        .containsEntry("pics", "symbolic link to outside the content folder; not followed")
        // a link inside the folder is followed; the file it reaches twice is indexed once
        .containsKey("alias.md");
    assertThat(result.problems()).allSatisfy(p -> assertThat(p.severity()).isEqualTo(Problem.Severity.SKIPPED));
  }

  @Test
  void links_and_images_through_an_outward_link_do_not_resolve() {
    LinkResolver resolver = new LinkResolver(content);
    assertThat(resolver.resolve("notes/b.md", "../leak.md").exists()).isFalse();
    assertThat(resolver.resolve("notes/b.md", "secret.md").exists()).isFalse();
    assertThat(resolver.resolve("README.md", "pics/photo.png").exists()).isFalse();
    assertThat(resolver.resolve("README.md", "etc/passwd").exists()).isFalse();
    assertThat(resolver.resolve("README.md", "up/outside/secret.md").exists()).isFalse();
    assertThat(resolver.exists("leak.md")).isFalse();
    // inside stays inside, also through a link
    assertThat(resolver.resolve("README.md", "alias.md").exists()).isTrue();
    assertThat(resolver.resolve("README.md", "notes/a.md").exists()).isTrue();
  }

  @Test
  void content_paths_must_be_plain_relative_and_resolve_inside() {
    ContentRoot root = new ContentRoot(content);
    for (String bad : new String[] {"", "/etc/passwd", "../outside/secret.md", "notes/../../outside/secret.md",
        "notes/./a.md", "notes//a.md", "notes\\a.md", "a.md\u0000.png", "notes/"}) {
      assertThat(ContentRoot.isPlainRelativePath(bad)).as(bad).isFalse();
      assertThat(root.resolve(bad)).as(bad).isEmpty();
    }
    assertThat(root.resolve("notes/a.md")).contains(content.resolve("notes/a.md"));
    assertThat(root.resolve("alias.md")).isPresent();
    assertThat(root.resolve("leak.md")).isEmpty();
    assertThat(root.resolve("etc/passwd")).isEmpty();
    assertThat(root.resolve("up/outside/secret.md")).isEmpty();
    assertThat(root.resolve("pics/photo.png")).isEmpty();
    assertThat(root.resolve("notes/missing.md")).isEmpty();
  }
}
