package org.dailydl.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.dailydl.indexer.analysis.Analysis;
import org.dailydl.server.Judgments;
import org.dailydl.server.SharedCorpus;
import org.dailydl.server.index.IndexHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One run of the relaxed query ranks both answers: its full matches are exactly the strict query's
 * documents with exactly its scores, on every judged query of content/ and on pairs of them (where
 * few articles have every word, so the two answers differ).
 */
class FullMatchesTest {
  @RegisterExtension static final SharedCorpus corpus = SharedCorpus.content();

  /** Every document a collector sees, with its score. */
  private static final class Recorder extends SimpleCollector {
    final Map<Integer, Float> scores = new TreeMap<>();
    private Scorable scorer;
    private int base;

    @Override
    protected void doSetNextReader(LeafReaderContext context) {
      base = context.docBase;
    }

    @Override
    public void setScorer(Scorable scorer) {
      this.scorer = scorer;
    }

    @Override
    public void collect(int doc) throws IOException {
      scores.put(base + doc, scorer.score());
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }
  }

  private static Map<Integer, Float> all(IndexSearcher searcher, Query query)
      throws IOException {
    Map<Integer, Float> scores = new TreeMap<>();
    for (ScoreDoc d : searcher.search(query, Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs) {
      scores.put(d.doc, d.score);
    }
    return scores;
  }

  @Test
  void the_full_matches_of_one_relaxed_run_are_the_strict_answer_with_its_scores() throws IOException {
    QueryBuilder builder = new QueryBuilder(Analysis.standard(), corpus.glossary());
    List<String> queries = new ArrayList<>();
    List<Judgments.Query> judged = Judgments.queries();
    judged.forEach(q -> queries.add(q.query()));
    for (int i = 0; i + 1 < judged.size(); i += 2) {
      queries.add(judged.get(i).query() + " " + judged.get(i + 1).query());
    }
    int differing = 0;
    try (IndexHandle.Lease lease = corpus.handle().acquire()) {
      IndexSearcher searcher = lease.searcher();
      for (String text : queries) {
        QueryBuilder.Built built = builder.build(text, new TermLookup(searcher.getIndexReader()));
        Recorder full = new Recorder();
        Recorder every = new Recorder();
        searcher.search(built.relaxed(), new LexicalRetriever.FullMatchSplit(built.fullMatches(), full, every));
        assertThat(full.scores).as(text).isEqualTo(all(searcher, built.strict()));
        assertThat(every.scores).as(text).isEqualTo(all(searcher, built.relaxed()));
        if (!full.scores.equals(every.scores)) {
          differing++;
        }
      }
    }
    // the pairs make the two answers differ often: the check compares two different rankings
    assertThat(differing).isGreaterThan(queries.size() / 4);
  }
}
