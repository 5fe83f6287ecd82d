package org.dailydl.server.index;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.indexer.collection.ContentWalker;
import org.dailydl.indexer.index.FolderLock;
import org.dailydl.indexer.index.IndexArticles;
import org.dailydl.indexer.index.IndexLocation;
import org.dailydl.indexer.index.IndexReport;
import org.dailydl.indexer.index.ProgressListener;
import org.dailydl.indexer.schema.DecodedSegments;
import org.dailydl.indexer.schema.IndexMeta;
import org.dailydl.indexer.schema.IndexedArticle;
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
  /** Searchers score with BM25, its length-norm tables shared ({@link SharedNormsBM25}). */
  private static final SharedNormsBM25 SIMILARITY = new SharedNormsBM25();

  private static final SearcherFactory SEARCHERS = new SearcherFactory() {
    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
      IndexSearcher searcher = super.newSearcher(reader, previous);
      searcher.setSimilarity(SIMILARITY);
      return searcher;
    }
  };

  private static final Logger LOG = LoggerFactory.getLogger(IndexHandle.class);

  private final Path contentDir;
  private final IndexLocation location;
  private final IndexFolder folder;
  private final IndexHealth health = new IndexHealth();
  private final long maxBytes;
  private final boolean readOnly;
  private final Object writeLock = new Object();
  /** The served generation's folder was deleted or moved since it was opened (guarded by writeLock). */
  private boolean folderReplaced;
  private final AtomicLong versions = new AtomicLong();
  /** The decoded articles of the segments open in any served version, so each version decodes only its new ones. */
  private final DecodedSegments decodedSegments = new DecodedSegments();
  private volatile Supplier<Optional<PassageVectors>> passages = Optional::empty;
  private volatile Managed managed;
  private volatile Served snapshot;
  /** Open until the update at start (in the background when serving) is over. */
  private volatile CountDownLatch started = new CountDownLatch(0);
  private volatile IndexReport lastReport;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** Runs {@code listener} after every indexing run that made the index searchable (on the indexing thread). */
  public void onIndexed(Runnable listener) {
    listeners.add(listener);
  }

  /** The snapshot of the version served last, and the commit it was read from. */
  private record Served(CorpusSnapshot corpus, Path generation, long commit) {}

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
    this.folder = new IndexFolder(location);
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
    handle.folder.take();
    try {
      handle.reindex(false);
    } catch (IOException | RuntimeException e) {
      handle.close();
      throw e;
    }
    return handle;
  }

  /**
   * For serving: when a complete index exists it is served at once, and brought up to date in the
   * background (including a full rebuild that was interrupted, e.g. by a killed process); otherwise
   * the index is built before this returns. {@code onIndexed} hears of the background run.
   *
   * <p>A fault of the index folder never stops the server: an index folder that cannot be written
   * (read-only, full disk) is served as it is, and when there is no index and none can be built
   * the handle opens empty ({@link #acquire} throws {@link IndexUnavailableException}, {@code
   * /ready} says why) and a later {@link #reindex} builds it. Each fault is logged once.
   *
   * @throws FolderLock.HeldException when another process writes this index folder
   */
  public static IndexHandle openForServing(Path contentDir, Path indexDir, Consumer<IndexReport> onIndexed)
      throws IOException {
    IndexHandle handle = new IndexHandle(contentDir, indexDir, ContentWalker.DEFAULT_MAX_BYTES);
    try {
      handle.folder.take();
    } catch (FolderLock.HeldException e) {
      throw e;
    } catch (IOException e) {
      handle.health.failed(e, handle.location.current().isPresent());
    }
    if (handle.location.current().isEmpty()) {
      handle.buildOrWait(onIndexed);
      return handle;
    }
    synchronized (handle.writeLock) {
      handle.refresh();
    }
    CountDownLatch started = new CountDownLatch(1);
    handle.started = started;
    Thread updater = new Thread(() -> {
      try {
        handle.openServedVersion();
        onIndexed.accept(handle.reindex(false));
      } catch (IOException | RuntimeException e) {
        // logged once by the handle's health; the last complete index keeps being served
      } finally {
        started.countDown();
      }
    }, "dailydl-startup-index");
    updater.setDaemon(true);
    updater.start();
    return handle;
  }

  /**
   * Opens the served version's snapshot first: its catalog is what {@code /ready} and every request
   * wait for, and the update after it compares the folder with that catalog instead of decoding
   * the index a second time. A version that cannot be opened is left to that update to repair.
   */
  private void openServedVersion() {
    try {
      acquire().close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("the served index version could not be opened before the update: {}", e.toString());
    }
  }

  /** With no index yet: builds one, or when that fails for want of a writable folder, opens empty. */
  private void buildOrWait(Consumer<IndexReport> onIndexed) throws IOException {
    try {
      onIndexed.accept(reindex(false));
    } catch (FolderLock.HeldException e) {
      close();
      throw e;
    } catch (IOException | RuntimeException e) {
      if (!Files.isDirectory(contentDir)) {
        close();
        throw e;
      }
      // logged by the health: serve /health, answer 503 elsewhere until a later run succeeds
    }
  }

  /** Null when every file of the generation matches its checksum, else what is wrong. */
  static String verify(Path generation) {
    return IndexFolder.verify(generation);
  }

  /**
   * Waits until the update that {@link #openForServing} runs in the background is over, however it
   * ended (at once for a handle that runs none). Work that can wait (warming) waits for it rather
   * than competing with it for the cores.
   */
  public void awaitStartupUpdate() throws InterruptedException {
    started.await();
  }

  /** Why the index cannot be updated or built now (read-only or full folder, …), if it cannot. */
  public Optional<String> problem() {
    return health.problem();
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
        Managed served = managed;
        folderReplaced |= served != null && !Files.isDirectory(served.generation());
        folder.ensureWritable(served == null ? null : served.generation());
        report = runOrRebuild(full);
        lastReport = report;
        refresh();
      } catch (IOException | RuntimeException e) {
        if (Files.isDirectory(contentDir)) {
          health.failed(e, managed != null);
        }
        throw e;
      }
      health.succeeded();
      listeners.forEach(Runnable::run);
      return report;
    }
  }

  /** Runs; when the index itself turns out damaged, sets it aside and rebuilds it. */
  private IndexReport runOrRebuild(boolean full) throws IOException {
    try {
      return run(full);
    } catch (IOException | RuntimeException e) {
      if (!Files.isDirectory(contentDir) || !looksLikeIndexTrouble(e)) {
        throw e;
      }
      folder.setAside(e.toString());
      folderReplaced = true;
      return run(true);
    }
  }

  private IndexReport run(boolean full) throws IOException {
    return new IndexArticles(new IndexArticles.Options(contentDir, location.root(), full, maxBytes),
        ProgressListener.NONE, this::servedArticles).run();
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

  /** Opens a new generation if the live one changed, else refreshes the current manager. */
  private void refresh() throws IOException {
    Optional<Path> current = location.current();
    if (current.isEmpty()) {
      throw new IOException("no index was built in " + location.root());
    }
    Managed old = managed;
    // a folder deleted or set aside is rebuilt under the same generation name: open it afresh
    if (old == null || folderReplaced || !old.generation().equals(current.get())) {
      folderReplaced = false;
      Directory directory = FSDirectory.open(current.get());
      managed = new Managed(current.get(), directory, new SearcherManager(directory, SEARCHERS));
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
        throw new IndexUnavailableException(health.problem().map(p -> "there is no index yet: " + p)
            .orElse("the index is not open"));
      }
      IndexSearcher searcher;
      try {
        searcher = current.manager().acquire();
      } catch (AlreadyClosedException e) {
        continue; // swapped for a new generation between the read and the acquire
      }
      try {
        return new Lease(searcher, snapshotFor(searcher, current.generation()), current.manager());
      } catch (IOException | RuntimeException e) {
        current.manager().release(searcher);
        throw e;
      }
    }
  }

  private CorpusSnapshot snapshotFor(IndexSearcher searcher, Path generation) throws IOException {
    Served known = snapshot;
    if (known != null && known.corpus().reader() == searcher.getIndexReader()) {
      return known.corpus();
    }
    synchronized (this) {
      known = snapshot;
      if (known != null && known.corpus().reader() == searcher.getIndexReader()) {
        return known.corpus();
      }
      IndexCommit commit = ((DirectoryReader) searcher.getIndexReader()).getIndexCommit();
      CorpusSnapshot fresh = new CorpusSnapshot(versions.incrementAndGet(), searcher.getIndexReader(),
          IndexMeta.fromUserData(commit.getUserData()), glossary(), () -> passages.get(), decodedSegments);
      snapshot = new Served(fresh, generation.toAbsolutePath().normalize(), commit.getGeneration());
      return fresh;
    }
  }

  /**
   * The served version's articles, for an update that compares the folder with commit {@code
   * commit} of {@code generation}: when that is the version served, its catalog holds them decoded.
   */
  private Optional<List<IndexedArticle>> servedArticles(Path generation, long commit) {
    Served known = snapshot;
    return known != null && known.commit() == commit && known.generation().equals(generation.toAbsolutePath().normalize())
        ? Optional.of(known.corpus().catalog().articles()) : Optional.empty();
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
      try {
        closeManaged();
      } finally {
        folder.release();
      }
    }
  }

}
