package org.dailydl.server.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.dailydl.indexer.Fields;

/** Counts matching documents per category from the category doc values (facets without a facet index). */
final class CategoryCounter extends SimpleCollector {
  private final Map<String, Long> counts = new HashMap<>();
  private SortedDocValues values;
  private long[] ordCounts;

  @Override
  protected void doSetNextReader(LeafReaderContext context) throws IOException {
    flush();
    values = DocValues.getSorted(context.reader(), Fields.CATEGORY);
    ordCounts = new long[Math.max(values.getValueCount(), 0)];
  }

  @Override
  public void collect(int doc) throws IOException {
    if (values.advanceExact(doc)) {
      ordCounts[values.ordValue()]++;
    }
  }

  private void flush() throws IOException {
    if (values == null) {
      return;
    }
    for (int ord = 0; ord < ordCounts.length; ord++) {
      if (ordCounts[ord] > 0) {
        counts.merge(values.lookupOrd(ord).utf8ToString(), ordCounts[ord], Long::sum);
      }
    }
    values = null;
  }

  Map<String, Long> counts() throws IOException {
    flush();
    return counts;
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }
}
