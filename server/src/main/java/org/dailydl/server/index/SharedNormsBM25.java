package org.dailydl.server.index;

import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.SmallFloat;

/**
 * Lucene's BM25 (k1 1.2, b 0.75), score for score, with its table of length norms shared. {@link
 * BM25Similarity} builds that 256-entry table (a division per entry) for every term of every query,
 * and a query here has hundreds of term clauses (units × spellings × fields, phrases): profiled
 * under distinct-query load, building the tables was a sixth of search CPU. The table depends only
 * on the field's average length, so it is built once per field and index version and reused.
 * Thread-safe.
 */
public final class SharedNormsBM25 extends Similarity {
  private static final float[] LENGTH_TABLE = new float[256];

  static {
    for (int i = 0; i < 256; i++) {
      LENGTH_TABLE[i] = SmallFloat.byte4ToInt((byte) i);
    }
  }

  private final BM25Similarity bm25 = new BM25Similarity();
  private final float k1 = bm25.getK1();
  private final float b = bm25.getB();
  /** Norm tables by average field length (bit pattern); a few fields, so a few entries. */
  private final ConcurrentHashMap<Integer, float[]> tables = new ConcurrentHashMap<>();

  @Override
  public long computeNorm(FieldInvertState state) {
    return bm25.computeNorm(state);
  }

  @Override
  public SimScorer scorer(float boost, CollectionStatistics collectionStats, TermStatistics... termStats) {
    Explanation idf = termStats.length == 1 ? bm25.idfExplain(collectionStats, termStats[0])
        : bm25.idfExplain(collectionStats, termStats);
    float avgdl = (float) (collectionStats.sumTotalTermFreq() / (double) collectionStats.docCount());
    float[] cache = tables.computeIfAbsent(Float.floatToIntBits(avgdl), bits -> table(avgdl));
    if (tables.size() > 1024) {
      tables.clear(); // never reached by one index's fields; bounds it across many versions
    }
    float weight = boost * idf.getValue().floatValue();
    return new SimScorer() {
      @Override
      public float score(float freq, long norm) {
        float normInverse = cache[((byte) norm) & 0xFF];
        return weight - weight / (1f + freq * normInverse);
      }

      @Override
      public Explanation explain(Explanation freq, long norm) {
        return bm25.scorer(boost, collectionStats, termStats).explain(freq, norm);
      }
    };
  }

  /** BM25Similarity's table for {@code avgdl}, computed the same way, float for float. */
  private float[] table(float avgdl) {
    float[] cache = new float[256];
    for (int i = 0; i < cache.length; i++) {
      cache[i] = 1f / (k1 * ((1 - b) + b * LENGTH_TABLE[i] / avgdl));
    }
    return cache;
  }

  @Override
  public String toString() {
    return "SharedNormsBM25(k1=" + k1 + ",b=" + b + ")";
  }
}
