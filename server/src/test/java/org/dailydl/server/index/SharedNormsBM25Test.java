package org.dailydl.server.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class SharedNormsBM25Test {
  private static final String[] WORDS = {"attention", "softmax", "query", "key", "value", "layer", "norm", "cache"};

  @Test
  void scores_are_lucenes_bm25_to_the_last_bit_on_every_kind_of_query() throws Exception {
    Random random = new Random(20261207);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
        for (int d = 0; d < 300; d++) {
          Document doc = new Document();
          for (String field : List.of("title", "body")) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(field.equals("title") ? 6 : 400);
            for (int w = 0; w < length; w++) {
              text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            doc.add(new TextField(field, text.toString(), Field.Store.NO));
          }
          writer.addDocument(doc);
          if (d % 97 == 0) {
            writer.commit(); // several segments
          }
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher lucene = new IndexSearcher(reader);
        lucene.setSimilarity(new BM25Similarity());
        IndexSearcher shared = new IndexSearcher(reader);
        shared.setSimilarity(new SharedNormsBM25());
        List<Query> queries = List.of(
            new TermQuery(new Term("body", "softmax")),
            new BoostQuery(new TermQuery(new Term("title", "cache")), 2.5f),
            new PhraseQuery("body", "query", "key"),
            new SynonymQuery.Builder("body").addTerm(new Term("body", "key")).addTerm(new Term("body", "value"), 0.5f).build(),
            new BooleanQuery.Builder()
                .add(new TermQuery(new Term("title", "attention")), BooleanClause.Occur.SHOULD)
                .add(new PhraseQuery("body", "layer", "norm"), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term("body", "cache")), BooleanClause.Occur.SHOULD).build());
        for (Query query : queries) {
          ScoreDoc[] expected = lucene.search(query, 300).scoreDocs;
          ScoreDoc[] actual = shared.search(query, 300).scoreDocs;
          assertThat(actual).as(query.toString()).hasSameSizeAs(expected).isNotEmpty();
          for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i].doc).as(query + " rank " + i).isEqualTo(expected[i].doc);
            assertThat(Float.floatToIntBits(actual[i].score)).as(query + " rank " + i)
                .isEqualTo(Float.floatToIntBits(expected[i].score));
          }
          assertThat(shared.explain(query, actual[0].doc).getValue().floatValue()).isEqualTo(actual[0].score);
        }
      }
    }
  }
}
