package org.dailydl.server.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.analysis.Analysis;
import org.dailydl.indexer.analysis.Glossary;

/**
 * Turns a plain-text query into Lucene queries. Lucene syntax characters are just characters here.
 *
 * <p>The query is cut into <em>units</em>: glossary terms (matched longest-first, so 卷积神经网络 is
 * one unit that also matches CNN and convolutional neural network) and the remaining words as the
 * shared word analysis segments them. A unit matches when any field matches any of its spellings;
 * the word and bigram twins of a field both score, so a word the dictionary lacks still matches
 * through its bigrams. The <em>strict</em> query requires every unit; the <em>relaxed</em> one most
 * of them. Phrase clauses reward the query's words standing together. Thread-safe.
 */
public final class QueryBuilder {
  /** Field boosts: title ≫ headings > anchor text > body > code (DESIGN §5). */
  static final Map<String, Float> FIELD_BOOSTS = Map.ofEntries(
      Map.entry(Fields.TITLE, 6f),
      Map.entry(Fields.TITLE_BIGRAM, 3f),
      Map.entry(Fields.HEADINGS, 2.5f),
      Map.entry(Fields.HEADINGS_BIGRAM, 1.25f),
      Map.entry(Fields.ANCHOR, 2f),
      Map.entry(Fields.ANCHOR_BIGRAM, 1f),
      Map.entry(Fields.TAGS, 2f),
      Map.entry(Fields.PATH_WORDS, 2f),
      Map.entry(Fields.BODY, 1f),
      Map.entry(Fields.BODY_BIGRAM, 0.7f),
      Map.entry(Fields.CODE, 0.8f));

  /** Spellings of a glossary term other than the one typed weigh a little less. */
  static final float EQUIVALENT_WEIGHT = 0.8f;
  /** A glossary term whose words are scattered counts less than the term itself. */
  static final float SCATTERED_WEIGHT = 0.5f;
  /** Beyond this many units, further words are ignored (bounds the clause count of long queries). */
  static final int MAX_UNITS = 16;
  static final float PHRASE_BOOST = 3f;

  /**
   * One thing the reader asked for, with its alternative spellings and their weights. A glossary
   * unit also matches when all of its own words occur, apart ({@code words} has more than one).
   */
  record Unit(String text, Map<String, Float> spellings, List<String> words) {}

  /**
   * The queries built from one input. {@code relaxed} marks, as it runs, the documents that match
   * every required unit ({@code fullMatches}): those are the documents of {@code strict}, with the
   * same scores, so one run of {@code relaxed} answers both.
   */
  public record Built(Query strict, Query relaxed, FullMatches fullMatches, List<Unit> units,
      Set<String> highlightTerms, List<String> latinWords) {
    public boolean isEmpty() {
      return units.isEmpty();
    }
  }

  /** Distinct (analyzer, text) pairs whose tokens are kept: a query's words recur across queries. */
  static final int ANALYSIS_CACHE_SIZE = 50_000;

  private final Analysis analysis;
  private final Glossary glossary;
  private final Map<Analyzer, Cache<String, List<String>>> analysed = new ConcurrentHashMap<>();

  public QueryBuilder(Analysis analysis, Glossary glossary) {
    this.analysis = Objects.requireNonNull(analysis);
    this.glossary = Objects.requireNonNull(glossary);
  }

  /** The queries for {@code text}, with every clause kept (no index at hand). */
  public Built build(String text) {
    return build(text, null);
  }

  /**
   * The queries for {@code text} over the index of {@code lookup}: clauses whose terms the index
   * lacks are left out, and every term query carries the statistics looked up once for the request.
   *
   * @param lookup the request's term statistics, or null to keep every clause
   */
  Built build(String text, TermLookup lookup) {
    String normalized = Glossary.normalize(text);
    List<Unit> units = units(normalized);
    Clauses clauses = new Clauses(lookup);
    Set<String> highlight = new LinkedHashSet<>();
    for (Unit unit : units) {
      for (String spelling : unit.spellings().keySet()) {
        highlight.addAll(clauses.tokens(analysis.bigram(), spelling));
      }
    }
    List<String> latin = clauses.tokens(analysis.word(), normalized).stream()
        .filter(t -> t.matches("[a-z][a-z0-9]{2,}")).toList();
    if (units.isEmpty()) {
      return new Built(null, null, null, units, highlight, latin);
    }
    List<Unit> required = units.stream().filter(u -> !isQuestionWord(u)).toList();
    if (required.isEmpty()) {
      required = units;
    }
    List<Query> phrases = clauses.phraseQueries(normalized, units.size());
    Map<Unit, Query> unitQueries = new LinkedHashMap<>();
    units.forEach(unit -> unitQueries.put(unit, clauses.unitQuery(unit)));

    BooleanQuery.Builder strict = new BooleanQuery.Builder();
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    FullMatches full = new FullMatches(required.size());
    int slot = 0;
    for (Unit unit : units) {
      Query q = unitQueries.get(unit);
      boolean needed = required.contains(unit);
      strict.add(q, needed ? Occur.MUST : Occur.SHOULD);
      if (needed) {
        any.add(full.mark(q, slot++), Occur.SHOULD);
      }
    }
    phrases.forEach(q -> strict.add(q, Occur.SHOULD));
    any.setMinimumNumberShouldMatch(Math.max(1, (int) Math.ceil(required.size() * 0.6)));
    BooleanQuery.Builder relaxed = new BooleanQuery.Builder().add(any.build(), Occur.MUST);
    for (Unit unit : units) {
      if (!required.contains(unit)) {
        relaxed.add(unitQueries.get(unit), Occur.SHOULD);
      }
    }
    phrases.forEach(q -> relaxed.add(q, Occur.SHOULD));
    return new Built(strict.build(), relaxed.build(), full, units, highlight, latin);
  }

  private boolean isQuestionWord(Unit unit) {
    return unit.spellings().size() == 1 && analysis.questionWords().contains(unit.text());
  }

  /** Glossary terms first (leftmost-longest), then the words between them. */
  List<Unit> units(String normalized) {
    List<Unit> units = new ArrayList<>();
    int pos = 0;
    for (Glossary.Match match : glossary.find(normalized)) {
      addWords(units, normalized.substring(pos, match.start()));
      Map<String, Float> spellings = new LinkedHashMap<>();
      spellings.put(match.term(), 1f);
      match.equivalents().forEach(e -> spellings.putIfAbsent(e, EQUIVALENT_WEIGHT));
      List<String> words = new ArrayList<>(new LinkedHashSet<>(tokens(analysis.word(), match.term())));
      units.add(new Unit(match.term(), spellings, words));
      pos = match.end();
    }
    addWords(units, normalized.substring(pos));
    if (units.isEmpty()) {
      // only stop words or symbols: fall back to the bigram view so "的" alone still means something;
      // a stop word beside real words ("为什么" before a glossary term) stays out of the query
      for (String bigram : new LinkedHashSet<>(tokens(analysis.bigram(), normalized))) {
        units.add(new Unit(bigram, Map.of(bigram, 1f), List.of(bigram)));
      }
    }
    return units.size() > MAX_UNITS ? List.copyOf(units.subList(0, MAX_UNITS)) : units;
  }

  private void addWords(List<Unit> units, String text) {
    for (String word : new LinkedHashSet<>(tokens(analysis.word(), text))) {
      units.add(new Unit(word, Map.of(word, 1f), List.of(word)));
    }
  }

  /**
   * The clauses of one build: each spelling is analysed once per analyzer, and with a lookup, a
   * clause whose terms are missing from the index is dropped (it could match nothing) while the rest
   * share the request's term statistics.
   */
  private final class Clauses {
    private final TermLookup lookup;

    Clauses(TermLookup lookup) {
      this.lookup = lookup;
    }

    List<String> tokens(Analyzer analyzer, String text) {
      return analysed.computeIfAbsent(analyzer, a -> Caffeine.newBuilder().maximumSize(ANALYSIS_CACHE_SIZE).build())
          .get(text, t -> List.copyOf(analysis.tokens(analyzer, t)));
    }

    Query unitQuery(Unit unit) {
      return lookup == null ? buildUnitQuery(unit) : lookup.unitQuery(unit, this::buildUnitQuery);
    }

    private Query buildUnitQuery(Unit unit) {
      BooleanQuery.Builder fields = new BooleanQuery.Builder();
      int added = 0;
      if (unit.words().size() > 1) {
        // the term's own words anywhere: "OSI 七层模型" matches text that says "OSI 参考模型……七层"
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean possible = true;
        for (String word : unit.words()) {
          Query q = unitQuery(new Unit(word, Map.of(word, 1f), List.of(word)));
          possible &= !(q instanceof MatchNoDocsQuery);
          all.add(q, Occur.MUST);
        }
        if (possible) {
          fields.add(new BoostQuery(all.build(), SCATTERED_WEIGHT), Occur.SHOULD);
          added++;
        }
      }
      for (Map.Entry<String, Float> spelling : unit.spellings().entrySet()) {
        for (Map.Entry<String, Float> field : FIELD_BOOSTS.entrySet()) {
          Query q = fieldQuery(field.getKey(), spelling.getKey());
          if (q != null) {
            fields.add(new BoostQuery(q, field.getValue() * spelling.getValue()), Occur.SHOULD);
            added++;
          }
        }
      }
      return added == 0 ? new MatchNoDocsQuery("no field has " + unit.text()) : fields.build();
    }

    /** The text as one field would index it: a term, or an exact phrase of its tokens; null when it cannot match. */
    Query fieldQuery(String field, String text) {
      List<String> tokens = tokens(analysis.forField(field), text);
      if (tokens.isEmpty()) {
        return null;
      }
      if (tokens.size() == 1) {
        return term(field, tokens.get(0));
      }
      return phrase(field, tokens, 0);
    }

    /** Rewards the whole query standing together: nearby words, exact Chinese substrings. */
    List<Query> phraseQueries(String normalized, int unitCount) {
      List<Query> phrases = new ArrayList<>();
      if (unitCount < 2) {
        return phrases;
      }
      List<String> words = tokens(analysis.word(), normalized);
      for (String field : List.of(Fields.TITLE, Fields.HEADINGS, Fields.BODY)) {
        if (words.size() >= 2 && words.size() <= 12) {
          Query q = phrase(field, words, 3);
          if (q != null) {
            phrases.add(new BoostQuery(q, PHRASE_BOOST * FIELD_BOOSTS.get(field)));
          }
        }
      }
      List<String> bigrams = tokens(analysis.bigram(), normalized);
      for (String field : List.of(Fields.TITLE_BIGRAM, Fields.BODY_BIGRAM)) {
        if (bigrams.size() >= 2 && bigrams.size() <= 24) {
          Query q = phrase(field, bigrams, 0);
          if (q != null) {
            phrases.add(new BoostQuery(q, PHRASE_BOOST * FIELD_BOOSTS.get(field)));
          }
        }
      }
      return phrases;
    }

    private Query term(String field, String token) {
      if (lookup == null) {
        return new TermQuery(new Term(field, token));
      }
      TermStates states = lookup.states(field, token);
      return states.docFreq() == 0 ? null : new TermQuery(new Term(field, token), states);
    }

    /**
     * Tokens within {@code slop} positions of each other, in order: an exact phrase at slop 0. With
     * a lookup, span queries over the request's term statistics (a phrase query would look its
     * terms up again); without one, a plain phrase query.
     */
    private Query phrase(String field, List<String> tokens, int slop) {
      if (lookup == null) {
        PhraseQuery.Builder builder = new PhraseQuery.Builder().setSlop(slop);
        for (int i = 0; i < tokens.size(); i++) {
          builder.add(new Term(field, tokens.get(i)), i);
        }
        return builder.build();
      }
      SpanQuery[] spans = new SpanQuery[tokens.size()];
      for (int i = 0; i < tokens.size(); i++) {
        TermStates states = lookup.states(field, tokens.get(i));
        if (states.docFreq() == 0) {
          return null;
        }
        spans[i] = new SpanTermQuery(new Term(field, tokens.get(i)), states);
      }
      return new SpanNearQuery(spans, slop, true);
    }
  }

  private List<String> tokens(Analyzer analyzer, String text) {
    return analysis.tokens(analyzer, text);
  }
}
