package org.dailydl.indexer.schema;

import java.util.Iterator;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** A bag of concepts as a token stream: each concept once per occurrence (in term order). */
final class ConceptTokens extends TokenStream {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final Map<String, Integer> counts;
  private Iterator<Map.Entry<String, Integer>> entries;
  private String current;
  private int left;

  ConceptTokens(Map<String, Integer> counts) {
    this.counts = counts;
  }

  @Override
  public void reset() {
    entries = counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).iterator();
    left = 0;
  }

  @Override
  public boolean incrementToken() {
    while (left == 0) {
      if (!entries.hasNext()) {
        return false;
      }
      Map.Entry<String, Integer> next = entries.next();
      current = next.getKey();
      left = next.getValue();
    }
    clearAttributes();
    term.setEmpty().append(current);
    left--;
    return true;
  }
}
