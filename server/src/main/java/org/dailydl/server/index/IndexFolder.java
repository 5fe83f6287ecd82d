package org.dailydl.server.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dailydl.indexer.index.FolderLock;
import org.dailydl.indexer.index.IndexLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index folder of a writing server: taking it ({@link FolderLock}: one writer per folder),
 * setting aside what is not a usable index of ours (never deleting what may be someone's data),
 * and noticing when the folder was deleted or taken from under a running server. Not thread-safe:
 * the handle calls it under its write lock.
 */
final class IndexFolder {
  private static final Logger LOG = LoggerFactory.getLogger(IndexFolder.class);

  private final IndexLocation location;
  private FolderLock lock;
  private Path reportedDeleted;

  IndexFolder(IndexLocation location) {
    this.location = location;
  }

  IndexLocation location() {
    return location;
  }

  /**
   * Takes the folder for writing: a folder of someone else's files is set aside first (so nothing
   * is written into it), then the lock is taken, then a live generation that fails its checksums
   * is set aside.
   *
   * @throws FolderLock.HeldException when another process writes this folder
   */
  void take() throws IOException {
    String foreign = null;
    try {
      foreign = location.isForeign() ? "it holds files that are not an index of this service" : null;
    } catch (IOException e) {
      foreign = e.getMessage();
    }
    if (foreign != null) {
      setAside(foreign);
    }
    lock = FolderLock.acquire(location.root(), "serve");
    String corrupt;
    try {
      Optional<Path> current = location.current();
      corrupt = current.isPresent() ? verify(current.get()) : null;
    } catch (IOException e) {
      corrupt = e.getMessage();
    }
    if (corrupt != null) {
      setAside(corrupt);
    }
  }

  /** Whether this server holds the folder's lock (it may not, when the folder is not writable). */
  boolean isTaken() {
    return lock != null;
  }

  /**
   * Before a write: takes the lock when it could not be taken before, and again when the folder
   * was deleted (or its lock file removed) meanwhile; says so when the served generation is gone.
   *
   * @throws FolderLock.HeldException when another process took the folder meanwhile
   */
  void ensureWritable(Path served) throws IOException {
    if (served != null && !Files.isDirectory(served) && !served.equals(reportedDeleted)) {
      reportedDeleted = served;
      LOG.warn("the index folder {} was deleted while serving; serving the last index from memory and rebuilding it",
          location.root());
    }
    if (lock == null) {
      lock = FolderLock.acquire(location.root(), "serve");
    } else {
      lock.ensureHeld();
    }
  }

  /** Null when every file of the generation matches its checksum, else what is wrong. */
  static String verify(Path generation) {
    try (Directory dir = FSDirectory.open(generation); CheckIndex check = new CheckIndex(dir)) {
      check.setChecksumsOnly(true);
      check.setInfoStream(null);
      CheckIndex.Status status = check.checkIndex();
      return status.clean ? null : "the index is corrupt (" + status.numBadSegments + " bad segments)";
    } catch (IOException | RuntimeException e) {
      return "the index cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    }
  }

  /**
   * Moves an unusable index folder aside and takes the lock of a fresh one. The served generation,
   * if any, stays readable (its files are open) until a new one replaces it.
   */
  void setAside(String problem) throws IOException {
    Path root = location.root();
    if (!Files.exists(root)) {
      return;
    }
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
    Path aside = root.resolveSibling(root.getFileName() + ".unusable-" + stamp);
    boolean held = lock != null;
    release();
    Files.move(root, aside);
    LOG.warn("index folder {} is not usable: {}; moved it to {} and rebuilding", root, problem, aside);
    if (held) {
      lock = FolderLock.acquire(root, "serve");
    }
  }

  void release() throws IOException {
    if (lock != null) {
      lock.close();
      lock = null;
    }
  }
}
