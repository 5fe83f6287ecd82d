package org.dailydl.server.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.dailydl.indexer.collection.ContentWalker;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.TestIndex;
import org.dailydl.server.search.SearchRequest;
import org.dailydl.server.search.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
/** The content watcher: changes become searchable, in exactly the folders the indexer walks. */
class ContentWatcherTest {
  @TempDir Path temp;

  private static long count(SearchService search, String q) throws Exception {
    return search.search(SearchRequest.of(q)).total();
  }

  /** Polls until the condition holds or the deadline passes (the watcher settles changes for a moment). */
  private static boolean eventually(Callable<Boolean> condition) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      if (condition.call()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.call();
  }

  @Test
  void saved_added_and_deleted_files_are_searchable_without_a_restart() throws Exception {
    try (TestIndex index = TestIndex.ofFixtures(temp);
        ContentWatcher watcher = ContentWatcher.start(index.handle, temp.resolve("index"))) {
      SearchService search = SearchService.create(index.handle, index.glossary());
      assertThat(count(search, "霍夫曼编码")).isZero();

      Path cnn = index.content.resolve("深度学习/CNN.md");
      Files.writeString(cnn, Files.readString(cnn) + "\n霍夫曼编码也能压缩卷积核。\n");
      assertThat(eventually(() -> count(search, "霍夫曼编码") == 1)).isTrue();

      Path folder = Files.createDirectories(index.content.resolve("新主题"));
      Files.writeString(folder.resolve("量子.md"), "# 量子计算\n\n量子比特可以处于叠加态。\n");
      assertThat(eventually(() -> count(search, "量子比特") == 1)).isTrue();

      Files.delete(folder.resolve("量子.md"));
      assertThat(eventually(() -> count(search, "量子比特") == 0)).isTrue();
      assertThat(count(search, "卷积")).isPositive();
    }
  }

  @Test
  void the_watcher_watches_exactly_the_folders_the_walker_enters() throws Exception {
    Path content = Files.createDirectories(temp.resolve("content"));
    for (String folder : List.of("a/深", ".git/objects", "node_modules/pkg", "target", "__pycache__", "notes/.ipynb_checkpoints",
        ".hidden/notes", "index/gen-000001")) {
      Files.createDirectories(content.resolve(folder));
    }
    Files.writeString(content.resolve("a/深/c.md"), "# 深处\n\n卷积在这里。\n");
    Files.writeString(content.resolve(".hidden/notes/linked.md"), "# 链接的笔记\n\n池化在这里。\n");
    Path outside = Files.createDirectories(temp.resolve("outside/sub"));
    Files.createSymbolicLink(content.resolve("out"), outside);
    Files.createSymbolicLink(content.resolve("via-link"), content.resolve(".hidden/notes"));
    Path indexDir = content.resolve("index");
    try (IndexHandle handle = IndexHandle.open(content, indexDir);
        ContentWatcher watcher = ContentWatcher.start(handle, indexDir)) {
      List<String> walked = new ContentWalker(content, ContentWalker.DEFAULT_MAX_BYTES, indexDir).folders(content).stream()
          .map(p -> content.relativize(p).toString()).sorted().toList();
      assertThat(watcher.watchedRelative()).isEqualTo(walked).containsExactly("", "a", "a/深", "notes", "via-link");
      assertThat(handle.lastReport().articles()).isEqualTo(2);

      AtomicInteger updates = new AtomicInteger();
      handle.onIndexed(updates::incrementAndGet);
      Files.writeString(content.resolve(".git/objects/x.md"), "# 不该索引\n");
      Files.writeString(content.resolve("node_modules/pkg/README.md"), "# 依赖\n");
      Files.writeString(content.resolve("index/stray.md"), "# 索引里\n");
      Thread.sleep(ContentWatcher.SETTLE_MILLIS * 4);
      assertThat(updates.get()).as("changes in skipped folders start no update").isZero();

      SearchService search = SearchService.create(handle, Glossary.builtIn());
      // the folder behind the link lies in a hidden folder, but the walk reaches it through the link
      Files.writeString(content.resolve(".hidden/notes/linked.md"), "# 链接的笔记\n\n霍夫曼编码在这里。\n");
      assertThat(eventually(() -> count(search, "霍夫曼编码") == 1)).isTrue();

      Files.move(content.resolve("a"), content.resolve("b"));
      assertThat(eventually(() -> watcher.watchedRelative().equals(List.of("", "b", "b/深", "notes", "via-link")))).isTrue();
    }
  }
}
