package org.dailydl.indexer.index;

/** Receives progress of an indexing run (a terminal progress bar, log lines, or nothing). */
public interface ProgressListener {
  ProgressListener NONE = new ProgressListener() {};

  /** Called once the number of files to read is known. */
  default void start(int total) {}

  /** Called after each file has been read and parsed (from worker threads: implementations must be thread-safe). */
  default void fileDone(String path) {}

  /** Called when writing is done. */
  default void finish() {}
}
