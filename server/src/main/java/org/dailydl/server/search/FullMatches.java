package org.dailydl.server.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * Which documents of a relaxed query match every required unit, found in the same run: each
 * required unit's query is wrapped so that scoring it on a document marks the unit, and a
 * document whose score was computed with every unit marked is a full match. Lucene's Boolean
 * scorers score exactly the clauses positioned on the document being scored, so the full matches
 * are the documents the strict query would find, with the same scores (the clause sums are the
 * same, accumulated in double and rounded once). {@code FullMatchesTest} checks that
 * equivalence on every judged query.
 *
 * <p>One instance per query run, on one thread (the searcher has no executor); scores must be
 * computed for every collected document ({@link ScoreMode#COMPLETE}), and {@link #nextLeaf} called
 * when a segment starts.
 */
final class FullMatches {
  /** Per required unit: the last document (of the current segment) it was scored on. */
  private final int[] scored;

  FullMatches(int units) {
    scored = new int[units];
    nextLeaf();
  }

  /** {@code unit} as a query whose scoring marks slot {@code slot}. */
  Query mark(Query unit, int slot) {
    return new Marked(unit, this, slot);
  }

  /** Forgets the marks of the previous segment (document numbers restart). */
  void nextLeaf() {
    Arrays.fill(scored, -1);
  }

  /** True when every unit was scored on {@code doc}, the document whose score was just computed. */
  boolean all(int doc) {
    for (int d : scored) {
      if (d != doc) {
        return false;
      }
    }
    return true;
  }

  /** A unit's query that reports scoring to its {@link FullMatches}; equal only to itself. */
  private static final class Marked extends Query {
    private final Query in;
    private final FullMatches owner;
    private final int slot;

    Marked(Query in, FullMatches owner, int slot) {
      this.in = in;
      this.owner = owner;
      this.slot = slot;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
      Query rewritten = in.rewrite(searcher);
      return rewritten == in ? this : new Marked(rewritten, owner, slot);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
      Weight weight = searcher.createWeight(in, scoreMode, boost);
      return new FilterWeight(this, weight) {
        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
          ScorerSupplier supplier = in.scorerSupplier(context);
          if (supplier == null) {
            return null;
          }
          return new ScorerSupplier() {
            @Override
            public Scorer get(long leadCost) throws IOException {
              return new MarkingScorer(supplier.get(leadCost), owner, slot);
            }

            @Override
            public long cost() {
              return supplier.cost();
            }
          };
        }

        @Override
        public Scorer scorer(LeafReaderContext context) throws IOException {
          ScorerSupplier supplier = scorerSupplier(context);
          return supplier == null ? null : supplier.get(Long.MAX_VALUE);
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
          return false; // a cached scorer would not mark
        }

        @Override
        public Explanation explain(LeafReaderContext context, int doc) throws IOException {
          return in.explain(context, doc);
        }
      };
    }

    @Override
    public void visit(QueryVisitor visitor) {
      in.visit(visitor.getSubVisitor(Occur.MUST, this));
    }

    @Override
    public String toString(String field) {
      return "marked(" + in.toString(field) + ")";
    }

    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  private static final class MarkingScorer extends FilterScorer {
    private final FullMatches owner;
    private final int slot;

    MarkingScorer(Scorer in, FullMatches owner, int slot) {
      super(in);
      this.owner = owner;
      this.slot = slot;
    }

    @Override
    public float score() throws IOException {
      owner.scored[slot] = docID();
      return in.score();
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo);
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      return in.advanceShallow(target);
    }

    @Override
    public void setMinCompetitiveScore(float minScore) throws IOException {
      in.setMinCompetitiveScore(minScore);
    }
  }
}
