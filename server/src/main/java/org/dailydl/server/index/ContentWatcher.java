package org.dailydl.server.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.dailydl.indexer.collection.ContentWalker;
import org.dailydl.indexer.collection.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the content folder and re-indexes shortly after changes settle, so a saved, added or
 * deleted file is searchable within about a second. It watches exactly the folders the indexer's
 * walk enters ({@link ContentWalker#folders}: one rule for both). Bursts of events (an editor's
 * save, a git checkout) collapse into one update, and a stream that never pauses still gets one at
 * least every {@link #MAX_DELAY_MILLIS}. Before each update the watched set is brought in line with
 * the disk: a renamed folder is watched under its new name (the operating system keeps reporting
 * it under the old one), a deleted one is dropped. Requests keep being served from the previous
 * version while an update runs.
 */
public final class ContentWatcher implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(ContentWatcher.class);
  static final long SETTLE_MILLIS = 200;
  static final long MAX_DELAY_MILLIS = 2_000;
  /** How often an update that failed for a fault of the index folder is tried again without a change. */
  static final long RETRY_SECONDS = 30;

  private final IndexHandle index;
  private final ContentWalker walker;
  private final WatchService watcher;
  private final ScheduledExecutorService scheduler;
  private final Thread thread;
  /** Watched folders and their keys (guarded by {@code this}). */
  private final Map<Path, WatchKey> keys = new HashMap<>();
  /** The update scheduled and not started yet, and the token it runs for (guarded by {@code this}). */
  private ScheduledFuture<?> pending;
  private Object waiting;
  private long waitingSince;
  private volatile boolean closed;

  private ContentWatcher(IndexHandle index, Path indexDir) throws IOException {
    this.index = index;
    this.walker = new ContentWalker(index.contentDir(), ContentWalker.DEFAULT_MAX_BYTES, indexDir);
    this.watcher = FileSystems.getDefault().newWatchService();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "dailydl-reindex"));
    this.thread = daemon(this::loop, "dailydl-watch");
  }

  /** Starts watching {@code index}'s content folder (ignoring {@code indexDir} if it lies inside). */
  public static ContentWatcher start(IndexHandle index, Path indexDir) throws IOException {
    ContentWatcher w = new ContentWatcher(index, indexDir);
    w.synchronizeFolders();
    w.thread.start();
    w.scheduler.scheduleWithFixedDelay(w::retryWhileFaulty, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
    return w;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** The folders watched now, sorted (for tests: they must be the folders the walk enters). */
  synchronized Set<Path> watchedFolders() {
    return new TreeSet<>(keys.keySet());
  }

  /** Watches every folder the walk enters and no other: new ones added, vanished or renamed ones dropped. */
  private synchronized void synchronizeFolders() throws IOException {
    Set<Path> wanted = new HashSet<>(walker.folders(index.contentDir()));
    keys.entrySet().removeIf(e -> {
      // a folder reached by two paths (a link inside) has one key, reported under one of them
      Path reportedAs = (Path) e.getValue().watchable();
      boolean stale = !wanted.contains(e.getKey()) || !e.getValue().isValid() || !wanted.contains(reportedAs);
      if (stale) {
        e.getValue().cancel();
      }
      return stale;
    });
    // a key the system reports under a vanished name (a renamed folder) is cancelled above, so
    // registering the new name gets a key that says where the folder is now
    keys.entrySet().removeIf(e -> !e.getValue().isValid());
    register(wanted);
  }

  /** Watches the folders the walk enters at or below {@code start} (a folder just created). */
  private synchronized void watchNewFolder(Path start) throws IOException {
    register(walker.folders(start));
  }

  private void register(Iterable<Path> folders) throws IOException {
    for (Path dir : folders) {
      if (!keys.containsKey(dir)) {
        try {
          keys.put(dir, dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
              StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE));
        } catch (NoSuchFileException gone) {
          // deleted since the walk: nothing to watch
        }
      }
    }
  }

  private void loop() {
    while (!closed) {
      WatchKey key;
      try {
        key = watcher.take();
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      }
      try {
        handle(key);
      } catch (RuntimeException e) {
        // one odd event never ends watching: the next update re-synchronises the folders anyway
        LOG.warn("handling a content change failed: {}", e.toString());
      }
      schedule();
    }
  }

  private void handle(WatchKey key) {
    Path dir = (Path) key.watchable();
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name) {
        Path child = dir.resolve(name);
        if (Files.isDirectory(child)) {
          try {
            watchNewFolder(child);
          } catch (IOException e) {
            LOG.warn("cannot watch new folder {}: {}", child, e.toString());
          }
        }
      }
    }
    key.reset();
  }

  /** Re-indexes once events pause for {@link #SETTLE_MILLIS}, or {@link #MAX_DELAY_MILLIS} after the first. */
  private synchronized void schedule() {
    long now = System.currentTimeMillis();
    if (waiting != null) {
      if (now - waitingSince >= MAX_DELAY_MILLIS - SETTLE_MILLIS) {
        return; // changes keep coming: let the update that is due run
      }
      pending.cancel(false);
    } else {
      waitingSince = now;
    }
    Object token = new Object();
    waiting = token;
    pending = scheduler.schedule(() -> runScheduled(token), SETTLE_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Runs the update {@code token} stands for, unless a later one replaced it; events from now on schedule another. */
  private void runScheduled(Object token) {
    synchronized (this) {
      if (waiting != token) {
        return;
      }
      waiting = null;
    }
    reindex();
  }

  private void reindex() {
    try {
      synchronizeFolders();
      var report = index.reindex(false);
      if (!"unchanged".equals(report.mode())) {
        LOG.info("content changed: {} indexed, {} removed, {} warnings in {} ms", report.indexed(), report.removed(),
            report.problems().size(), report.millis());
      }
      report.problems().stream().filter(p -> p.severity() != Problem.Severity.WARNING)
          .forEach(p -> LOG.warn("{}: {}", p.path(), p.message()));
    } catch (IOException | RuntimeException e) {
      // the handle logs a fault once when it starts and once when it ends, not at every change
      LOG.debug("re-indexing after a content change failed", e);
    }
  }

  /** While the index cannot be updated (a full or read-only folder), tries again now and then. */
  private void retryWhileFaulty() {
    if (index.problem().isPresent()) {
      schedule();
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    scheduler.shutdownNow();
    watcher.close();
    thread.interrupt();
  }

  /** For tests: the folders watched, relative to the content folder, as a sorted list. */
  List<String> watchedRelative() {
    Path root = index.contentDir();
    return watchedFolders().stream().map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
  }
}
