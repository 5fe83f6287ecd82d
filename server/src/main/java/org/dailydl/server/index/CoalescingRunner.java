package org.dailydl.server.index;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one task in the background, on a daemon thread of its own, whenever asked: requests made
 * before a run starts collapse into it, and a request made while one runs makes it run once more
 * afterwards. What per-version work needs after every indexing run (warming, embedding), however
 * many runs come in a row. Thread-safe.
 */
public final class CoalescingRunner implements AutoCloseable {
  private final Runnable task;
  private final AtomicBoolean pending = new AtomicBoolean();
  private final ExecutorService worker;

  /** @param priority the thread's priority ({@link Thread#NORM_PRIORITY}, {@link Thread#MIN_PRIORITY} …) */
  public CoalescingRunner(String threadName, int priority, Runnable task) {
    this.task = task;
    this.worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      t.setPriority(priority);
      return t;
    });
  }

  /** Runs the task soon (once, however often this is called before it starts). */
  public void request() {
    if (pending.compareAndSet(false, true)) {
      try {
        worker.submit(() -> {
          pending.set(false);
          task.run();
        });
      } catch (RejectedExecutionException e) {
        // closed: nothing runs any more
      }
    }
  }

  /** Stops the thread; a run under way is interrupted and none starts after this. */
  @Override
  public void close() {
    worker.shutdownNow();
  }
}
