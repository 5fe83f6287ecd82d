package org.dailydl.indexer.analysis;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Drops tokens without a letter or digit. smartcn emits punctuation (，。、 and ASCII symbols) as
 * tokens of their own; they would only pollute term statistics, keywords and suggestions.
 */
final class WordCharFilter extends FilteringTokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  WordCharFilter(TokenStream in) {
    super(in);
  }

  @Override
  protected boolean accept() {
    for (int i = 0; i < term.length(); i++) {
      if (Character.isLetterOrDigit(term.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
