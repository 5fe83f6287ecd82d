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
 * @param lexicalWeight weight of the lexical ranking; the dense one gets {@code 1 - lexicalWeight}
 */
public record Fusion(double lexicalWeight) {
  /**
   * The fusion in use: the lexical ranking weighted above the dense one (the dense ranking adds
   * recall for meaning, the lexical one is the more precise on exact terms).
   */
  public static final Fusion DEFAULT = new Fusion(0.7);
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
