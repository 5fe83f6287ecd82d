package org.dailydl.server.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.dailydl.indexer.collection.Problem;
import org.dailydl.indexer.collection.ContentWalker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the content folder (recursively; new folders are watched as they appear) and re-indexes
 * shortly after changes settle, so a saved, added or deleted file is searchable within about a
 * second. Bursts of events (an editor's save, a git checkout) collapse into one update. Requests
 * keep being served from the previous version while an update runs.
 */
public final class ContentWatcher implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(ContentWatcher.class);
  static final long SETTLE_MILLIS = 200;

  private final IndexHandle index;
  private final Path root;
  private final WatchService watcher;
  private final ScheduledExecutorService scheduler;
  private final Thread thread;
  private ScheduledFuture<?> pending;
  private volatile boolean closed;

  private ContentWatcher(IndexHandle index, Path indexDir) throws IOException {
    this.index = index;
    this.root = index.contentDir();
    this.watcher = FileSystems.getDefault().newWatchService();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "dailydl-reindex"));
    this.thread = daemon(this::loop, "dailydl-watch");
    this.indexDir = indexDir == null ? null : indexDir.toAbsolutePath().normalize();
  }

  private final Path indexDir;

  /** Starts watching {@code index}'s content folder (ignoring {@code indexDir} if it lies inside). */
  public static ContentWatcher start(IndexHandle index, Path indexDir) throws IOException {
    ContentWatcher w = new ContentWatcher(index, indexDir);
    w.registerTree(w.root);
    w.thread.start();
    return w;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private void registerTree(Path start) throws IOException {
    Files.walkFileTree(start, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if (!dir.equals(root) && (ContentWalker.isSkippedFolder(name) || dir.toAbsolutePath().normalize().equals(indexDir))) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private void loop() {
    while (!closed) {
      WatchKey key;
      try {
        key = watcher.take();
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      }
      Path dir = (Path) key.watchable();
      for (WatchEvent<?> event : key.pollEvents()) {
        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name) {
          Path child = dir.resolve(name);
          if (Files.isDirectory(child)) {
            try {
              registerTree(child);
            } catch (IOException e) {
              LOG.warn("cannot watch new folder {}: {}", child, e.toString());
            }
          }
        }
      }
      key.reset();
      schedule();
    }
  }

  private synchronized void schedule() {
    if (pending != null) {
      pending.cancel(false);
    }
    pending = scheduler.schedule(this::reindex, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void reindex() {
    try {
      var report = index.reindex(false);
      if (!"unchanged".equals(report.mode())) {
        LOG.info("content changed: {} indexed, {} removed, {} warnings in {} ms", report.indexed(), report.removed(),
            report.problems().size(), report.millis());
      }
      report.problems().stream().filter(p -> p.severity() != Problem.Severity.WARNING)
          .forEach(p -> LOG.warn("{}: {}", p.path(), p.message()));
    } catch (IOException | RuntimeException e) {
      LOG.warn("re-indexing after a content change failed; still serving the previous index: {}", e.toString());
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    scheduler.shutdownNow();
    watcher.close();
    thread.interrupt();
  }
}
