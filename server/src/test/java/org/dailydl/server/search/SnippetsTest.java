package org.dailydl.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter.OffsetSource;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.analysis.Analysis;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.indexer.schema.IndexedArticle;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.Judgments;
import org.dailydl.server.SharedCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Snippets from offsets in the postings must be exactly those of re-analysing the body. */
class SnippetsTest {
  @RegisterExtension static final SharedCorpus corpus = SharedCorpus.content();
  static IndexHandle index;

  @BeforeAll
  static void open() throws Exception {
    index = corpus.handle();
  }


  @Test
  void posting_offsets_give_the_same_snippets_as_re_analysis_for_every_judged_query() throws Exception {
    QueryBuilder builder = new QueryBuilder(Analysis.standard(), Glossary.builtIn());
    List<String> differences = new ArrayList<>();
    int marked = 0;
    try (IndexHandle.Lease snapshot = index.acquire()) {
      List<IndexedArticle> articles = snapshot.corpus().catalog().articles();
      int turn = 0;
      for (Judgments.Query judged : Judgments.queries()) {
        QueryBuilder.Built built = builder.build(judged.query());
        // the articles judged relevant (where snippets matter most) and ten others, the corpus in turn
        List<IndexedArticle> chosen = new ArrayList<>();
        judged.relevant().keySet().forEach(path -> snapshot.corpus().catalog().byPath(path).ifPresent(chosen::add));
        for (int i = 0; i < 10; i++) {
          chosen.add(articles.get(turn++ % articles.size()));
        }
        int[] docs = chosen.stream().mapToInt(IndexedArticle::doc).toArray();
        String[] fast = Snippets.highlight(snapshot.searcher(), docs, built.highlightTerms(), OffsetSource.POSTINGS);
        String[] slow = Snippets.highlight(snapshot.searcher(), docs, built.highlightTerms(), OffsetSource.ANALYSIS);
        for (int i = 0; i < docs.length; i++) {
          if (!fast[i].equals(slow[i])) {
            differences.add(judged.query() + " @" + docs[i] + ":\n  " + fast[i] + "\n  " + slow[i]);
          }
          if (fast[i].contains("<mark>")) {
            marked++;
          }
        }
      }
    }
    assertThat(differences).isEmpty();
    assertThat(marked).as("snippets with a mark").isGreaterThan(500);
  }

  @Test
  void an_index_of_the_older_layout_without_offsets_still_gets_marked_snippets() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(Analysis.standard().indexAnalyzer()))) {
        FieldType stored = new FieldType(TextField.TYPE_STORED);
        stored.setStoreTermVectors(true);
        stored.setStoreTermVectorOffsets(true);
        Document doc = new Document();
        doc.add(new Field(Fields.BODY, "反向传播按链式法则逐层计算梯度。", stored));
        doc.add(new TextField(Fields.BODY_BIGRAM, "反向传播按链式法则逐层计算梯度。", Field.Store.NO));
        writer.addDocument(doc);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(Snippets.offsetSource(reader)).isEqualTo(OffsetSource.ANALYSIS);
        QueryBuilder builder = new QueryBuilder(Analysis.standard(), Glossary.builtIn());
        String[] snippets = Snippets.highlight(new IndexSearcher(reader), new int[] {0},
            builder.build("链式法则").highlightTerms());
        assertThat(snippets[0]).contains("<mark>链式法则</mark>");
      }
    }
    try (IndexHandle.Lease snapshot = index.acquire()) {
      assertThat(Snippets.offsetSource(snapshot.searcher().getIndexReader())).isEqualTo(OffsetSource.POSTINGS);
    }
  }
}
