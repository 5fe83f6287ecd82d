package org.dailydl.server.index;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.index.IndexReader;

/**
 * One version of the index as the server sees it: the reader it was opened on, its catalog, and
 * data derived from it (keywords, the topic graph), computed on first use and dropped with the
 * version when the index changes. Thread-safe.
 */
public final class IndexVersion {
  private final long number;
  private final IndexReader reader;
  private final Catalog catalog;
  private final ConcurrentHashMap<Class<?>, java.util.concurrent.Future<?>> derived = new ConcurrentHashMap<>();

  IndexVersion(long number, IndexReader reader, Catalog catalog) {
    this.number = number;
    this.reader = reader;
    this.catalog = catalog;
  }

  /** Increases by one with every change of the index the server serves. */
  public long number() {
    return number;
  }

  /** The reader this version was opened on (valid while a searcher of the version is held). */
  public IndexReader reader() {
    return reader;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** The value derived from this version by {@code compute}, computed at most once per type. */
  public <T> T derived(Class<T> type, Function<IndexVersion, T> compute) {
    // single flight: under load many requests ask at once, and exactly one computes; the task runs
    // outside the map, so one derived value may ask for another (the graph needs the vectors)
    java.util.concurrent.FutureTask<Object> task = new java.util.concurrent.FutureTask<>(() -> compute.apply(this));
    java.util.concurrent.Future<?> known = derived.putIfAbsent(type, task);
    if (known == null) {
      task.run();
      known = task;
    }
    try {
      return type.cast(known.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + type.getSimpleName(), e);
    } catch (java.util.concurrent.ExecutionException e) {
      derived.remove(type, known);
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
