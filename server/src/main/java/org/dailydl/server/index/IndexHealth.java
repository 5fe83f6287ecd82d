package org.dailydl.server.index;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why the index cannot be updated (or built) right now, if it cannot: a read-only or full index
 * folder, a folder taken by another process. A fault that lasts is logged once, when it starts, and
 * once more when it ends, not at every content change; {@code /ready} and {@code /api/stats} show
 * it meanwhile. Thread-safe.
 */
final class IndexHealth {
  private static final Logger LOG = LoggerFactory.getLogger(IndexHealth.class);

  private volatile String problem;
  /** The kind of fault, which decides whether it is new: the same full disk fails on other files each time. */
  private String kind;

  /** The fault of the last indexing run, if it failed. */
  Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  /** Records a failed run; logs it when it is not the fault already reported. */
  synchronized void failed(Exception e, boolean serving) {
    String now = describe(e);
    String nowKind = now.substring(0, now.indexOf('(') < 0 ? now.length() : now.indexOf('('));
    if (!nowKind.equals(kind)) {
      LOG.warn("the index cannot be {}: {}; {}", serving ? "updated" : "built", now,
          serving ? "still serving the last complete index" : "nothing to serve until it can (/ready answers 503)");
    }
    problem = now;
    kind = nowKind;
  }

  /** Records a run that succeeded; logs the end of a fault. */
  synchronized void succeeded() {
    if (problem != null) {
      LOG.info("the index is up to date again (the fault was: {})", problem);
    }
    problem = null;
    kind = null;
  }

  /** What went wrong, in words an operator acts on. */
  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String reason = t instanceof FileSystemException fs ? fs.getReason() : t.getMessage();
      if (reason == null) {
        continue;
      }
      if (reason.contains("No space left on device")) {
        return "the disk of the index folder is full (" + message(t) + ")";
      }
      if (reason.contains("Read-only file system") || t instanceof AccessDeniedException
          || reason.contains("Operation not permitted") || reason.contains("Permission denied")) {
        return "the index folder is not writable (" + message(t) + ")";
      }
    }
    return message(e);
  }

  private static String message(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
