package org.dailydl.server.search;

import java.util.Arrays;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.dailydl.server.index.ArticleInfo;
import org.dailydl.server.index.Catalog;
import org.dailydl.server.index.IndexVersion;

/**
 * A prior against tables of contents in search: a page linking to more than
 * {@link Catalog#HUB_LINKS} articles (a home page, a reading list) repeats every other article's
 * title, so it matches nearly every query without being what anyone searches for. Its score is
 * multiplied by its {@link Catalog#hubDiscount hub discount}, the same one related articles use;
 * every other article keeps its score. Computed once per index version. Immutable.
 */
final class HubPrior extends DoubleValuesSource {
  private final long version;
  private final double[] byDoc;

  private HubPrior(long version, double[] byDoc) {
    this.version = version;
    this.byDoc = byDoc;
  }

  static HubPrior of(IndexVersion version) {
    return version.derived(HubPrior.class, v -> compute(v.number(), v.catalog(), v.reader().maxDoc()));
  }

  static HubPrior compute(long version, Catalog catalog, int maxDoc) {
    double[] byDoc = new double[maxDoc];
    Arrays.fill(byDoc, 1.0);
    for (ArticleInfo article : catalog.articles()) {
      byDoc[article.doc()] = catalog.hubDiscount(article.id());
    }
    return new HubPrior(version, byDoc);
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
    return other instanceof HubPrior prior && prior.version == version && prior.byDoc == byDoc;
  }

  @Override
  public String toString() {
    return "hubPrior(v" + version + ")";
  }
}
