package org.dailydl.server.related;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.Query;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.analysis.Analysis;
import org.dailydl.indexer.collection.MathText;
import org.dailydl.indexer.schema.ArticleSchema;
import org.dailydl.indexer.schema.IndexedArticle;
import org.dailydl.server.Baselines;
import org.dailydl.server.Judgments;
import org.dailydl.server.Metrics;
import org.dailydl.server.SharedCorpus;
import org.dailydl.server.corpus.Keyword;
import org.dailydl.server.corpus.TermStatistics;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.related.RelatedService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
/**
 * The related-articles regression for {@code content/}: P@5 and R@5 over the judged pairs, exactly
 * as recorded in {@code regression.json}, with plain Lucene {@link MoreLikeThis} on the body as
 * the baseline.
 */
class RelatedRegressionTest {
  @RegisterExtension static final SharedCorpus corpus = SharedCorpus.content();
  static IndexHandle index;

  @BeforeAll
  static void open() throws Exception {
    index = corpus.handle();
  }


  static Map<String, Double> evaluate(Function<String, List<String>> system) {
    double p = 0;
    double r = 0;
    List<Judgments.Related> judged = Judgments.related();
    for (Judgments.Related j : judged) {
      Map<String, Integer> grades = j.related().stream().collect(Collectors.toMap(x -> x, x -> 1));
      List<String> ranked = system.apply(j.source());
      p += Metrics.precision(ranked, grades, 5);
      r += Metrics.recall(ranked, grades, 5);
    }
    Map<String, Double> result = new LinkedHashMap<>();
    result.put("p@5", Metrics.round(p / judged.size()));
    result.put("r@5", Metrics.round(r / judged.size()));
    result.put("sources", (double) judged.size());
    return result;
  }

  private static List<String> shipped(RelatedService related, String path) {
    try {
      return related.byPath(path, 5).orElseThrow(() -> new IllegalStateException("not indexed: " + path)).hits()
          .stream().map(RelatedService.Hit::path).toList();
    } catch (IOException e) {
      throw new IllegalStateException(path, e);
    }
  }

  /**
   * Plain MoreLikeThis over the body (default settings, the word analyzer) from the source's stored
   * text (the body keeps no term vectors), the source excluded.
   */
  private static List<String> moreLikeThis(String path) {
    try (IndexHandle.Lease snapshot = index.acquire()) {
      IndexedArticle source = snapshot.corpus().catalog().byPath(path).orElseThrow();
      MoreLikeThis mlt = new MoreLikeThis(snapshot.searcher().getIndexReader());
      mlt.setFieldNames(new String[] {Fields.BODY});
      mlt.setAnalyzer(Analysis.standard().word());
      String body = MathText.indexed(ArticleSchema.body(snapshot.searcher().getIndexReader(), source.doc()));
      Query query = mlt.like(Fields.BODY, new StringReader(body));
      return Baselines.topPaths(snapshot, query, 5, other -> !other.equals(path));
    } catch (Exception e) {
      throw new IllegalStateException(path, e);
    }
  }

  @Test
  void judged_related_pairs_match_the_recorded_numbers() {
    RelatedService related = new RelatedService(index);
    Map<String, Double> ours = evaluate(p -> shipped(related, p));
    Map<String, Double> mlt = evaluate(RelatedRegressionTest::moreLikeThis);
    Judgments.writeReport("related.json", Map.of("shipped", ours, "more-like-this", mlt));

    Judgments.assertRecorded("related", "shipped", ours);
    Judgments.assertRecorded("related", "more-like-this", mlt);
  }

  /**
   * Keyword P@5 over the judged keywords of content/ (benchmarks/judgments/content.json: the terms
   * a reader names, each with its acceptable spellings), and how many articles have a word of the
   * judged generic list in their top ten.
   */
  @Test
  void judged_keywords_match_the_recorded_numbers() throws Exception {
    JsonNode judged = new ObjectMapper().readTree(Judgments.content().resolveSibling("benchmarks/judgments/content.json").toFile());
    Set<String> generic = new HashSet<>();
    judged.path("generic").forEach(g -> generic.add(norm(g.asText())));
    double p5 = 0;
    int articles = 0;
    int withGeneric = 0;
    try (IndexHandle.Lease lease = index.acquire()) {
      TermStatistics terms = lease.corpus().terms();
      for (JsonNode k : judged.path("keywords")) {
        var article = lease.corpus().catalog().byPath(k.path("path").asText()).orElseThrow();
        List<String> top = terms.keywords(article.id(), 5).stream().map(Keyword::term).map(RelatedRegressionTest::norm).toList();
        Set<Integer> matched = new HashSet<>();
        for (String term : top) {
          for (int g = 0; g < k.path("keywords").size(); g++) {
            boolean hit = false;
            for (JsonNode spelling : k.path("keywords").get(g)) {
              hit |= norm(spelling.asText()).equals(term);
            }
            if (hit && matched.add(g)) {
              break;
            }
          }
        }
        p5 += matched.size() / 5.0;
        articles++;
      }
      for (var a : lease.corpus().catalog().articles()) {
        if (terms.keywords(a.id(), 10).stream().anyMatch(kw -> generic.contains(norm(kw.term())))) {
          withGeneric++;
        }
      }
    }
    Map<String, Double> result = new LinkedHashMap<>();
    result.put("keyword p@5", Metrics.round(p5 / articles));
    result.put("judged articles", (double) articles);
    result.put("articles with a generic word in the top ten", (double) withGeneric);
    Judgments.writeReport("keywords.json", result);
    Judgments.assertRecorded("keywords", "shipped", result);
  }

  private static String norm(String term) {
    return term.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }
}
