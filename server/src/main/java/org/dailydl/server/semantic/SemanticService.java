package org.dailydl.server.semantic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dailydl.indexer.embedding.EmbedArticles;
import org.dailydl.indexer.embedding.Embedder;
import org.dailydl.indexer.embedding.VectorStore;
import org.dailydl.server.corpus.PassageVectors;
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

  private final Path indexRoot;
  private final boolean enabled;
  private final ExecutorService updater;
  private final AtomicBoolean pending = new AtomicBoolean();
  private volatile Embedder embedder;
  private volatile PassageVectors loaded;
  private volatile EmbedArticles.Report lastReport;

  private SemanticService(Path indexRoot, boolean enabled) {
    this.indexRoot = indexRoot;
    this.enabled = enabled;
    this.updater = enabled ? Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "dailydl-embed");
      t.setDaemon(true);
      return t;
    }) : null;
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

  /** No semantic search: lexical only. */
  public static SemanticService disabled() {
    return new SemanticService(null, false);
  }

  public State state() {
    return !enabled ? State.DISABLED : loaded == null ? State.PREPARING : State.READY;
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
    if (enabled && pending.compareAndSet(false, true)) {
      updater.submit(() -> {
        pending.set(false);
        try {
          update();
        } catch (IOException | RuntimeException | LinkageError e) {
          LOG.warn("semantic search is unavailable (lexical search keeps working): {}", e.toString());
        }
      });
    }
  }

  /** Embeds what is new and loads all vectors (blocking). */
  public void update() throws IOException {
    if (!enabled) {
      return;
    }
    EmbedArticles.Report report = new EmbedArticles(indexRoot, embedder()).run();
    List<PassageVectors.Passage> passages = new VectorStore(indexRoot).read().entries().stream()
        .map(e -> new PassageVectors.Passage(e.articleId(), e.vector())).toList();
    loaded = new PassageVectors(passages);
    lastReport = report;
    if (!report.unchanged()) {
      LOG.info("semantic search ready: {} passages of {} articles ({} embedded, {} reused) in {} ms",
          report.passages(), report.articles(), report.embedded(), report.reused(), report.millis());
    }
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
          embedder = Embedder.load(indexRoot.resolve("native"));
        }
        current = embedder;
      }
    }
    return current;
  }

  public void close() {
    if (updater != null) {
      updater.shutdownNow();
    }
  }
}
