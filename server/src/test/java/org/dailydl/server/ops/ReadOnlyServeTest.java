package org.dailydl.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.Response;
import org.dailydl.server.OpenApiContract;
import org.dailydl.indexer.Fixtures;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.indexer.index.IndexLocation;
import org.dailydl.server.Main;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.index.ReadOnlyIndexException;
import org.dailydl.server.index.UnusableIndexException;
import org.dailydl.server.semantic.SemanticService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** serve --read-only: a prebuilt index is served as it is, and nothing is ever written to its folder. */
class ReadOnlyServeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path temp;
  static Path content;
  static Path index;

  @BeforeAll
  static void buildTheArtifact() throws Exception {
    content = Fixtures.copyOfCorpus(temp.resolve("content"));
    index = temp.resolve("index");
    IndexHandle.open(content, index).close(); // what CI's `dailydl index` leaves behind
  }

  @Test
  void a_prebuilt_index_is_served_without_a_single_write_to_its_folder() throws Exception {
    Map<String, String> before = FolderSnapshot.of(index);
    try (IndexHandle handle = IndexHandle.openReadOnly(content, index)) {
      assertThat(handle.isReadOnly()).isTrue();
      SemanticService semantics = SemanticService.readOnly(handle, temp.resolve("native"));
      semantics.update();
      // built with --no-embeddings: search stays lexical, and says why
      assertThat(semantics.state()).isEqualTo(SemanticService.State.DISABLED);
      assertThat(semantics.unavailableReason()).contains("--no-embeddings");
      Operations ops = Operations.create(handle, Glossary.forContent(content), semantics,
          new Operations.Options("s3cret", null, null, null, true));
      OpenApiContract.test(ops.app(), (server, client) -> {
        JsonNode search = JSON.readTree(client.get("/api/search?q=" + enc("注意力")).body().string());
        assertThat(search.get("total").asInt()).isPositive();
        String id = search.get("hits").get(0).get("id").asText();
        assertThat(client.get("/api/articles/" + id).code()).isEqualTo(200);
        assertThat(client.get("/api/articles/" + id + "/related").code()).isEqualTo(200);
        assertThat(client.get("/api/graph").code()).isEqualTo(200);
        JsonNode ready = JSON.readTree(client.get("/ready").body().string());
        assertThat(ready.get("status").asText()).isEqualTo("ready");
        assertThat(ready.get("readOnly").asBoolean()).isTrue();
        assertThat(ready.get("semanticUnavailable").asText()).contains("--no-embeddings");
        Response reindex = client.post("/api/reindex", "", req -> req.header("Authorization", "Bearer s3cret"));
        assertThat(reindex.code()).isEqualTo(409);
        assertThat(JSON.readTree(reindex.body().string()).get("detail").asText()).contains("read-only");
      });
      ops.close();
      assertThatThrownBy(() -> handle.reindex(false)).isInstanceOf(ReadOnlyIndexException.class);
      semantics.close();
    }
    // a content change is not picked up either: the artifact is what is served
    Files.writeString(content.resolve("新笔记.md"), "# 新笔记\n\n只在内容目录里。\n");
    try (IndexHandle handle = IndexHandle.openReadOnly(content, index)) {
      try (IndexHandle.Lease lease = handle.acquire()) {
        assertThat(lease.corpus().catalog().byPath("新笔记.md")).isEmpty();
      }
    } finally {
      Files.delete(content.resolve("新笔记.md"));
    }
    assertThat(FolderSnapshot.of(index)).isEqualTo(before);
  }

  @Test
  void prebuilt_passage_vectors_are_loaded_read_only() throws Exception {
    Path withVectors = temp.resolve("index-with-vectors");
    try (IndexHandle builder = IndexHandle.open(content, withVectors)) {
      SemanticService embed = SemanticService.enabled(builder);
      embed.update(); // as `dailydl index` does without --no-embeddings
      embed.close();
    }
    Map<String, String> before = FolderSnapshot.of(withVectors);
    try (IndexHandle handle = IndexHandle.openReadOnly(content, withVectors)) {
      SemanticService semantics = SemanticService.readOnly(handle, temp.resolve("native-2"));
      semantics.update();
      assertThat(semantics.state()).isEqualTo(SemanticService.State.READY);
      assertThat(semantics.passages().orElseThrow().size()).isPositive();
      assertThat(semantics.embedQuery("注意力")).hasSize(512);
      semantics.close();
    }
    assertThat(FolderSnapshot.of(withVectors)).isEqualTo(before);
  }

  @Test
  void no_index_an_empty_folder_and_a_corrupt_index_are_refused_and_left_as_they_are() throws Exception {
    Path missing = temp.resolve("missing");
    assertThatThrownBy(() -> IndexHandle.openReadOnly(content, missing))
        .isInstanceOf(UnusableIndexException.class).hasMessageContaining("no index folder")
        .hasMessageContaining("dailydl index");
    assertThat(missing).doesNotExist();

    Path empty = Files.createDirectories(temp.resolve("empty"));
    assertThatThrownBy(() -> IndexHandle.openReadOnly(content, empty))
        .isInstanceOf(UnusableIndexException.class).hasMessageContaining("no complete index");
    try (Stream<Path> files = Files.list(empty)) {
      assertThat(files).isEmpty();
    }

    Path corrupt = temp.resolve("corrupt");
    IndexHandle.open(content, corrupt).close();
    Path generation = new IndexLocation(corrupt).current().orElseThrow();
    Path victim;
    try (Stream<Path> files = Files.list(generation)) {
      victim = files.filter(f -> !f.getFileName().toString().startsWith("segments"))
          .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
    }
    try (RandomAccessFile file = new RandomAccessFile(victim.toFile(), "rw")) {
      file.seek(file.length() / 2);
      file.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    }
    Map<String, String> before = FolderSnapshot.of(corrupt);
    assertThatThrownBy(() -> IndexHandle.openReadOnly(content, corrupt))
        .isInstanceOf(UnusableIndexException.class).hasMessageContaining("corrupt");
    assertThat(FolderSnapshot.of(corrupt)).isEqualTo(before);
    try (Stream<Path> siblings = Files.list(temp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("unusable"));
    }
  }

  @Test
  void serve_read_only_without_an_index_exits_with_code_3_and_says_why() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute("serve", "--read-only", "--no-embeddings", "--content", content.toString(),
        "--index", temp.resolve("nothing-here").toString(), "--port", "0");
    assertThat(exit).isEqualTo(3);
    assertThat(err.toString()).contains("cannot serve read-only").contains("dailydl index");
    assertThat(temp.resolve("nothing-here")).doesNotExist();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
