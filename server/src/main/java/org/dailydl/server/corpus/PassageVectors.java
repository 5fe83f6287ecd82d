package org.dailydl.server.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.VectorUtil;

/**
 * Passage vectors of the knowledge base held in memory, unit length, each with the article it
 * belongs to; an article's dense score is the cosine of its best passage. Immutable.
 */
public final class PassageVectors {
  /** An article's dense score (cosine of its best passage). */
  public record Scored(String articleId, double score) {}

  /** One passage's vector and its article. */
  public record Passage(String articleId, float[] vector) {}

  private final String[] ids;
  private final int[] articleOf;
  private final float[][] vectors;

  public PassageVectors(List<Passage> passages) {
    Map<String, Integer> ordinals = new LinkedHashMap<>();
    this.vectors = new float[passages.size()][];
    this.articleOf = new int[passages.size()];
    for (int i = 0; i < passages.size(); i++) {
      vectors[i] = normalise(passages.get(i).vector());
      articleOf[i] = ordinals.computeIfAbsent(passages.get(i).articleId(), a -> ordinals.size());
    }
    this.ids = ordinals.keySet().toArray(String[]::new);
  }

  public int size() {
    return vectors.length;
  }

  /** Articles by the cosine of their best passage with {@code query} (any length), best first. */
  public List<Scored> rank(float[] query, int limit) {
    float[] q = normalise(query);
    // an exact scan: ~2,000 passages × 512 dimensions is well under a millisecond with VectorUtil
    float[] best = new float[ids.length];
    Arrays.fill(best, Float.NEGATIVE_INFINITY);
    for (int i = 0; i < vectors.length; i++) {
      float score = VectorUtil.dotProduct(q, vectors[i]);
      if (score > best[articleOf[i]]) {
        best[articleOf[i]] = score;
      }
    }
    List<Scored> ranked = new ArrayList<>(best.length);
    for (int a = 0; a < best.length; a++) {
      ranked.add(new Scored(ids[a], best[a]));
    }
    ranked.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::articleId));
    return ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : ranked;
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
