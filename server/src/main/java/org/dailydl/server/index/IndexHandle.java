package org.dailydl.server.index;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.indexer.collection.ContentWalker;
import org.dailydl.indexer.index.IndexArticles;
import org.dailydl.indexer.index.IndexLocation;
import org.dailydl.indexer.index.IndexReport;
import org.dailydl.indexer.index.ProgressListener;
import org.dailydl.indexer.schema.IndexMeta;
import org.dailydl.server.corpus.CorpusSnapshot;
import org.dailydl.server.corpus.PassageVectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's view of the index: builds or updates it from the content folder, serves searchers
 * through a {@link SearcherManager}, and re-indexes on demand (the content watcher calls {@link
 * #reindex}). A full rebuild lands in a new generation folder; the handle then opens it and retires
 * the old manager, whose searchers stay valid until their requests release them. Requests never
 * see a half-built index. Thread-safe.
 */
public final class IndexHandle implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(IndexHandle.class);

  private final Path contentDir;
  private final IndexLocation location;
  private final long maxBytes;
  private final boolean readOnly;
  private final Object writeLock = new Object();
  private final AtomicLong versions = new AtomicLong();
  private volatile Supplier<Optional<PassageVectors>> passages = Optional::empty;
  private volatile Managed managed;
  private volatile CorpusSnapshot snapshot;
  private volatile IndexReport lastReport;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** Runs {@code listener} after every indexing run that made the index searchable (on the indexing thread). */
  public void onIndexed(Runnable listener) {
    listeners.add(listener);
  }

  /** The searcher manager of one generation folder. */
  private record Managed(Path generation, Directory directory, SearcherManager manager) {
    void close() throws IOException {
      manager.close();
      directory.close();
    }
  }

  /**
   * An acquired searcher with the corpus snapshot of its version; release it by closing. The
   * snapshot's lazy parts read from the searcher's reader, so compute them while the lease is held.
   */
  public record Lease(IndexSearcher searcher, CorpusSnapshot corpus, SearcherManager owner) implements AutoCloseable {
    @Override
    public void close() {
      try {
        owner.release(searcher);
      } catch (IOException e) {
        LOG.warn("releasing a searcher failed", e);
      }
    }
  }

  private IndexHandle(Path contentDir, Path indexDir, long maxBytes) {
    this(contentDir, indexDir, maxBytes, false);
  }

  private IndexHandle(Path contentDir, Path indexDir, long maxBytes, boolean readOnly) {
    this.contentDir = contentDir.toAbsolutePath().normalize();
    this.location = new IndexLocation(indexDir);
    this.maxBytes = maxBytes;
    this.readOnly = readOnly;
  }

  /**
   * For read replicas: opens the live generation of a prebuilt index (built in CI by {@code
   * index}) as it is. Nothing is built, updated, watched, set aside or otherwise written in {@code
   * indexDir}; {@link #reindex} refuses.
   *
   * @throws UnusableIndexException when the folder holds no complete index of this service, or
   *     one that fails its checksums or was built by another analysis version
   */
  public static IndexHandle openReadOnly(Path contentDir, Path indexDir) throws IOException {
    IndexHandle handle = new IndexHandle(contentDir, indexDir, ContentWalker.DEFAULT_MAX_BYTES, true);
    Path generation = ReadOnlyCheck.usableGeneration(handle.location);
    synchronized (handle.writeLock) {
      handle.refresh();
    }
    LOG.info("serving the prebuilt index {} read-only", generation);
    return handle;
  }

  /** Whether this handle serves a prebuilt index without ever writing to it. */
  public boolean isReadOnly() {
    return readOnly;
  }

  /**
   * Where snapshots get the passage vectors of semantic search from (they follow the lexical
   * index, computed by whoever attaches here); until called, snapshots have none.
   */
  public void attachPassages(Supplier<Optional<PassageVectors>> source) {
    this.passages = Objects.requireNonNull(source);
  }

  /** The index folder (generations, vectors, native libraries). */
  public Path indexRoot() {
    return location.root();
  }

  /**
   * Builds or updates the index of {@code contentDir} in {@code indexDir}, then opens it. A folder
   * that holds no readable index of ours (corrupt, foreign) is set aside and rebuilt. Snapshots
   * have no passage vectors until a source is attached.
   */
  public static IndexHandle open(Path contentDir, Path indexDir) throws IOException {
    IndexHandle handle = new IndexHandle(contentDir, indexDir, ContentWalker.DEFAULT_MAX_BYTES);
    handle.setAsideIfUnusable();
    handle.reindex(false);
    return handle;
  }

  /**
   * For serving: when a complete index exists it is served at once, and brought up to date in the
   * background (including a full rebuild that was interrupted, e.g. by a killed process); otherwise
   * the index is built before this returns. {@code onIndexed} hears of the background run.
   */
  public static IndexHandle openForServing(Path contentDir, Path indexDir, Consumer<IndexReport> onIndexed,
      Consumer<Exception> onFailure) throws IOException {
    IndexHandle handle = new IndexHandle(contentDir, indexDir, ContentWalker.DEFAULT_MAX_BYTES);
    handle.setAsideIfUnusable();
    if (handle.location.current().isEmpty()) {
      onIndexed.accept(handle.reindex(false));
      return handle;
    }
    synchronized (handle.writeLock) {
      handle.refresh();
    }
    Thread updater = new Thread(() -> {
      try {
        onIndexed.accept(handle.reindex(false));
      } catch (IOException | RuntimeException e) {
        onFailure.accept(e);
      }
    }, "dailydl-startup-index");
    updater.setDaemon(true);
    updater.start();
    return handle;
  }

  /** Sets the folder aside when it is not an index of ours or its live generation fails its checksums. */
  private void setAsideIfUnusable() throws IOException {
    String problem = null;
    try {
      if (location.isForeign()) {
        problem = "it holds files that are not an index of this service";
      } else {
        Optional<Path> current = location.current();
        if (current.isPresent()) {
          problem = verify(current.get());
        }
      }
    } catch (IOException e) {
      problem = e.getMessage();
    }
    if (problem != null) {
      setAside(problem);
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

  public Path contentDir() {
    return contentDir;
  }

  /** The report of the last indexing run. */
  public IndexReport lastReport() {
    return lastReport;
  }

  /**
   * Brings the index up to date with the content folder and makes the result searchable.
   *
   * @param full rebuild from scratch
   */
  public IndexReport reindex(boolean full) throws IOException {
    if (readOnly) {
      throw new ReadOnlyIndexException();
    }
    synchronized (writeLock) {
      IndexReport report;
      try {
        report = run(full);
      } catch (IOException | RuntimeException e) {
        if (!Files.isDirectory(contentDir) || !looksLikeIndexTrouble(e)) {
          throw e;
        }
        setAside(e.toString());
        report = run(true);
      }
      lastReport = report;
      refresh();
      listeners.forEach(Runnable::run);
      return report;
    }
  }

  private IndexReport run(boolean full) throws IOException {
    return new IndexArticles(new IndexArticles.Options(contentDir, location.root(), full, maxBytes),
        ProgressListener.NONE).run();
  }

  /**
   * Only damage to the index itself justifies setting it aside: anything else (a content problem,
   * a full disk) leaves the index as it is, and the last complete version keeps being served.
   */
  private static boolean looksLikeIndexTrouble(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CorruptIndexException
          || t instanceof IndexFormatTooOldException
          || t instanceof IndexFormatTooNewException
          || t instanceof EOFException
          || t instanceof NoSuchFileException) {
        return true;
      }
    }
    return false;
  }

  /** Moves an unusable index folder aside (never deletes what might be someone's data). */
  private void setAside(String problem) throws IOException {
    closeManaged();
    Path root = location.root();
    if (Files.exists(root)) {
      String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
      Path aside = root.resolveSibling(root.getFileName() + ".unusable-" + stamp);
      Files.move(root, aside);
      LOG.warn("index folder {} is not usable: {}; moved it to {} and rebuilding from {}",
          root, problem, aside, contentDir);
    }
  }

  /** Opens a new generation if the live one changed, else refreshes the current manager. */
  private void refresh() throws IOException {
    Optional<Path> current = location.current();
    if (current.isEmpty()) {
      throw new IOException("no index was built in " + location.root());
    }
    Managed old = managed;
    if (old == null || !old.generation().equals(current.get())) {
      Directory directory = FSDirectory.open(current.get());
      managed = new Managed(current.get(), directory, new SearcherManager(directory, new SearcherFactory()));
      if (old != null) {
        old.close();
      }
    } else {
      old.manager().maybeRefreshBlocking();
    }
  }

  /** Acquires the current searcher and its corpus snapshot; close the lease when done. */
  public Lease acquire() throws IOException {
    while (true) {
      Managed current = managed;
      if (current == null) {
        throw new IOException("the index is closed");
      }
      IndexSearcher searcher;
      try {
        searcher = current.manager().acquire();
      } catch (AlreadyClosedException e) {
        continue; // swapped for a new generation between the read and the acquire
      }
      try {
        return new Lease(searcher, snapshotFor(searcher), current.manager());
      } catch (IOException | RuntimeException e) {
        current.manager().release(searcher);
        throw e;
      }
    }
  }

  private CorpusSnapshot snapshotFor(IndexSearcher searcher) throws IOException {
    CorpusSnapshot known = snapshot;
    if (known != null && known.reader() == searcher.getIndexReader()) {
      return known;
    }
    synchronized (this) {
      known = snapshot;
      if (known != null && known.reader() == searcher.getIndexReader()) {
        return known;
      }
      Map<String, String> meta = ((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData();
      CorpusSnapshot fresh = new CorpusSnapshot(versions.incrementAndGet(), searcher.getIndexReader(),
          IndexMeta.fromUserData(meta), glossary(), () -> passages.get());
      snapshot = fresh;
      return fresh;
    }
  }

  /** The content's glossary (built in, plus the author's terms file); the built-in one when that file is unreadable. */
  private Glossary glossary() {
    try {
      return Glossary.forContent(contentDir);
    } catch (IOException e) {
      LOG.warn("the terms file of {} cannot be read ({}); using the built-in glossary", contentDir, e.toString());
      return Glossary.builtIn();
    }
  }

  /** Bytes used by the live index on disk. */
  public long sizeOnDisk() {
    Managed current = managed;
    if (current == null) {
      return 0;
    }
    try (var files = Files.list(current.generation())) {
      return files.mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  private void closeManaged() throws IOException {
    Managed old = managed;
    managed = null;
    if (old != null) {
      old.close();
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (writeLock) {
      closeManaged();
    }
  }

}
