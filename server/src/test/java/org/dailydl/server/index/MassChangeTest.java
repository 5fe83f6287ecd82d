package org.dailydl.server.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.dailydl.indexer.collection.ContentFile;
import org.dailydl.indexer.collection.ContentWalker;
import org.dailydl.indexer.index.IndexLocation;
import org.dailydl.indexer.Fixtures;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.App;
import org.dailydl.server.ServeCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live index under the changes of an ordinary working day, while a client keeps searching: a
 * checkout that rewrites 200 files, a renamed folder of 50, a deleted folder, a file replaced by an
 * atomic rename and a file created and deleted 100 times. After each, within 5 s, search and the
 * article list hold exactly the files on disk (no ghost, none missing, none twice) and no request
 * failed meanwhile.
 */
class MassChangeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SETTLE_BOUND_MILLIS = 5_000;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path temp;

  @Test
  void search_and_the_article_list_match_the_disk_after_every_mass_change_and_no_request_fails() throws Exception {
    Path content = seed(temp.resolve("content"));
    Path indexDir = temp.resolve("index");
    try (IndexHandle handle = IndexHandle.open(content, indexDir);
        ContentWatcher watcher = ContentWatcher.start(handle, indexDir)) {
      JavalinTest.test(App.create(ServeCommand.features(handle, Glossary.forContent(content)), App.Settings.DEFAULT),
          (server, client) -> {
        String base = "http://127.0.0.1:" + server.port();
        Searcher searcher = new Searcher(base);
        Thread background = new Thread(searcher, "continuous-search");
        background.start();
        try {
          assertMatchesDisk(base, content, indexDir);

          // a checkout of another branch: 200 files rewritten at once, 10 gone, 10 new
          for (int i = 0; i < 200; i++) {
            Files.writeString(content.resolve("仓库/笔记" + i + ".md"), note("笔记 " + i, "betaversion 第二版 " + i));
          }
          for (int i = 0; i < 10; i++) {
            Files.delete(content.resolve("仓库/附录" + i + ".md"));
            Files.writeString(content.resolve("仓库/新增" + i + ".md"), note("新增 " + i, "betaversion 新文件"));
          }
          settle(base, content, indexDir, () -> total(base, "betaversion") == 210 && total(base, "alphaversion") == 0);

          Files.move(content.resolve("专题"), content.resolve("专题改名"));
          settle(base, content, indexDir, () -> pathsOf(base, "renamedfolderbeta").size() == 50
              && pathsOf(base, "renamedfolderbeta").stream().allMatch(p -> p.startsWith("专题改名/")));
          // folders made later inside the renamed one are watched under their new name too
          Path later = Files.createDirectories(content.resolve("专题改名/后来/更深"));
          Files.writeString(later.resolve("后记.md"), note("后记", "laterfolderiota 初稿"));
          settle(base, content, indexDir, () -> total(base, "laterfolderiota") == 1);
          Files.writeString(later.resolve("后记.md"), note("后记", "revisedkappa 修订"));
          settle(base, content, indexDir, () -> total(base, "revisedkappa") == 1 && total(base, "laterfolderiota") == 0);

          IndexLocation.deleteRecursively(content.resolve("旧稿"));
          settle(base, content, indexDir, () -> total(base, "deletedfoldergamma") == 0);

          // an editor's save: write a temporary file, rename it over the note
          Path tmp = content.resolve("仓库/.替换.md.swp");
          Files.writeString(tmp, note("替换", "replacedepsilon 新的内容"));
          Files.move(tmp, content.resolve("仓库/替换.md"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          settle(base, content, indexDir, () -> total(base, "replacedepsilon") == 1 && total(base, "originaldelta") == 0);

          Path flicker = content.resolve("仓库/闪现.md");
          for (int i = 0; i < 100; i++) {
            Files.writeString(flicker, note("闪现 " + i, "flickerzeta " + i));
            Files.delete(flicker);
          }
          settle(base, content, indexDir, () -> total(base, "flickerzeta") == 0);
        } finally {
          searcher.stop();
          background.join(10_000);
        }
        assertThat(searcher.requests.get()).as("requests made during the changes").isGreaterThan(50);
        assertThat(searcher.failures).as("failed requests").isEmpty();
      });
    }
  }

  /** The fixture corpus plus a 210-note folder, a 50-note folder to rename and a 30-note one to delete. */
  private Path seed(Path content) throws IOException {
    Fixtures.copyOfCorpus(content);
    Path repo = Files.createDirectories(content.resolve("仓库"));
    for (int i = 0; i < 200; i++) {
      Files.writeString(repo.resolve("笔记" + i + ".md"), note("笔记 " + i, "alphaversion 第一版 " + i));
    }
    for (int i = 0; i < 10; i++) {
      Files.writeString(repo.resolve("附录" + i + ".md"), note("附录 " + i, "alphaversion 附录"));
    }
    Files.writeString(repo.resolve("替换.md"), note("替换", "originaldelta 原来的内容"));
    Path topic = Files.createDirectories(content.resolve("专题/子目录"));
    for (int i = 0; i < 50; i++) {
      Path folder = i < 25 ? topic.getParent() : topic;
      Files.writeString(folder.resolve("专题" + i + ".md"), note("专题 " + i, "renamedfolderbeta 专题 " + i));
    }
    Path old = Files.createDirectories(content.resolve("旧稿"));
    for (int i = 0; i < 30; i++) {
      Files.writeString(old.resolve("旧稿" + i + ".md"), note("旧稿 " + i, "deletedfoldergamma 旧稿"));
    }
    return content;
  }

  private static String note(String title, String body) {
    return "# " + title + "\n\n" + body + "，梯度下降与学习率。\n";
  }

  /** Waits until the served articles equal the disk and {@code condition} holds, at most {@link #SETTLE_BOUND_MILLIS}. */
  private static void settle(String base, Path content, Path indexDir, Callable<Boolean> condition) throws Exception {
    long start = System.currentTimeMillis();
    while (System.currentTimeMillis() - start < SETTLE_BOUND_MILLIS) {
      if (servedPaths(base).equals(diskPaths(content, indexDir)) && condition.call()) {
        break;
      }
      Thread.sleep(100);
    }
    assertMatchesDisk(base, content, indexDir);
    assertThat(condition.call()).as("search reflects the change within " + SETTLE_BOUND_MILLIS + " ms").isTrue();
  }

  private static void assertMatchesDisk(String base, Path content, Path indexDir) throws Exception {
    List<String> served = servedPaths(base);
    assertThat(new HashSet<>(served)).as("no article listed twice").hasSameSizeAs(served);
    assertThat(served).as("the article list is the files on disk").isEqualTo(diskPaths(content, indexDir));
    JsonNode stats = get(base, "/api/stats");
    assertThat(stats.get("articles").asInt()).isEqualTo(served.size());
  }

  private static List<String> diskPaths(Path content, Path indexDir) throws IOException {
    return new ContentWalker(content, ContentWalker.DEFAULT_MAX_BYTES, indexDir).walk().files().stream()
        .map(ContentFile::path).sorted().toList();
  }

  private static List<String> servedPaths(String base) throws Exception {
    List<String> paths = new ArrayList<>();
    get(base, "/api/articles").get("articles").forEach(a -> paths.add(a.get("path").asText()));
    paths.sort(null);
    return paths;
  }

  private static long total(String base, String q) throws Exception {
    return get(base, "/api/search?size=1&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).get("total").asLong();
  }

  private static List<String> pathsOf(String base, String q) throws Exception {
    List<String> paths = new ArrayList<>();
    get(base, "/api/search?size=100&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).get("hits")
        .forEach(h -> paths.add(h.get("path").asText()));
    return paths;
  }

  private static JsonNode get(String base, String target) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + target)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(target + " → " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** A client that searches and lists articles without pause, recording every failed request. */
  private static final class Searcher implements Runnable {
    private static final List<String> TARGETS = List.of("/api/search?q=" + URLEncoder.encode("梯度下降", StandardCharsets.UTF_8),
        "/api/articles", "/api/search?q=betaversion", "/api/search?q=renamedfolderbeta&size=50", "/health");
    final List<String> failures = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final String base;

    Searcher(String base) {
      this.base = base;
    }

    void stop() {
      running.set(false);
    }

    @Override
    public void run() {
      for (int i = 0; running.get(); i++) {
        String target = TARGETS.get(i % TARGETS.size());
        try {
          HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + target))
              .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() != 200) {
            failures.add(target + " → " + response.statusCode() + " " + response.body());
          }
        } catch (IOException e) {
          failures.add(target + " → " + e);
        } catch (InterruptedException e) {
          return;
        }
        requests.incrementAndGet();
      }
    }
  }
}
