package org.dailydl.server.index;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.index.IndexReader;

/**
 * One version of the index as the server sees it: the reader it was opened on, its catalog, and
 * data derived from it (keywords, the topic graph), computed once on first use and dropped with the
 * version when the index changes. Thread-safe.
 */
public final class IndexVersion {
  private final long number;
  private final IndexReader reader;
  private final Catalog catalog;
  private final ConcurrentHashMap<Class<?>, Object> derived = new ConcurrentHashMap<>();

  IndexVersion(long number, IndexReader reader, Catalog catalog) {
    this.number = number;
    this.reader = reader;
    this.catalog = catalog;
  }

  /** Increases by one with every change of the index the server serves. */
  public long number() {
    return number;
  }

  IndexReader reader() {
    return reader;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** The value derived from this version by {@code compute}, computed at most once per type. */
  public <T> T derived(Class<T> type, Function<IndexVersion, T> compute) {
    return type.cast(derived.computeIfAbsent(type, t -> compute.apply(this)));
  }
}
