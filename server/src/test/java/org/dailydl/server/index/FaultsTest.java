package org.dailydl.server.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dailydl.indexer.Fixtures;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.indexer.collection.Problem;
import org.dailydl.indexer.index.IndexLocation;
import org.dailydl.server.ServeProcess;
import org.dailydl.server.search.SearchRequest;
import org.dailydl.server.search.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
/** An index survives crashes, corruption, foreign folders and files that turn bad. */
class FaultsTest {
  @TempDir Path temp;

  private static long hits(IndexHandle handle, String q) throws Exception {
    return SearchService.create(handle, Glossary.builtIn()).search(SearchRequest.of(q)).total();
  }

  private List<Path> asideFolders() throws IOException {
    try (Stream<Path> entries = Files.list(temp)) {
      return entries.filter(p -> p.getFileName().toString().startsWith("index.unusable-")).toList();
    }
  }

  @Test
  void a_corrupted_index_is_detected_set_aside_and_rebuilt() throws Exception {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    Path index = temp.resolve("index");
    IndexHandle.open(content, index).close();
    Path generation = new IndexLocation(index).current().orElseThrow();
    Path victim;
    try (Stream<Path> files = Files.list(generation)) {
      victim = files.filter(f -> !f.getFileName().toString().startsWith("segments") && !f.getFileName().toString().endsWith(".lock"))
          .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
    }
    try (RandomAccessFile file = new RandomAccessFile(victim.toFile(), "rw")) {
      file.seek(file.length() / 2);
      file.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    }

    try (IndexHandle handle = IndexHandle.open(content, index)) {
      assertThat(hits(handle, "注意力")).isPositive();
    }
    assertThat(asideFolders()).hasSize(1);
    assertThat(asideFolders().get(0).resolve(generation.getFileName()).resolve(victim.getFileName())).exists();
  }

  @Test
  void a_foreign_folder_is_never_written_into_but_set_aside() throws Exception {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    Path index = Files.createDirectories(temp.resolve("index"));
    Files.writeString(index.resolve("我的笔记.txt"), "不是索引");
    try (IndexHandle handle = IndexHandle.open(content, index)) {
      assertThat(hits(handle, "卷积")).isPositive();
    }
    assertThat(asideFolders()).singleElement()
        .satisfies(aside -> assertThat(Files.readString(aside.resolve("我的笔记.txt"))).isEqualTo("不是索引"));
    assertThat(index.resolve("我的笔记.txt")).doesNotExist();
  }

  @Test
  void a_file_that_turns_unreadable_is_a_warning_and_the_rest_keeps_serving() throws Exception {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    try (IndexHandle handle = IndexHandle.open(content, temp.resolve("index"))) {
      Path cnn = content.resolve("深度学习/CNN.md");
      Files.write(cnn, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0, 1, 2, 3});
      var report = handle.reindex(false);
      assertThat(report.unreadable()).extracting(Problem::path).containsExactly("深度学习/CNN.md");
      assertThat(hits(handle, "卷积神经网络")).isPositive();
      assertThat(hits(handle, "注意力")).isPositive();
    }
  }

  @Test
  void a_server_killed_in_the_middle_of_a_full_rebuild_serves_the_last_index_then_finishes_it() throws Exception {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    Path bulk = Files.createDirectories(content.resolve("批量"));
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      text.append("注意力机制让模型在每个位置关注序列中的其他位置，卷积网络提取局部特征，梯度下降更新参数。\n\n");
    }
    for (int i = 0; i < 1200; i++) {
      Files.writeString(bulk.resolve("笔记" + i + ".md"), "# 批量笔记 " + i + "\n\n" + text);
    }
    Path index = temp.resolve("index");
    IndexHandle.open(content, index).close();
    Path before = new IndexLocation(index).current().orElseThrow();

    try (ServeProcess server = ServeProcess.serve(content, index, temp, "--no-watch", "--no-embeddings", "--admin-token", "secret")) {
      server.awaitHealthy(120);
      Thread rebuild = new Thread(() -> post(server.port, "/api/reindex?full=true"));
      rebuild.start();
      long deadline = System.currentTimeMillis() + 60_000;
      while (!new IndexLocation(index).rebuildInterrupted() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertThat(new IndexLocation(index).rebuildInterrupted()).as("a full rebuild started").isTrue();
      server.kill(); // SIGKILL: no shutdown hooks run
      rebuild.join(10_000);
    }
    assertThat(new IndexLocation(index).current()).contains(before);
    assertThat(new IndexLocation(index).rebuildInterrupted()).isTrue();

    try (ServeProcess restarted = ServeProcess.serve(content, index, temp, "--no-watch", "--no-embeddings", "--admin-token", "secret")) {
      restarted.awaitHealthy(120);
      assertThat(restarted.get("/api/search?q=" + URLEncoder.encode("注意力", StandardCharsets.UTF_8)).body())
          .contains("\"total\":");
      long deadline = System.currentTimeMillis() + 180_000;
      while (new IndexLocation(index).rebuildInterrupted() && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      assertThat(new IndexLocation(index).rebuildInterrupted()).as("the rebuild finished:\n" + restarted.output()).isFalse();
      assertThat(new IndexLocation(index).current()).isPresent().get().isNotEqualTo(before);
      assertThat(restarted.get("/api/stats").body()).contains("\"articles\":1210");
    }
  }

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static void post(int port, String path) {
    try {
      HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .header("Authorization", "Bearer secret").POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      // the server is killed while this request is in flight
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
