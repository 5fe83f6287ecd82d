package org.dailydl.server.semantic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.util.VectorUtil;
import org.dailydl.indexer.embedding.EmbedArticles;
import org.dailydl.indexer.embedding.Embedder;
import org.dailydl.indexer.embedding.VectorStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dense retrieval: passage vectors held in memory, scored exactly against the query vector (at this
 * size a full scan is sub-millisecond and has perfect recall), the best passage giving an
 * article's score. Vectors are computed in the background after the lexical index, so search
 * falls back to lexical until {@link #isReady()}. Thread-safe.
 */
public final class SemanticService {
  private static final Logger LOG = LoggerFactory.getLogger(SemanticService.class);

  /**
   * Whether queries get bge's retrieval instruction. Measured on the judged queries (see
   * relevance/regression.json, "semantic" and "semantic-no-instruction").
   */
  public static final boolean QUERY_INSTRUCTION = false;

  /** An article's dense score (cosine of its best passage). */
  public record Scored(String articleId, double score) {}

  /**
   * Vectors of one update, read-only: each passage's vector and the ordinal of its article (into
   * {@code ids}), and each article's vector (the mean of its passages).
   */
  private record Loaded(String[] ids, int[] articleOf, float[][] vectors, Map<String, float[]> byArticle) {}

  private final Path indexRoot;
  private final boolean queryInstruction;
  private final ExecutorService updater = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "dailydl-embed");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean pending = new AtomicBoolean();
  private volatile Embedder embedder;
  private volatile Loaded loaded;
  private volatile EmbedArticles.Report lastReport;

  /**
   * @param queryInstruction prepend bge's retrieval instruction to queries (measured on the judged set)
   */
  public SemanticService(Path indexRoot, boolean queryInstruction) {
    this.indexRoot = indexRoot;
    this.queryInstruction = queryInstruction;
  }

  public boolean isReady() {
    return loaded != null;
  }

  public EmbedArticles.Report lastReport() {
    return lastReport;
  }

  public int passages() {
    Loaded current = loaded;
    return current == null ? 0 : current.vectors().length;
  }

  /** Schedules an update after the lexical index changed; updates requested meanwhile collapse into one. */
  public void scheduleUpdate() {
    if (pending.compareAndSet(false, true)) {
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
    EmbedArticles.Report report = new EmbedArticles(indexRoot, embedder()).run();
    load();
    lastReport = report;
    if (!report.unchanged()) {
      LOG.info("semantic search ready: {} passages of {} articles ({} embedded, {} reused) in {} ms",
          report.passages(), report.articles(), report.embedded(), report.reused(), report.millis());
    }
  }

  private void load() throws IOException {
    List<VectorStore.Entry> entries = new VectorStore(indexRoot).read().entries();
    String[] articles = new String[entries.size()];
    float[][] vectors = new float[entries.size()][];
    Map<String, Integer> ordinals = new LinkedHashMap<>();
    int[] articleOf = new int[entries.size()];
    for (int i = 0; i < entries.size(); i++) {
      articles[i] = entries.get(i).articleId();
      vectors[i] = normalise(entries.get(i).vector());
      articleOf[i] = ordinals.computeIfAbsent(articles[i], a -> ordinals.size());
    }
    loaded = new Loaded(ordinals.keySet().toArray(String[]::new), articleOf, vectors, articleVectors(articles, vectors));
  }

  /** An article's vector: the normalised mean of its passage vectors. */
  private static Map<String, float[]> articleVectors(String[] articles, float[][] vectors) {
    Map<String, float[]> sums = new HashMap<>();
    for (int i = 0; i < vectors.length; i++) {
      float[] sum = sums.computeIfAbsent(articles[i], a -> new float[vectors[0].length]);
      for (int d = 0; d < sum.length; d++) {
        sum[d] += vectors[i][d];
      }
    }
    Map<String, float[]> result = new HashMap<>();
    sums.forEach((id, sum) -> result.put(id, normalise(sum)));
    return result;
  }

  /**
   * Cosine of article {@code id}'s vector with every other article's (empty until ready or when
   * the article has no vector).
   */
  public Map<String, Double> similarArticles(String id) {
    Loaded current = loaded;
    if (current == null || !current.byArticle().containsKey(id)) {
      return Map.of();
    }
    float[] source = current.byArticle().get(id);
    Map<String, Double> result = new HashMap<>();
    current.byArticle().forEach((other, vector) -> {
      if (!other.equals(id)) {
        result.put(other, dot(source, vector));
      }
    });
    return result;
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

  /** Articles by the cosine of their best passage with the query, best first; empty until ready. */
  public List<Scored> rank(String query, int limit) {
    Loaded current = loaded;
    if (current == null || query.isBlank()) {
      return List.of();
    }
    float[] q = normalise(embedder().embedQuery(query, queryInstruction));
    // an exact scan: ~2,000 passages × 512 dimensions is well under a millisecond with VectorUtil
    float[] best = new float[current.ids().length];
    Arrays.fill(best, Float.NEGATIVE_INFINITY);
    float[][] vectors = current.vectors();
    int[] articleOf = current.articleOf();
    for (int i = 0; i < vectors.length; i++) {
      float score = VectorUtil.dotProduct(q, vectors[i]);
      if (score > best[articleOf[i]]) {
        best[articleOf[i]] = score;
      }
    }
    List<Scored> ranked = new ArrayList<>(best.length);
    for (int a = 0; a < best.length; a++) {
      ranked.add(new Scored(current.ids()[a], best[a]));
    }
    ranked.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::articleId));
    return ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : ranked;
  }

  private static double dot(float[] a, float[] b) {
    return VectorUtil.dotProduct(a, b);
  }

  private static float[] normalise(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    double length = Math.sqrt(norm);
    if (length == 0) {
      return v;
    }
    float[] unit = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      unit[i] = (float) (v[i] / length);
    }
    return unit;
  }

  public void close() {
    updater.shutdownNow();
  }
}
