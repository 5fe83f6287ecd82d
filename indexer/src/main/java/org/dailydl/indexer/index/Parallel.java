package org.dailydl.indexer.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs one step of indexing over many items on all cores: a fixed pool, results in the items'
 * order, the first failure rethrown as it was. Parsing and analysis are CPU-bound per file, so one
 * thread per core is as fast as it gets; fewer than {@link #FROM} items run on the caller's thread,
 * where a pool costs more than it saves.
 */
final class Parallel {
  /** Below this many items, a thread pool costs more than it saves. */
  static final int FROM = 8;

  /** One step that may fail with an I/O error. */
  interface Step<T, R> {
    R apply(T item) throws IOException;
  }

  private Parallel() {}

  /** The threads a step runs on: one per core, at most eight. */
  static int threads() {
    return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
  }

  /** {@code step} applied to every item, on {@link #threads()} threads named {@code name}. */
  static <T, R> List<R> map(List<T> items, String name, Step<T, R> step) throws IOException {
    if (items.size() < FROM || threads() == 1) {
      List<R> result = new ArrayList<>(items.size());
      for (T item : items) {
        result.add(step.apply(item));
      }
      return result;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads(), r -> {
      Thread thread = new Thread(r, name);
      thread.setDaemon(true);
      return thread;
    });
    List<Future<R>> futures = new ArrayList<>(items.size());
    try {
      for (T item : items) {
        futures.add(pool.submit(() -> step.apply(item)));
      }
      List<R> result = new ArrayList<>(items.size());
      for (Future<R> future : futures) {
        result.add(future.get());
      }
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while indexing", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException(name + " failed: " + cause, cause);
    } finally {
      // after a failure, items not started are dropped; those running finish (never interrupted:
      // an interrupt inside IndexWriter can leave it unusable), so the caller may close what they use
      futures.forEach(f -> f.cancel(false));
      pool.shutdown();
      awaitQuietly(pool);
    }
  }

  private static void awaitQuietly(ExecutorService pool) {
    try {
      pool.awaitTermination(1, TimeUnit.HOURS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
