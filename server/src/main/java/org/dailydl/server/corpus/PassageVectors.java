package org.dailydl.server.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.VectorUtil;
import org.dailydl.indexer.embedding.VectorNeighbours;

/**
 * Passage vectors of the knowledge base, each with the article it belongs to; an article's dense
 * score is the cosine of its best passage. Up to {@link #APPROXIMATE_FROM} passages every vector
 * is scored (held in memory, unit length); from there the passages nearest the query come from the
 * vector index's HNSW graph, and the vectors stay in that index. Thread-safe; {@link #close()}
 * releases the graph.
 */
public final class PassageVectors implements AutoCloseable {
  /**
   * From this many passages on, ranking is approximate (HNSW). Measured by the benchmarks'
   * DenseScaleBenchmark on Java 17 (no vectorised dot product): the exact scan takes about 7 ms
   * at 20,000 passages, 39 ms at 40,000 and 108 ms at 120,000, the graph 8 to 14 ms at all of
   * these sizes; below this size the scan is as fast and exact.
   */
  public static final int APPROXIMATE_FROM = 20_000;

  /**
   * Passages asked of the graph per article wanted: an article's passages crowd the nearest ones
   * (several of one article are often near a query). With six, recall@10 of articles against the
   * exact ranking is 0.983 at 120,000 passages (0.978 with four; DenseScaleBenchmark).
   */
  static final int PASSAGES_PER_ARTICLE = 6;

  /** An article's dense score (cosine of its best passage). */
  public record Scored(String articleId, double score) {}

  /** One passage's vector and its article. */
  public record Passage(String articleId, float[] vector) {}

  private final String[] ids;
  private final int[] articleOf;
  private final float[][] vectors;
  private final VectorNeighbours graph;

  /** Exact ranking over {@code passages}. */
  public PassageVectors(List<Passage> passages) {
    this(passages, null);
  }

  /**
   * Ranking over {@code passages}: exact when {@code graph} is null, else approximate from the
   * graph, whose entries are {@code passages} in the same order (their vectors are then not kept).
   */
  public PassageVectors(List<Passage> passages, VectorNeighbours graph) {
    Map<String, Integer> ordinals = new LinkedHashMap<>();
    this.graph = graph;
    this.vectors = graph == null ? new float[passages.size()][] : null;
    this.articleOf = new int[passages.size()];
    for (int i = 0; i < passages.size(); i++) {
      if (graph == null) {
        vectors[i] = normalise(passages.get(i).vector());
      }
      articleOf[i] = ordinals.computeIfAbsent(passages.get(i).articleId(), a -> ordinals.size());
    }
    this.ids = ordinals.keySet().toArray(String[]::new);
  }

  public int size() {
    return articleOf.length;
  }

  /** Whether ranking is approximate (from the HNSW graph). */
  public boolean approximate() {
    return graph != null;
  }

  /** Articles by the cosine of their best passage with {@code query} (any length), best first. */
  public List<Scored> rank(float[] query, int limit) {
    float[] q = normalise(query);
    float[] best = new float[ids.length];
    Arrays.fill(best, Float.NEGATIVE_INFINITY);
    if (graph == null) {
      for (int i = 0; i < vectors.length; i++) {
        float score = VectorUtil.dotProduct(q, vectors[i]);
        if (score > best[articleOf[i]]) {
          best[articleOf[i]] = score;
        }
      }
    } else {
      try {
        for (VectorNeighbours.Hit hit : graph.nearest(q, Math.max(limit, 10) * PASSAGES_PER_ARTICLE)) {
          best[articleOf[hit.entry()]] = Math.max(best[articleOf[hit.entry()]], hit.cosine());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<Scored> ranked = new ArrayList<>();
    for (int a = 0; a < best.length; a++) {
      if (best[a] > Float.NEGATIVE_INFINITY) {
        ranked.add(new Scored(ids[a], best[a]));
      }
    }
    ranked.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::articleId));
    return ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : ranked;
  }

  @Override
  public void close() throws IOException {
    if (graph != null) {
      graph.close();
    }
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
}
