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

  /** The reader this version was opened on (valid while a searcher of the version is held). */
  public IndexReader reader() {
    return reader;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** The value derived from this version by {@code compute}, computed at most once per type. */
  public <T> T derived(Class<T> type, Function<IndexVersion, T> compute) {
    Object known = derived.get(type);
    if (known != null) {
      return type.cast(known);
    }
    // computed outside the map: one derived value may need another (the graph needs the vectors),
    // and ConcurrentHashMap forbids nested computeIfAbsent; a rare double computation is harmless
    T value = compute.apply(this);
    Object raced = derived.putIfAbsent(type, value);
    return raced == null ? value : type.cast(raced);
  }
}
