package org.dailydl.server.index;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dailydl.indexer.Fixtures;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.indexer.cli.IndexCommand;
import org.dailydl.indexer.index.FolderLock;
import org.dailydl.indexer.index.IndexLocation;
import org.dailydl.server.App;
import org.dailydl.server.RawHttp;
import org.dailydl.server.ServeCommand;
import org.dailydl.server.ServeProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * What the index folder does to a running server on a bad day — made read-only, deleted, on a
 * full disk, wanted by a second {@code serve} or by {@code index} — and what the server does: no
 * corruption, no crash, the last complete index keeps serving, one clear log line per fault, and
 * {@code /ready} false only where nothing can be served.
 */
class IndexFolderFaultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger serverLog = (Logger) LoggerFactory.getLogger("org.dailydl.server");

  @TempDir Path temp;

  @BeforeEach
  void captureLog() {
    log.start();
    serverLog.addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    serverLog.detachAppender(log);
  }

  private List<String> warnings() {
    return log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  @Test
  void a_second_serve_on_the_same_index_folder_refuses_naming_the_first_and_the_first_serves_on() throws Exception {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    Path index = temp.resolve("index");
    try (ServeProcess first = ServeProcess.serve(content, index, temp, "--no-embeddings").awaitHealthy(120);
        ServeProcess second = ServeProcess.serve(content, index, temp, "--no-embeddings")) {
      assertThat(second.waitForExit(120)).isEqualTo(ServeCommand.EXIT_INDEX_IN_USE);
      String refusal = second.output().strip();
      assertThat(refusal.lines().filter(l -> l.contains("in use by process " + first.pid() + " (serve")))
          .as(refusal).hasSize(1);
      assertThat(refusal).doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(first.get("/api/search?q=cnn").statusCode()).isEqualTo(200);
      assertThat(first.get("/ready").statusCode()).isEqualTo(200);

      // index refuses too, naming the server; the server's index is untouched
      StringWriter err = new StringWriter();
      int code = new CommandLine(new IndexCommand()).setErr(new PrintWriter(err)).execute("--content", content.toString(),
          "--index", index.toString(), "--no-embeddings", "--quiet");
      assertThat(code).isEqualTo(IndexCommand.EXIT_IN_USE);
      assertThat(err.toString()).contains("in use by process " + first.pid() + " (serve");
      assertThat(IndexFolder.verify(new IndexLocation(index).current().orElseThrow())).isNull();
      assertThat(first.get("/api/search?q=cnn").statusCode()).isEqualTo(200);

      first.kill(); // kill -9: the operating system drops the lock with the process
      assertThat(new CommandLine(new IndexCommand()).execute("--content", content.toString(), "--index", index.toString(),
          "--no-embeddings", "--quiet")).isZero();
    }
  }

  @Test
  void a_read_only_index_folder_keeps_serving_the_last_index_logs_once_and_catches_up_when_writable() throws Exception {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    Path index = temp.resolve("index");
    serveWatched(content, index, (handle, http) -> {
      FolderFaults.makeReadOnly(index);
      try {
        Files.writeString(content.resolve("新笔记.md"), "# 新笔记\n\n霍夫曼编码压缩数据。\n");
        eventually(() -> handle.problem().isPresent());
        Files.writeString(content.resolve("另一篇.md"), "# 另一篇\n\n霍夫曼树。\n");
        Thread.sleep(ContentWatcher.SETTLE_MILLIS * 5);
        assertThat(handle.problem()).get().asString().contains("not writable");
        assertThat(search(http, "卷积").get("total").asInt()).isPositive();
        JsonNode ready = JSON.readTree(http.send("GET", "/ready").body());
        assertThat(ready.get("status").asText()).isEqualTo("ready");
        assertThat(ready.get("indexProblem").asText()).contains("not writable");
        assertThat(warnings()).as("one line for the fault, not one per change").hasSize(1);
        assertThat(warnings().get(0)).contains("cannot be updated").contains("not writable");
      } finally {
        FolderFaults.makeWritable(index);
      }
      Files.writeString(content.resolve("第三篇.md"), "# 第三篇\n\n霍夫曼编码的第三篇。\n");
      eventually(() -> handle.problem().isEmpty() && search(http, "霍夫曼编码").get("total").asInt() == 2);
      assertThat(JSON.readTree(http.send("GET", "/ready").body()).path("indexProblem").isNull()).isTrue();
      assertThat(IndexFolder.verify(new IndexLocation(index).current().orElseThrow())).isNull();
    });
  }

  @Test
  void an_index_folder_deleted_while_serving_keeps_serving_and_is_rebuilt_on_the_next_change() throws Exception {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    Path index = temp.resolve("index");
    serveWatched(content, index, (handle, http) -> {
      IndexLocation.deleteRecursively(index);
      assertThat(search(http, "卷积").get("total").asInt()).as("served from the open files").isPositive();
      Files.writeString(content.resolve("新笔记.md"), "# 新笔记\n\n霍夫曼编码压缩数据。\n");
      eventually(() -> search(http, "霍夫曼编码").get("total").asInt() == 1);
      assertThat(index.resolve(FolderLock.FILE)).exists();
      assertThat(IndexFolder.verify(new IndexLocation(index).current().orElseThrow())).isNull();
      assertThat(warnings()).singleElement().asString().contains("deleted while serving");
      assertThat(http.send("GET", "/ready").status()).isEqualTo(200);
    });
  }

  @Test
  void a_full_disk_keeps_the_last_index_serving_and_with_no_index_the_server_answers_503_not_a_crash() throws Exception {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    Path disk = temp.resolve("disk");
    FolderFaults.mountTmpfs(disk, 20);
    try {
      Path index = disk.resolve("index");
      try (IndexHandle handle = IndexHandle.open(content, index)) {
        Path filler = FolderFaults.fill(disk);
        Files.writeString(content.resolve("新笔记.md"), "# 新笔记\n\n霍夫曼编码压缩数据。" + "数据压缩。".repeat(20_000) + "\n");
        for (boolean full : new boolean[] {false, true, false}) {
          try {
            handle.reindex(full);
          } catch (java.io.IOException expected) {
            // the disk is full
          }
        }
        assertThat(handle.problem()).get().asString().contains("disk of the index folder is full");
        assertThat(warnings()).hasSize(1);
        try (IndexHandle.Lease lease = handle.acquire()) {
          assertThat(lease.corpus().catalog().size()).isEqualTo(10);
        }
        assertThat(IndexFolder.verify(new IndexLocation(index).current().orElseThrow())).isNull();
        Files.delete(filler);
        handle.reindex(false);
        assertThat(handle.problem()).isEmpty();
        try (IndexHandle.Lease lease = handle.acquire()) {
          assertThat(lease.corpus().catalog().size()).isEqualTo(11);
        }
      }
      IndexLocation.deleteRecursively(index(disk));
      Path filler = FolderFaults.fill(disk);
      try (IndexHandle empty = IndexHandle.openForServing(content, index(disk), report -> {})) {
        JavalinTest.test(app(empty, content), (server, client) -> {
          RawHttp http = new RawHttp(server.port(), 15_000);
          assertThat(http.send("GET", "/health").status()).isEqualTo(200);
          RawHttp.Response ready = http.send("GET", "/ready");
          assertThat(ready.status()).isEqualTo(503);
          assertThat(ready.body()).contains("disk of the index folder is full");
          RawHttp.Response search = http.send("GET", "/api/search?q=cnn");
          assertThat(search.status()).isEqualTo(503);
          assertThat(JSON.readTree(search.body()).get("detail").asText()).contains("no index yet");
          Files.delete(filler);
          empty.reindex(false);
          assertThat(http.send("GET", "/ready").status()).isEqualTo(200);
          assertThat(search(http, "卷积").get("total").asInt()).isPositive();
        });
      }
    } finally {
      FolderFaults.unmount(disk);
    }
  }

  interface Scenario {
    void run(IndexHandle handle, RawHttp http) throws Exception;
  }

  /** Runs {@code scenario} against the app over a watched index of {@code content}. */
  private static void serveWatched(Path content, Path index, Scenario scenario) throws Exception {
    try (IndexHandle handle = IndexHandle.open(content, index);
        ContentWatcher watcher = ContentWatcher.start(handle, index)) {
      JavalinTest.test(app(handle, content), (server, client) -> scenario.run(handle, new RawHttp(server.port(), 15_000)));
    }
  }

  private static Path index(Path disk) {
    return disk.resolve("index");
  }

  private static io.javalin.Javalin app(IndexHandle handle, Path content) throws java.io.IOException {
    return App.create(ServeCommand.features(handle, Glossary.forContent(content)), App.Settings.DEFAULT);
  }

  private static JsonNode search(RawHttp http, String q) throws Exception {
    RawHttp.Response response = http.send("GET", "/api/search?q=" + java.net.URLEncoder.encode(q, "UTF-8"));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static void eventually(Callable<Boolean> condition) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!condition.call()) {
      assertThat(System.currentTimeMillis()).as("condition reached within 10 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
