package org.dailydl.server.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * The term statistics of one request, looked up once per (field, term) and shared by every query
 * built for the request (strict, relaxed, phrases, a spelling correction), and by later requests
 * on the same index version through a shared cache: readers' queries reuse the same words. The
 * clauses built for a unit (a word or glossary term over every field) are shared the same way. A
 * missing term is looked up in the term dictionary of each segment with one reused
 * {@link TermsEnum} per field and segment; clauses whose terms the index lacks are left out before
 * anything runs. Not thread-safe: one per request (the shared cache is).
 */
final class TermLookup {
  private final IndexReaderContext top;
  private final List<LeafReaderContext> leaves;
  private final Map<String, TermsEnum[]> enums = new HashMap<>();
  private final Map<Term, TermStates> states;
  private final Map<QueryBuilder.Unit, Query> units;

  /** A lookup of its own (tests, one-off use). */
  TermLookup(IndexReader reader) {
    this(reader, new HashMap<>(), new HashMap<>());
  }

  /**
   * @param shared statistics already looked up on this reader, and where new ones go (thread-safe)
   * @param sharedUnits unit clauses already built on this reader, and where new ones go (thread-safe)
   */
  TermLookup(IndexReader reader, Map<Term, TermStates> shared, Map<QueryBuilder.Unit, Query> sharedUnits) {
    this.top = reader.getContext();
    this.leaves = reader.leaves();
    this.states = shared;
    this.units = sharedUnits;
  }

  /** The clauses of {@code unit} on this reader, built by {@code build} the first time (queries are immutable). */
  Query unitQuery(QueryBuilder.Unit unit, Function<QueryBuilder.Unit, Query> build) {
    Query known = units.get(unit);
    if (known == null) {
      known = build.apply(unit); // not computeIfAbsent: building a unit builds its words' units
      units.put(unit, known);
    }
    return known;
  }

  /** The statistics of {@code text} in {@code field} (document frequency 0 when the index lacks it). */
  TermStates states(String field, String text) {
    Term term = new Term(field, text);
    TermStates known = states.get(term);
    if (known == null) {
      known = build(term);
      states.put(term, known);
    }
    return known;
  }

  /** Whether {@code text} occurs in {@code field} at all. */
  boolean exists(String field, String text) {
    return states(field, text).docFreq() > 0;
  }

  private TermStates build(Term term) {
    TermStates result = new TermStates(top);
    TermsEnum[] perLeaf = enums.computeIfAbsent(term.field(), f -> new TermsEnum[leaves.size()]);
    BytesRef bytes = term.bytes();
    try {
      for (LeafReaderContext leaf : leaves) {
        TermsEnum terms = perLeaf[leaf.ord];
        if (terms == null) {
          Terms fieldTerms = leaf.reader().terms(term.field());
          if (fieldTerms == null) {
            continue;
          }
          terms = fieldTerms.iterator();
          perLeaf[leaf.ord] = terms;
        }
        if (terms.seekExact(bytes)) {
          result.register(terms.termState(), leaf.ord, terms.docFreq(), terms.totalTermFreq());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }
}
