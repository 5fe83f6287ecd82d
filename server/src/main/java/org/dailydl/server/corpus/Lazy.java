package org.dailydl.server.corpus;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value computed on first use, exactly once: concurrent callers wait for the one computation
 * (under load many requests ask at once). A computation that throws is tried again by the next
 * caller. Thread-safe.
 */
final class Lazy<T> {
  private final Supplier<T> compute;
  private volatile T value;

  Lazy(Supplier<T> compute) {
    this.compute = Objects.requireNonNull(compute);
  }

  T get() {
    T known = value;
    if (known == null) {
      synchronized (this) {
        known = value;
        if (known == null) {
          known = Objects.requireNonNull(compute.get(), "a lazy value may not be null");
          value = known;
        }
      }
    }
    return known;
  }

  /** Whether the value has been computed. */
  boolean isComputed() {
    return value != null;
  }
}
