package org.dailydl.server.search;

import java.util.Arrays;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.dailydl.indexer.schema.IndexedArticle;
import org.dailydl.server.corpus.CorpusSnapshot;
import org.dailydl.server.corpus.LinkGraph;
import org.dailydl.server.corpus.PerSnapshot;

/**
 * A prior against tables of contents in search: a page linking to more than
 * {@link LinkGraph#TABLE_OF_CONTENTS_LINKS} articles (a home page, a reading list) repeats every
 * other article's title, so it matches nearly every query without being what anyone searches for.
 * Its score is multiplied by {@code TABLE_OF_CONTENTS_LINKS / links}; every other article keeps its
 * score. Computed once per snapshot. Thread-safe.
 */
final class HubPrior {
  private final PerSnapshot<Values> values = new PerSnapshot<>(HubPrior::compute);

  /** The prior of one snapshot, as a per-document multiplier. */
  Values of(CorpusSnapshot snapshot) {
    return values.get(snapshot);
  }

  /** The multiplier of an article linking to {@code links} other articles. */
  static double discount(int links) {
    return links <= LinkGraph.TABLE_OF_CONTENTS_LINKS ? 1.0 : (double) LinkGraph.TABLE_OF_CONTENTS_LINKS / links;
  }

  private static Values compute(CorpusSnapshot snapshot) {
    double[] byDoc = new double[snapshot.catalog().maxDoc()];
    Arrays.fill(byDoc, 1.0);
    for (IndexedArticle article : snapshot.catalog().articles()) {
      byDoc[article.doc()] = discount(snapshot.links().outgoing(article.id()).size());
    }
    return new Values(snapshot.number(), byDoc);
  }

  /** Per-document multipliers of one snapshot, as a Lucene value source. Immutable. */
  static final class Values extends DoubleValuesSource {
    private final long version;
    private final double[] byDoc;

    private Values(long version, double[] byDoc) {
      this.version = version;
      this.byDoc = byDoc;
    }

    /** The multiplier of one document. */
    double valueOf(int doc) {
      return doc >= 0 && doc < byDoc.length ? byDoc[doc] : 1.0;
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) {
      int base = ctx.docBase;
      return new DoubleValues() {
        private int doc = -1;

        @Override
        public double doubleValue() {
          return valueOf(base + doc);
        }

        @Override
        public boolean advanceExact(int target) {
          doc = target;
          return true;
        }
      };
    }

    @Override
    public boolean needsScores() {
      return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher reader) {
      return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
      return false;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(version);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Values prior && prior.version == version && prior.byDoc == byDoc;
    }

    @Override
    public String toString() {
      return "hubPrior(v" + version + ")";
    }
  }
}
