package org.dailydl.server.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dailydl.server.TestIndex;
import org.dailydl.server.corpus.CorpusSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each served index version has its per-version data computed in the background, before any request needs it. */
class SnapshotWarmerTest {
  @TempDir Path temp;

  private static boolean eventuallyWarm(IndexHandle handle, long notVersion) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      try (IndexHandle.Lease lease = handle.acquire()) {
        if (lease.corpus().number() != notVersion && lease.corpus().isWarm()) {
          return true;
        }
      }
      Thread.sleep(50);
    }
    return false;
  }

  @Test
  void the_served_version_and_the_one_after_a_change_are_warmed_without_a_request() throws Exception {
    try (TestIndex index = TestIndex.ofFixtures(temp)) {
      try (IndexHandle.Lease lease = index.handle.acquire()) {
        assertThat(lease.corpus().isWarm()).as("nothing has asked for related articles or topics yet").isFalse();
      }
      try (SnapshotWarmer warmer = SnapshotWarmer.start(index.handle)) {
        assertThat(eventuallyWarm(index.handle, -1)).as("the version served at start").isTrue();
        long first;
        try (IndexHandle.Lease lease = index.handle.acquire()) {
          first = lease.corpus().number();
        }

        Files.writeString(index.content.resolve("新笔记.md"), "# 新笔记\n\n梯度下降与学习率的关系。\n");
        index.handle.reindex(false);
        assertThat(eventuallyWarm(index.handle, first)).as("the version after an indexing run").isTrue();
        try (IndexHandle.Lease lease = index.handle.acquire()) {
          CorpusSnapshot snapshot = lease.corpus();
          assertThat(snapshot.number()).isGreaterThan(first);
          assertThat(snapshot.catalog().byPath("新笔记.md")).isPresent();
        }
      }
    }
  }

  @Test
  void warming_stops_between_steps_once_its_version_is_no_longer_wanted() throws Exception {
    try (TestIndex index = TestIndex.ofFixtures(temp); IndexHandle.Lease lease = index.handle.acquire()) {
      CorpusSnapshot snapshot = lease.corpus();
      int[] asked = {0};
      // wanted for the first step only: the link graph is computed, the term statistics are not
      assertThat(snapshot.warm(() -> asked[0]++ == 0)).isFalse();
      assertThat(snapshot.isWarm()).isFalse();
      assertThat(snapshot.warm(() -> true)).isTrue();
      assertThat(snapshot.isWarm()).isTrue();
    }
  }
}
