package org.dailydl.server.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dailydl.server.index.ArticleInfo;

/**
 * Fuses the lexical (BM25) and dense (embedding) rankings. Two methods, both measured on the judged
 * queries (see relevance/regression.json): reciprocal-rank fusion, which needs no score scales, and
 * normalised linear fusion, which keeps how much better the first hit is than the tenth; each with
 * a weight for the lexical side.
 */
public record Fusion(Method method, double lexicalWeight) {
  /** How two rankings become one. */
  public enum Method {
    /** Reciprocal-rank fusion: weighted sum of 1 / (k + rank) over the rankings an article appears in. */
    RRF,
    /** Linear fusion of scores normalised to [0, 1] (BM25 by its maximum, cosine by min–max). */
    LINEAR
  }

  /**
   * The fusion in use, chosen by the judged-set measurements recorded in regression.json: RRF with
   * the lexical ranking weighted above the dense one (the dense ranking adds recall for meaning,
   * the lexical one is the more precise on exact terms).
   */
  public static final Fusion DEFAULT = new Fusion(Method.RRF, 0.7);
  /** How many results of each ranking take part in fusion. */
  public static final int DEPTH = 100;
  static final int RRF_K = 60;

  List<Candidate> fuse(List<Candidate> lexical, List<Candidate> dense) {
    Map<String, Double> scores = new HashMap<>();
    double denseWeight = 1 - lexicalWeight;
    if (method == Method.RRF) {
      for (int i = 0; i < lexical.size(); i++) {
        scores.merge(lexical.get(i).article().id(), lexicalWeight / (RRF_K + i + 1), Double::sum);
      }
      for (int i = 0; i < dense.size(); i++) {
        scores.merge(dense.get(i).article().id(), denseWeight / (RRF_K + i + 1), Double::sum);
      }
    } else {
      double maxLexical = lexical.stream().mapToDouble(Candidate::score).max().orElse(1);
      for (Candidate c : lexical) {
        scores.merge(c.article().id(), lexicalWeight * c.score() / maxLexical, Double::sum);
      }
      double max = dense.stream().mapToDouble(Candidate::score).max().orElse(1);
      double min = dense.stream().mapToDouble(Candidate::score).min().orElse(0);
      for (Candidate c : dense) {
        double normalised = max > min ? (c.score() - min) / (max - min) : 1;
        scores.merge(c.article().id(), denseWeight * normalised, Double::sum);
      }
    }
    return merge(lexical, dense, scores);
  }

  /** A short name for reports: rrf-0.7, linear-0.5. */
  public String label() {
    return method.name().toLowerCase(java.util.Locale.ROOT) + "-" + lexicalWeight;
  }

  /** A ranked article with its score and the signals that found it. */
  public record Candidate(ArticleInfo article, double score, List<String> signals) {}

  /** Union of both rankings with fused scores and the signals each article came from, best first. */
  static List<Candidate> merge(List<Candidate> lexical, List<Candidate> dense, Map<String, Double> scores) {
    Map<String, Candidate> byId = new LinkedHashMap<>();
    for (Candidate c : lexical) {
      byId.put(c.article().id(), new Candidate(c.article(), scores.get(c.article().id()), List.of("lexical")));
    }
    for (Candidate c : dense) {
      Candidate known = byId.get(c.article().id());
      byId.put(c.article().id(), new Candidate(c.article(), scores.get(c.article().id()),
          known == null ? List.of("semantic") : List.of("lexical", "semantic")));
    }
    List<Candidate> fused = new ArrayList<>(byId.values());
    fused.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(c -> c.article().path()));
    return fused;
  }

  /** Category counts of a candidate list. */
  static List<SearchResult.FacetValue> facets(List<Candidate> candidates) {
    return mergeFacets(List.of(), candidates);
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
