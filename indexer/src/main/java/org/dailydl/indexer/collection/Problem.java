package org.dailydl.indexer.collection;

/**
 * Something wrong with one file, reported instead of failing the whole run.
 *
 * @param path relative to the content root
 * @param line 1-based line, or 0 when the problem is the whole file
 * @param message what is wrong, in words a note-taker understands
 * @param severity whether the file was still indexed, skipped harmlessly, or could not be read
 */
public record Problem(String path, int line, String message, Severity severity) {

  public enum Severity {
    /** Indexed anyway (e.g. decoded from GB18030). */
    WARNING,
    /** Deliberately not indexed (empty, too large, a symlink loop, a duplicate). */
    SKIPPED,
    /** Could not be read or parsed: {@code --check} fails on these. */
    UNREADABLE
  }

  /** Whether the file was left out of the index. */
  public boolean skipsFile() {
    return severity != Severity.WARNING;
  }
}
