package org.dailydl.server.corpus;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Objects;
import java.util.function.Function;

/**
 * A feature's own data derived from a snapshot (the topic graph, suggestion candidates, a ranking
 * prior), computed once per snapshot — concurrent callers wait for the one computation — and
 * dropped when the snapshot is no longer used (keys are held weakly and compared by identity).
 * Thread-safe.
 */
public final class PerSnapshot<T> {
  private final Cache<CorpusSnapshot, T> values = Caffeine.newBuilder().weakKeys().build();
  private final Function<CorpusSnapshot, T> compute;

  public PerSnapshot(Function<CorpusSnapshot, T> compute) {
    this.compute = Objects.requireNonNull(compute);
  }

  public T get(CorpusSnapshot snapshot) {
    return values.get(snapshot, compute);
  }
}
