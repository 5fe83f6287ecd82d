package org.dailydl.benchmarks.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dailydl.benchmarks.relevance.RecommendationLab;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.search.Fusion;
import org.dailydl.server.search.Mode;
import org.dailydl.server.search.SearchRequest;
import org.dailydl.server.search.SearchResult;
import org.dailydl.server.search.SearchService;
import org.dailydl.server.semantic.SemanticService;

/**
 * Search as shipped at several dense floors: nDCG@10 of hybrid and semantic ranking over judged
 * queries, the mean total of hybrid answers, and how many off-topic queries answer nothing.
 */
final class FloorSweep {
  private final IndexHandle handle;
  private final Glossary glossary;
  private final SemanticService semantics;

  FloorSweep(IndexHandle handle, Glossary glossary, SemanticService semantics) {
    this.handle = handle;
    this.glossary = glossary;
    this.semantics = semantics;
  }

  void run(JsonNode judged, List<Double> floors, List<Double> aloneFloors) throws Exception {
    System.out.println("floor  alone  hybrid nDCG@10  semantic nDCG@10  hybrid total (mean)  off-topic with no hits");
    SearchService lexical = SearchService.create(handle, glossary, semantics, Fusion.DEFAULT);
    double lexicalNdcg = 0;
    for (JsonNode q : judged) {
      lexicalNdcg += ndcg(lexical, q, Mode.LEXICAL);
    }
    System.out.printf(Locale.ROOT, "lexical %.4f%n", lexicalNdcg / judged.size());
    for (double floor : floors) {
      for (double alone : aloneFloors) {
        sweep(judged, new Fusion(Fusion.DEFAULT.lexicalWeight(), floor, Math.max(floor, alone)));
      }
    }
  }

  private void sweep(JsonNode judged, Fusion fusion) throws Exception {
    {
      SearchService search = SearchService.create(handle, glossary, semantics, fusion);
      double hybrid = 0;
      double semantic = 0;
      double totals = 0;
      for (JsonNode q : judged) {
        hybrid += ndcg(search, q, Mode.HYBRID);
        semantic += ndcg(search, q, Mode.SEMANTIC);
        totals += search.search(request(text(q), Mode.HYBRID)).total();
      }
      int empty = 0;
      for (String text : DenseFloorCalibration.OFF_TOPIC) {
        empty += search.search(request(text, Mode.HYBRID)).total() == 0 ? 1 : 0;
      }
      int n = judged.size();
      System.out.printf(Locale.ROOT, "%.3f  %.3f  %.4f          %.4f            %7.1f              %d of %d%n",
          fusion.denseFloor(), fusion.aloneFloor(),
          hybrid / n, semantic / n, totals / n, empty, DenseFloorCalibration.OFF_TOPIC.size());
    }
  }

  private static double ndcg(SearchService search, JsonNode q, Mode mode) throws Exception {
    List<String> ranked = search.search(request(text(q), mode)).hits().stream().map(SearchResult.Hit::path).toList();
    Map<String, Integer> grades = new HashMap<>();
    q.path("relevant").fields().forEachRemaining(e -> grades.put(e.getKey(), e.getValue().asInt()));
    return RecommendationLab.ndcg(ranked, grades, 10);
  }

  private static SearchRequest request(String text, Mode mode) {
    return new SearchRequest(text, 1, 10, null, null, false, mode);
  }

  private static String text(JsonNode q) {
    return q.has("query") ? q.get("query").asText() : q.get("q").asText();
  }
}
