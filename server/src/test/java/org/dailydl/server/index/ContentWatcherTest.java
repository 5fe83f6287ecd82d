package org.dailydl.server.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dailydl.server.TestIndex;
import org.dailydl.server.search.SearchRequest;
import org.dailydl.server.search.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
}
