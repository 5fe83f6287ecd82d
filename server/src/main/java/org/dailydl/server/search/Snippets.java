package org.dailydl.server.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Set;
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
 * Snippets by Lucene's {@link UnifiedHighlighter} over the stored body. The body is re-analysed
 * into bigrams for highlighting, so a Chinese word is marked whether the query matched it as a
 * word or through its bigrams; everything is HTML-escaped except the {@code <mark>} tags.
 */
final class Snippets {
  static final int MAX_ANALYZED_CHARS = 30_000;
  private static final int PASSAGE_CHARS = 160;

  private Snippets() {}

  static String[] highlight(IndexSearcher searcher, int[] docs, Set<String> terms) throws IOException {
    if (docs.length == 0) {
      return new String[0];
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String term : terms) {
      if (query.build().clauses().size() >= 512) {
        break;
      }
      query.add(new TermQuery(new Term(Fields.BODY, term)), Occur.SHOULD);
    }
    UnifiedHighlighter highlighter = new UnifiedHighlighter(
        UnifiedHighlighter.builder(searcher, Analysis.standard().bigram())
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
            .withMaxLength(MAX_ANALYZED_CHARS)
            .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                BreakIterator.getSentenceInstance(Locale.CHINA), PASSAGE_CHARS, 0.4f))
            .withMaxNoHighlightPassages(1)) {
      @Override
      protected OffsetSource getOffsetSource(String field) {
        return OffsetSource.ANALYSIS;
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
