package org.dailydl.server.index;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes each new index version's per-version data ({@link
 * org.dailydl.server.corpus.CorpusSnapshot#warm()}) in the background as soon as it is served, so
 * that readers' first related articles, keywords or graph after a start or a change do not wait for
 * it. Requests made while one is running collapse into one more run. At start it waits until the
 * update of the index is over: that update decides which version is served, and both need the cores.
 * After a change it waits {@link #AFTER_CHANGE_MILLIS} first, and it gives up a version as soon as a
 * newer one is served: while an author saves note after note, each save's update and the searches
 * after it get the cores, not the warming of versions nobody will read (seconds each at 10,000
 * articles). Thread-safe.
 */
public final class SnapshotWarmer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotWarmer.class);

  /** How long after an indexing run warming starts (further runs meanwhile push it back). */
  static final long AFTER_CHANGE_MILLIS = 1_000;

  private final IndexHandle index;
  /** Indexing runs since start: a warming run for an older count is out of date. */
  private final AtomicLong changes = new AtomicLong();
  private final CoalescingRunner runner = new CoalescingRunner("dailydl-warm", Thread.MIN_PRIORITY, this::warm);

  private SnapshotWarmer(IndexHandle index) {
    this.index = index;
  }

  /** Warms the version served now, and every version after an indexing run. */
  public static SnapshotWarmer start(IndexHandle index) {
    SnapshotWarmer warmer = new SnapshotWarmer(index);
    index.onIndexed(() -> {
      warmer.changes.incrementAndGet();
      warmer.schedule();
    });
    warmer.schedule();
    return warmer;
  }

  /** Warms the current version soon (once, however often it is asked meanwhile). */
  public void schedule() {
    runner.request();
  }

  private void warm() {
    long seen;
    try {
      index.awaitStartupUpdate();
      // after a change: wait until saves pause (each one bumps the count and asks for another run)
      do {
        seen = changes.get();
        if (seen > 0) {
          Thread.sleep(AFTER_CHANGE_MILLIS);
        }
      } while (changes.get() != seen);
    } catch (InterruptedException e) {
      return; // closed
    }
    long start = System.nanoTime();
    long version = seen;
    try (IndexHandle.Lease lease = index.acquire()) {
      if (!lease.corpus().isWarm() && lease.corpus().warm(() -> changes.get() == version)) {
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
