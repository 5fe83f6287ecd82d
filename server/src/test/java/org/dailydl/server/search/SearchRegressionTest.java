package org.dailydl.server.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.analysis.Analysis;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.search.SearchRequest;
import org.dailydl.server.search.SearchResult;
import org.dailydl.server.search.SearchService;
import org.dailydl.server.Baselines;
import org.dailydl.server.Judgments;
import org.dailydl.server.SharedCorpus;
import org.dailydl.server.Metrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The relevance regression for {@code content/} (like Anserini's regression files): the document
 * and term counts of the index, and nDCG@10, MRR@10 and Recall@10 over the judged queries, exactly
 * as recorded in {@code regression.json}, with plain BM25 over the body field as the baseline.
 * Numbers of each run are written to {@code target/relevance/search.json}.
 */
class SearchRegressionTest {
  @RegisterExtension static final SharedCorpus corpus = SharedCorpus.content();
  static IndexHandle index;

  @BeforeAll
  static void open() throws Exception {
    index = corpus.handle();
  }


  static Map<String, Double> evaluate(Function<String, List<String>> system, Map<String, Map<String, Double>> byType) {
    return evaluate(system, byType, new LinkedHashMap<>());
  }

  static Map<String, Double> evaluate(Function<String, List<String>> system, Map<String, Map<String, Double>> byType,
      Map<String, Double> perQuery) {
    List<Judgments.Query> queries = Judgments.queries();
    Map<String, List<double[]>> perType = new TreeMap<>();
    double ndcg = 0;
    double mrr = 0;
    double recall = 0;
    for (Judgments.Query q : queries) {
      List<String> ranked = system.apply(q.query());
      double[] m = {Metrics.ndcg(ranked, q.relevant(), 10), Metrics.reciprocalRank(ranked, q.relevant(), 10),
          Metrics.recall(ranked, q.relevant(), 10)};
      perQuery.put(q.query(), Metrics.round(m[0]));
      ndcg += m[0];
      mrr += m[1];
      recall += m[2];
      perType.computeIfAbsent(q.type(), t -> new ArrayList<>()).add(m);
    }
    perType.forEach((type, list) -> byType.put(type, Map.of(
        "ndcg@10", Metrics.round(list.stream().mapToDouble(m -> m[0]).average().orElse(0)),
        "queries", (double) list.size())));
    int n = queries.size();
    Map<String, Double> result = new LinkedHashMap<>();
    result.put("ndcg@10", Metrics.round(ndcg / n));
    result.put("mrr@10", Metrics.round(mrr / n));
    result.put("recall@10", Metrics.round(recall / n));
    result.put("queries", (double) n);
    return result;
  }

  private static List<String> shipped(SearchService search, String query) {
    try {
      return search.search(new SearchRequest(query, 1, 10, null, null, false)).hits().stream()
          .map(SearchResult.Hit::path).toList();
    } catch (Exception e) {
      throw new IllegalStateException(query, e);
    }
  }

  /** Plain Lucene BM25 over the body field with smartcn words, OR semantics: the baseline. */
  private static List<String> bm25Body(String query) {
    try (IndexHandle.Lease snapshot = index.acquire()) {
      QueryParser parser = new QueryParser(Fields.BODY, Analysis.standard().word());
      return Baselines.topPaths(snapshot, parser.parse(QueryParser.escape(query)), 10, path -> true);
    } catch (Exception e) {
      throw new IllegalStateException(query, e);
    }
  }

  @Test
  void judged_queries_match_the_recorded_numbers() throws Exception {
    SearchService search = SearchService.create(index, Glossary.forContent(Judgments.content()));
    Map<String, Map<String, Double>> shippedByType = new TreeMap<>();
    Map<String, Double> oursPerQuery = new LinkedHashMap<>();
    Map<String, Double> baselinePerQuery = new LinkedHashMap<>();
    Map<String, Double> ours = evaluate(q -> shipped(search, q), shippedByType, oursPerQuery);
    Map<String, Double> baseline = evaluate(SearchRegressionTest::bm25Body, new TreeMap<>(), baselinePerQuery);
    Map<String, String> perQuery = new LinkedHashMap<>();
    oursPerQuery.forEach((q, v) -> perQuery.put(q, v + " (bm25-body " + baselinePerQuery.get(q) + ")"));
    Judgments.writeReport("search.json", Map.of("shipped", ours, "bm25-body", baseline, "shipped-by-type", shippedByType,
        "per-query", perQuery));

    Judgments.assertRecorded("search", "shipped", ours);
    Judgments.assertRecorded("search", "shipped-ndcg@10-by-type", HybridRegressionTest.ndcgByType(shippedByType));
    Judgments.assertRecorded("search", "bm25-body", baseline);
  }

  @Test
  void the_indexed_corpus_matches_the_recorded_document_and_term_counts() throws Exception {
    try (IndexHandle.Lease lease = index.acquire()) {
      IndexReader reader = lease.searcher().getIndexReader();
      Map<String, Double> counts = new LinkedHashMap<>();
      counts.put("articles", (double) reader.numDocs());
      for (String field : List.of(Fields.TITLE, Fields.BODY, Fields.BODY_BIGRAM, Fields.CODE)) {
        Terms terms = MultiTerms.getTerms(reader, field);
        long unique = 0;
        TermsEnum it = terms.iterator();
        while (it.next() != null) {
          unique++;
        }
        counts.put(field + ".terms", (double) unique);
        counts.put(field + ".tokens", (double) terms.getSumTotalTermFreq());
      }
      Judgments.assertRecorded("corpus", "content", counts);
    }
  }
}
