package org.dailydl.server.semantic;

import org.slf4j.Logger;

/**
 * Logs an embedding run's progress at most every {@link #INTERVAL_NANOS} (and at its start), so
 * an operator sees a long first run move without a line per batch. Thread-safe.
 */
final class ProgressLog {
  static final long INTERVAL_NANOS = 10_000_000_000L;

  private final Logger log;
  private long last;

  ProgressLog(Logger log) {
    this.log = log;
  }

  synchronized void embedded(int done, int total) {
    long now = System.nanoTime();
    if (total == 0) {
      return;
    }
    if (done == 0) {
      last = now;
      log.info("embedding {} passages for semantic search (lexical search answers meanwhile)", total);
    } else if (done < total && now - last >= INTERVAL_NANOS) {
      last = now;
      log.info("embedding passages: {} of {} ({}%)", done, total, done * 100 / total);
    }
  }
}
