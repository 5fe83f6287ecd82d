package org.dailydl.server.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.search.Mode;
import org.dailydl.server.search.SearchRequest;
import org.dailydl.server.search.SearchResult;
import org.dailydl.server.search.SearchService;
import org.dailydl.server.semantic.SemanticService;
import org.dailydl.server.Judgments;
import org.dailydl.server.SharedCorpus;
import org.dailydl.server.Metrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Semantic and hybrid search as shipped, on the judged queries, beside lexical. Numbers go to
 * {@code target/relevance/hybrid.json}; the alternatives that were measured (query instruction,
 * fusion methods and weights) are an experiment in benchmarks/.
 */
class HybridRegressionTest {
  @RegisterExtension static final SharedCorpus corpus = SharedCorpus.content();
  static IndexHandle index;
  static SemanticService semantics;
  static SearchService search;

  @BeforeAll
  static void open() throws Exception {
    index = corpus.handle();
    semantics = corpus.semantics();
    search = SearchService.create(index, Glossary.forContent(Judgments.content()), semantics);
  }


  private static Map<String, Double> evaluate(Mode mode, Map<String, Map<String, Double>> byType,
      Map<String, Double> perQuery) {
    return SearchRegressionTest.evaluate(q -> {
      try {
        return search.search(new SearchRequest(q, 1, 10, null, null, false, mode)).hits().stream()
            .map(SearchResult.Hit::path).toList();
      } catch (Exception e) {
        throw new IllegalStateException(q, e);
      }
    }, byType, perQuery);
  }

  static Map<String, Double> ndcgByType(Map<String, Map<String, Double>> byType) {
    Map<String, Double> ndcg = new TreeMap<>();
    byType.forEach((type, values) -> ndcg.put(type, values.get("ndcg@10")));
    return ndcg;
  }

  @Test
  void hybrid_search_matches_the_recorded_numbers() {
    Map<String, Map<String, Double>> lexicalByType = new TreeMap<>();
    Map<String, Map<String, Double>> hybridByType = new TreeMap<>();
    Map<String, Double> lexicalPerQuery = new LinkedHashMap<>();
    Map<String, Double> hybridPerQuery = new LinkedHashMap<>();
    Map<String, Double> lexical = evaluate(Mode.LEXICAL, lexicalByType, lexicalPerQuery);
    Map<String, Double> semantic = evaluate(Mode.SEMANTIC, new TreeMap<>(), new LinkedHashMap<>());
    Map<String, Double> hybrid = evaluate(Mode.HYBRID, hybridByType, hybridPerQuery);
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
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("lexical", lexical);
    report.put("semantic", semantic);
    report.put("shipped", hybrid);
    report.put("lexical-by-type", lexicalByType);
    report.put("hybrid-by-type", hybridByType);
    report.put("hybrid-changed-queries", changed);
    Judgments.writeReport("hybrid.json", report);

    String task = Judgments.embeddingTask("hybrid");
    Judgments.assertRecorded(task, "shipped", hybrid);
    Judgments.assertRecorded(task, "semantic", semantic);
    Judgments.assertRecorded(task, "shipped-ndcg@10-by-type", ndcgByType(hybridByType));
  }
}
