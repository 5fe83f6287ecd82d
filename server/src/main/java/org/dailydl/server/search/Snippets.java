package org.dailydl.server.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.analysis.Analysis;

/**
 * Snippets by Lucene's {@link UnifiedHighlighter} over the stored body, marked with the offsets of
 * the body's CJK bigrams (so a Chinese word is marked whether the query matched it as a word or
 * through its bigrams); everything is HTML-escaped except the {@code <mark>} tags.
 *
 * <p>The offsets come from the postings of {@link Fields#BODY_BIGRAM} (the same text as the stored
 * body, so the same offsets), read through the highlighter's masked fields: only the query's terms
 * are looked up. Re-analysing up to {@link #MAX_ANALYZED_CHARS} of every hit instead gives the same
 * snippets but was most of the time of an uncached search; it stays available for the test that
 * proves the two agree.
 */
final class Snippets {
  static final int MAX_ANALYZED_CHARS = 30_000;
  private static final int PASSAGE_CHARS = 160;

  private Snippets() {}

  static String[] highlight(IndexSearcher searcher, int[] docs, Set<String> terms) throws IOException {
    return highlight(searcher, docs, terms, offsetSource(searcher.getIndexReader()));
  }

  /**
   * Postings when the index has offsets there, else re-analysis: an index of an older layout is
   * served (with the same snippets, only slower) until its rebuild is done.
   */
  static UnifiedHighlighter.OffsetSource offsetSource(IndexReader reader) {
    FieldInfo bigrams = FieldInfos.getMergedFieldInfos(reader).fieldInfo(Fields.BODY_BIGRAM);
    return bigrams != null
        && bigrams.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS) >= 0
        ? UnifiedHighlighter.OffsetSource.POSTINGS
        : UnifiedHighlighter.OffsetSource.ANALYSIS;
  }

  /** Snippets with offsets from the postings, or (for comparison) from re-analysing the body. */
  static String[] highlight(IndexSearcher searcher, int[] docs, Set<String> terms,
      UnifiedHighlighter.OffsetSource source) throws IOException {
    if (docs.length == 0) {
      return new String[0];
    }
    boolean postings = source == UnifiedHighlighter.OffsetSource.POSTINGS;
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    String termField = postings ? Fields.BODY_BIGRAM : Fields.BODY;
    terms.stream().limit(512).forEach(term -> query.add(new TermQuery(new Term(termField, term)), Occur.SHOULD));
    UnifiedHighlighter highlighter = new UnifiedHighlighter(
        UnifiedHighlighter.builder(searcher, Analysis.standard().bigram())
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
            .withMaxLength(MAX_ANALYZED_CHARS)
            .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                BreakIterator.getSentenceInstance(Locale.CHINA), PASSAGE_CHARS, 0.4f))
            .withMaxNoHighlightPassages(1)
            // the stored body is marked where its bigram twin's terms are
            .withMaskedFieldsFunc(field -> postings && field.equals(Fields.BODY) ? Set.of(Fields.BODY_BIGRAM) : Set.of())) {
      @Override
      protected OffsetSource getOffsetSource(String field) {
        return postings ? OffsetSource.POSTINGS : OffsetSource.ANALYSIS;
      }
    };
    String[] snippets = highlighter.highlightFields(new String[] {Fields.BODY}, query.build(), docs, new int[] {1})
        .get(Fields.BODY);
    for (int i = 0; i < snippets.length; i++) {
      snippets[i] = snippets[i] == null ? "" : tidy(snippets[i]);
    }
    return snippets;
  }

  /** Adjacent bigram marks ("注意" + "意力") become one mark; whitespace runs one space. */
  static String tidy(String snippet) {
    return snippet.replace("</mark><mark>", "").replaceAll("\\s+", " ").strip();
  }
}
