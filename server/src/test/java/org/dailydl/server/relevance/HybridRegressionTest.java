package org.dailydl.server.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.search.Fusion;
import org.dailydl.server.search.SearchRequest;
import org.dailydl.server.search.SearchResult;
import org.dailydl.server.search.SearchService;
import org.dailydl.server.semantic.SemanticService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Semantic and hybrid search on the judged queries: the dense ranking alone (with and without bge's
 * query instruction), and both fusion methods, beside lexical. The shipped hybrid configuration may
 * not drop below regression.json. Numbers go to {@code target/relevance/hybrid.json}.
 */
class HybridRegressionTest {
  @TempDir static Path temp;
  static IndexHandle index;
  static SemanticService withInstruction;
  static SemanticService withoutInstruction;
  static Glossary glossary;

  @BeforeAll
  static void open() throws Exception {
    Path indexDir = temp.resolve("index");
    index = IndexHandle.open(Judgments.content(), indexDir);
    withInstruction = new SemanticService(indexDir, true);
    withInstruction.update();
    withoutInstruction = new SemanticService(indexDir, false);
    withoutInstruction.update();
    glossary = Glossary.forContent(Judgments.content());
  }

  @AfterAll
  static void close() throws Exception {
    withInstruction.close();
    withoutInstruction.close();
    index.close();
  }

  private static Map<String, Double> evaluate(SemanticService semantics, Fusion fusion, SearchRequest.Mode mode,
      Map<String, Map<String, Double>> byType) {
    return evaluate(semantics, fusion, mode, byType, new LinkedHashMap<>());
  }

  private static Map<String, Double> evaluate(SemanticService semantics, Fusion fusion, SearchRequest.Mode mode,
      Map<String, Map<String, Double>> byType, Map<String, Double> perQuery) {
    SearchService search = new SearchService(index, glossary, semantics, fusion);
    return SearchRegressionTest.evaluate(q -> {
      try {
        return search.search(new SearchRequest(q, 1, 10, null, null, false, mode)).hits().stream()
            .map(SearchResult.Hit::path).toList();
      } catch (Exception e) {
        throw new IllegalStateException(q, e);
      }
    }, byType, perQuery);
  }

  @Test
  void hybrid_search_is_measured_beside_lexical_and_does_not_regress() {
    Map<String, Object> report = new LinkedHashMap<>();
    Map<String, Map<String, Double>> lexicalByType = new TreeMap<>();
    Map<String, Map<String, Double>> hybridByType = new TreeMap<>();
    Map<String, Double> lexicalPerQuery = new LinkedHashMap<>();
    Map<String, Double> hybridPerQuery = new LinkedHashMap<>();
    report.put("lexical",
        evaluate(withInstruction, Fusion.DEFAULT, SearchRequest.Mode.LEXICAL, lexicalByType, lexicalPerQuery));
    report.put("semantic", evaluate(withInstruction, Fusion.DEFAULT, SearchRequest.Mode.SEMANTIC, new TreeMap<>()));
    report.put("semantic-no-instruction",
        evaluate(withoutInstruction, Fusion.DEFAULT, SearchRequest.Mode.SEMANTIC, new TreeMap<>()));
    for (Fusion.Method method : Fusion.Method.values()) {
      for (double weight : new double[] {0.5, 0.7, 0.8}) {
        Fusion fusion = new Fusion(method, weight);
        report.put("hybrid-" + fusion.label(), evaluate(withInstruction, fusion, SearchRequest.Mode.HYBRID, new TreeMap<>()));
        report.put("hybrid-" + fusion.label() + "-no-instruction",
            evaluate(withoutInstruction, fusion, SearchRequest.Mode.HYBRID, new TreeMap<>()));
      }
    }
    SemanticService shippedSemantics = SemanticService.QUERY_INSTRUCTION ? withInstruction : withoutInstruction;
    String shippedName = "hybrid-shipped (" + Fusion.DEFAULT.label()
        + (SemanticService.QUERY_INSTRUCTION ? ", instruction)" : ", no instruction)");
    report.put(shippedName,
        evaluate(shippedSemantics, Fusion.DEFAULT, SearchRequest.Mode.HYBRID, hybridByType, hybridPerQuery));
    for (double weight : new double[] {0, 0.1, 0.2, 0.3, 0.5}) {
      org.dailydl.server.related.RelatedService related =
          new org.dailydl.server.related.RelatedService(index, withoutInstruction, weight);
      report.put("related-dense-" + weight, RelatedRegressionTest.evaluate(path -> {
        try {
          return related.byPath(path, 5).orElseThrow().hits().stream()
              .map(org.dailydl.server.related.RelatedService.Hit::path).toList();
        } catch (java.io.IOException e) {
          throw new IllegalStateException(path, e);
        }
      }));
    }
    report.put("lexical-by-type", lexicalByType);
    report.put("hybrid-by-type", hybridByType);
    // the queries fusion changed, to explain any type where hybrid is below lexical
    Map<String, String> types = new LinkedHashMap<>();
    Judgments.queries().forEach(q -> types.put(q.query(), q.type()));
    Map<String, String> changed = new TreeMap<>();
    lexicalPerQuery.forEach((query, lexicalNdcg) -> {
      double hybridNdcg = hybridPerQuery.get(query);
      if (Math.abs(hybridNdcg - lexicalNdcg) > 1e-9) {
        changed.put(types.get(query) + ": " + query, "nDCG@10 " + lexicalNdcg + " -> " + hybridNdcg);
      }
    });
    report.put("hybrid-changed-queries", changed);
    Judgments.writeReport("hybrid.json", report);

    @SuppressWarnings("unchecked")
    Map<String, Double> shipped = (Map<String, Double>) report.get(shippedName);
    for (String metric : List.of("ndcg@10", "mrr@10", "recall@10")) {
      assertThat(shipped.get(metric)).as(metric + " " + report)
          .isGreaterThanOrEqualTo(Judgments.recorded("hybrid", "shipped", metric) - SearchRegressionTest.TOLERANCE);
    }
  }
}
