package org.dailydl.server.index;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes each new index version's per-version data ({@link
 * org.dailydl.server.corpus.CorpusSnapshot#warm()}) in the background as soon as it is served, so
 * that readers' first related articles, keywords or graph after a start or a change do not wait for
 * it. Requests made while one is running collapse into one more run. At start it waits until the
 * update of the index is over: that update decides which version is served, and both need the cores.
 * Thread-safe.
 */
public final class SnapshotWarmer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotWarmer.class);

  private final IndexHandle index;
  private final CoalescingRunner runner = new CoalescingRunner("dailydl-warm", Thread.MIN_PRIORITY, this::warm);

  private SnapshotWarmer(IndexHandle index) {
    this.index = index;
  }

  /** Warms the version served now, and every version after an indexing run. */
  public static SnapshotWarmer start(IndexHandle index) {
    SnapshotWarmer warmer = new SnapshotWarmer(index);
    index.onIndexed(warmer::schedule);
    warmer.schedule();
    return warmer;
  }

  /** Warms the current version soon (once, however often it is asked meanwhile). */
  public void schedule() {
    runner.request();
  }

  private void warm() {
    try {
      index.awaitStartupUpdate();
    } catch (InterruptedException e) {
      return; // closed
    }
    long start = System.nanoTime();
    try (IndexHandle.Lease lease = index.acquire()) {
      if (!lease.corpus().isWarm()) {
        lease.corpus().warm();
        LOG.info("index version {} warmed in {} ms", lease.corpus().number(), (System.nanoTime() - start) / 1_000_000);
      }
    } catch (IndexUnavailableException e) {
      // nothing served yet: the indexing run that makes a version schedules the next warming
    } catch (RuntimeException | IOException e) {
      // requests compute what they need themselves and report their own errors
      LOG.warn("warming the index version failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    runner.close();
  }
}
