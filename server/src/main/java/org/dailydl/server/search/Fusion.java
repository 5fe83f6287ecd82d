package org.dailydl.server.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses the lexical (BM25) and dense (embedding) rankings by weighted reciprocal-rank fusion: the
 * sum of {@code weight / (k + rank)} over the rankings an article appears in, which needs no score
 * scales. Measured on the judged queries against normalised linear fusion (see regression.json and
 * the fusion experiment in benchmarks/): RRF keeps the lexical tail that min–max scaling squeezes.
 *
 * <p>Dense hits count only from a cosine of {@code denseFloor} up: every article has some cosine
 * with any query, so without a floor a query about nothing in the notes (xyzzyqwv, 红烧肉怎么做)
 * "found" a hundred articles, and totals and facets counted them.
 *
 * A query none of whose words the notes have must clear a higher floor, {@code aloneFloor}: it is
 * either about nothing here or a paraphrase, and only a close meaning tells the two apart.
 *
 * @param lexicalWeight weight of the lexical ranking; the dense one gets {@code 1 - lexicalWeight}
 * @param denseFloor the lowest cosine (query, best passage) of a dense hit when lexical search
 *     found something
 * @param aloneFloor the lowest cosine of a dense hit when lexical search found nothing
 */
public record Fusion(double lexicalWeight, double denseFloor, double aloneFloor) {
  /**
   * Calibrated with the benchmarks' DenseFloorCalibration on the judged queries of content/,
   * CS-Notes and ailearning: a tenth of the judged-relevant articles lie below 0.45, and a floor of
   * 0.45 leaves hybrid nDCG@10 where it was (content/ 0.9348 to 0.9340, CS-Notes 0.9228, ailearning
   * 0.8889 to 0.8888) while the mean hybrid total falls from about 100 to 65-83.
   */
  public static final double DENSE_FLOOR = 0.45;

  /**
   * Off-topic queries reach a best cosine of up to 0.64 (量子计算 on content/), judged queries that
   * no article has a word of rarely so much: at 0.65 every off-topic query whose words are absent
   * answers nothing, for one judged query of 148 on content/ (为什么要除以根号dk) lost, as at any
   * floor from 0.58. The price: a paraphrase sharing no word with the notes is seldom that close
   * with this model (图片分类的神经网络模型 to a note on CNNs: 0.62), so it finds nothing until a
   * word of it does.
   */
  public static final double ALONE_FLOOR = 0.65;

  /**
   * The fusion in use: the lexical ranking weighted above the dense one (the dense ranking adds
   * recall for meaning, the lexical one is the more precise on exact terms).
   */
  public static final Fusion DEFAULT = new Fusion(0.7, DENSE_FLOOR, ALONE_FLOOR);

  /** The floor a dense hit must clear, given how many articles lexical search found. */
  double floor(long lexicalTotal) {
    return lexicalTotal > 0 ? denseFloor : aloneFloor;
  }

  /** How many results of each ranking take part in fusion. */
  public static final int DEPTH = 100;
  static final int RRF_K = 60;

  /** Union of both rankings with fused scores and the signals each article came from, best first. */
  List<Candidate> fuse(List<Candidate> lexical, List<Candidate> dense) {
    Map<String, Double> scores = new HashMap<>();
    for (int i = 0; i < lexical.size(); i++) {
      scores.merge(lexical.get(i).article().id(), lexicalWeight / (RRF_K + i + 1), Double::sum);
    }
    for (int i = 0; i < dense.size(); i++) {
      scores.merge(dense.get(i).article().id(), (1 - lexicalWeight) / (RRF_K + i + 1), Double::sum);
    }
    Map<String, Candidate> byId = new LinkedHashMap<>();
    for (Candidate c : lexical) {
      byId.put(c.article().id(), new Candidate(c.article(), scores.get(c.article().id()), List.of(Signal.LEXICAL)));
    }
    for (Candidate c : dense) {
      boolean both = byId.containsKey(c.article().id());
      byId.put(c.article().id(), new Candidate(c.article(), scores.get(c.article().id()),
          both ? List.of(Signal.LEXICAL, Signal.SEMANTIC) : List.of(Signal.SEMANTIC)));
    }
    List<Candidate> fused = new ArrayList<>(byId.values());
    fused.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(c -> c.article().path()));
    return fused;
  }

  /** Lexical facet counts plus the categories of candidates only the dense ranking found. */
  static List<SearchResult.FacetValue> mergeFacets(List<SearchResult.FacetValue> lexical, List<Candidate> extra) {
    Map<String, Long> counts = new HashMap<>();
    lexical.forEach(f -> counts.put(f.value(), f.count()));
    extra.forEach(c -> counts.merge(c.article().category(), 1L, Long::sum));
    return counts.entrySet().stream()
        .map(e -> new SearchResult.FacetValue(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(SearchResult.FacetValue::count).reversed()
            .thenComparing(SearchResult.FacetValue::value))
        .toList();
  }
}
