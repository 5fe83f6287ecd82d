package org.dailydl.server.semantic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dailydl.indexer.embedding.EmbedArticles;
import org.dailydl.indexer.embedding.Embedder;
import org.dailydl.indexer.embedding.VectorStore;
import org.dailydl.indexer.index.IndexLocation;
import org.dailydl.indexer.schema.IndexMeta;
import org.dailydl.server.corpus.PassageVectors;
import org.dailydl.server.index.CoalescingRunner;
import org.dailydl.server.index.IndexHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedding side of semantic search: computes passage vectors in the background after the
 * lexical index changes (so search falls back to lexical until they are {@link State#READY}),
 * publishes them to the index's corpus snapshots, and embeds queries. A service
 * made by {@link #disabled()} never embeds anything. Thread-safe.
 */
public final class SemanticService {
  private static final Logger LOG = LoggerFactory.getLogger(SemanticService.class);

  /** Whether semantic search is off, being prepared, or answering. */
  public enum State {
    DISABLED, PREPARING, READY;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Whether queries get bge's retrieval instruction. Measured on the judged queries (see
   * relevance/regression.json, "semantic" and "semantic-no-instruction").
   */
  public static final boolean QUERY_INSTRUCTION = false;

  /** Searches take milliseconds: replaced vectors are released this long after they were. */
  private static final long RELEASE_AFTER_SECONDS = 30;

  /** How far the current (or last) embedding run is: passages embedded of those that needed it. */
  public record Progress(int done, int total) {
    public double ratio() {
      return total == 0 ? 1.0 : (double) done / total;
    }
  }

  private final Path indexRoot;
  private final boolean enabled;
  private final boolean readOnly;
  private final Path nativeDir;
  private final CoalescingRunner updater;
  private final ProgressLog progressLog = new ProgressLog(LOG);
  private volatile Embedder embedder;
  private volatile PassageVectors loaded;
  private volatile EmbedArticles.Report lastReport;
  private volatile Progress progress = new Progress(0, 0);
  private volatile String unavailable;

  private SemanticService(Path indexRoot, boolean enabled) {
    this(indexRoot, enabled, false, indexRoot == null ? null : indexRoot.resolve("native"));
  }

  private SemanticService(Path indexRoot, boolean enabled, boolean readOnly, Path nativeDir) {
    this.indexRoot = indexRoot;
    this.enabled = enabled;
    this.readOnly = readOnly;
    this.nativeDir = nativeDir;
    this.updater = enabled ? new CoalescingRunner("dailydl-embed", Thread.NORM_PRIORITY, this::updateInBackground) : null;
  }

  /**
   * Semantic search over {@code index}: vectors are kept in its folder, updated after each of its
   * indexing runs (call {@link #scheduleUpdate()} or {@link #update()} for the first), and offered
   * to its snapshots.
   */
  public static SemanticService enabled(IndexHandle index) {
    SemanticService service = new SemanticService(index.indexRoot().toAbsolutePath().normalize(), true);
    index.attachPassages(service::passages);
    index.onIndexed(service::scheduleUpdate);
    return service;
  }

  /**
   * Semantic search over a prebuilt, read-only index: the passage vectors that {@code index}
   * computed are loaded as they are (never computed, never written), and the model's native
   * libraries are unpacked under {@code nativeDir} instead of the index folder. Without vectors,
   * or with vectors of another build, search stays lexical and {@link #unavailableReason()} says why.
   */
  public static SemanticService readOnly(IndexHandle index, Path nativeDir) {
    SemanticService service = new SemanticService(index.indexRoot().toAbsolutePath().normalize(), true, true,
        nativeDir);
    index.attachPassages(service::passages);
    return service;
  }

  /** No semantic search: lexical only. */
  public static SemanticService disabled() {
    return new SemanticService(null, false);
  }

  public State state() {
    PassageVectors current = loaded;
    return !enabled || (current == null && unavailable != null) ? State.DISABLED
        : current == null ? State.PREPARING : State.READY;
  }

  /**
   * Why semantic search is off although it was asked for (no vectors in a read-only index, the
   * model failed to load…), or null. Search is then lexical, as with {@link #disabled()}.
   */
  public String unavailableReason() {
    return enabled && loaded == null ? unavailable : null;
  }

  /** How far the current or last embedding run is. */
  public Progress progress() {
    return progress;
  }

  public boolean isReady() {
    return state() == State.READY;
  }

  public EmbedArticles.Report lastReport() {
    return lastReport;
  }

  /** The loaded passage vectors; empty until ready. */
  public Optional<PassageVectors> passages() {
    return Optional.ofNullable(loaded);
  }

  /** Schedules an update after the lexical index changed; updates requested meanwhile collapse into one. */
  public void scheduleUpdate() {
    if (enabled) {
      updater.request();
    }
  }

  private void updateInBackground() {
    try {
      update();
    } catch (IOException | RuntimeException | LinkageError e) {
      unavailable = e.toString();
      LOG.warn("semantic search is unavailable (lexical search keeps working): {}", e.toString());
    }
  }

  /** Embeds what is new and loads all vectors (blocking). */
  public void update() throws IOException {
    if (!enabled) {
      return;
    }
    if (readOnly) {
      loadPrebuilt();
      return;
    }
    EmbedArticles.Report report = new EmbedArticles(indexRoot, embedder(), this::embedded).run();
    VectorStore store = new VectorStore(indexRoot);
    publish(store, store.read().entries());
    unavailable = null;
    lastReport = report;
    if (!report.unchanged()) {
      LOG.info("semantic search ready: {} passages of {} articles ({} embedded, {} reused) in {} ms",
          report.passages(), report.articles(), report.embedded(), report.reused(), report.millis());
    }
  }

  /**
   * Makes {@code entries} the vectors search ranks by: scored exactly in memory while few, else
   * through the store's HNSW graph. The vectors they replace are released a while later, after
   * the searches still using them.
   */
  private void publish(VectorStore store, List<VectorStore.Entry> entries) throws IOException {
    List<PassageVectors.Passage> passages = entries.stream()
        .map(e -> new PassageVectors.Passage(e.articleId(), e.vector())).toList();
    PassageVectors previous = loaded;
    loaded = passages.size() >= PassageVectors.APPROXIMATE_FROM
        ? new PassageVectors(passages, store.neighbours()) : new PassageVectors(passages);
    if (previous != null && previous.approximate()) {
      CompletableFuture.delayedExecutor(RELEASE_AFTER_SECONDS, TimeUnit.SECONDS).execute(() -> {
        try {
          previous.close();
        } catch (IOException e) {
          LOG.warn("releasing replaced passage vectors: {}", e.toString());
        }
      });
    }
  }

  private void embedded(int done, int total) {
    progress = new Progress(done, total);
    progressLog.embedded(done, total);
  }

  /** Loads the vectors of a read-only index when they belong to its live build; writes nothing. */
  private void loadPrebuilt() throws IOException {
    VectorStore store = new VectorStore(indexRoot);
    Optional<Path> generation = new IndexLocation(indexRoot).current();
    String lexicalHash = generation.isEmpty() ? null : IndexMeta.read(generation.get()).contentHash();
    VectorStore.Contents contents = store.read();
    if (contents.entries().isEmpty()) {
      unavailable = "the prebuilt index has no passage vectors (it was built with --no-embeddings)";
    } else if (lexicalHash == null || !lexicalHash.equals(contents.lexicalHash())) {
      unavailable = "the passage vectors in the prebuilt index belong to another build of it";
    }
    if (unavailable != null) {
      LOG.warn("semantic search is off: {}; search is lexical", unavailable);
      return;
    }
    embedder(); // load the model now, not on the first query
    publish(store, contents.entries());
    progress = new Progress(contents.entries().size(), contents.entries().size());
    LOG.info("semantic search ready: {} prebuilt passage vectors", contents.entries().size());
  }

  /** The vector of a query; only call when {@link #isReady()}. */
  public float[] embedQuery(String query) {
    return embedder().embedQuery(query, QUERY_INSTRUCTION);
  }

  private Embedder embedder() {
    Embedder current = embedder;
    if (current == null) {
      synchronized (this) {
        if (embedder == null) {
          embedder = Embedder.load(nativeDir);
        }
        current = embedder;
      }
    }
    return current;
  }

  public void close() {
    if (updater != null) {
      updater.close();
    }
    PassageVectors current = loaded;
    if (current != null) {
      try {
        current.close();
      } catch (IOException e) {
        LOG.warn("releasing passage vectors: {}", e.toString());
      }
    }
  }
}
