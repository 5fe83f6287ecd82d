package org.dailydl.server.search;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreCachingWrappingScorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TimeLimitingCollector;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.analysis.Analysis;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.corpus.Catalog;
import org.dailydl.server.corpus.PerSnapshot;
import org.dailydl.server.index.IndexHandle;

/**
 * The lexical stage of search: builds the query and runs it once, ranking both its full matches
 * (every required unit: the strict answer) and all its matches (most units: the relaxed answer),
 * corrects spelling when nothing matched fully, and counts category facets. Thread-safe.
 */
final class LexicalRetriever {
  /** No single query may hold a thread longer than this; partial results are returned and flagged. */
  static final long TIME_BUDGET_MS = 1000;
  /** Below this many full matches, the relaxed query ranks instead of the strict one. */
  static final int FEW = 3;
  private static final Sort BY_SCORE_THEN_PATH =
      new Sort(SortField.FIELD_SCORE, new SortField(Fields.PATH, SortField.Type.STRING));

  /**
   * What the lexical stage found.
   *
   * @param ranked the best {@code window} articles, best first
   * @param highlight terms to mark in snippets
   * @param query the query that was run (the suggestion when it was applied)
   * @param blank true when the query has nothing to search for (only symbols)
   */
  record Found(List<Candidate> ranked, long total, List<SearchResult.FacetValue> facets, String suggestion,
      boolean suggestionApplied, boolean allTermsMatched, boolean timedOut, Set<String> highlight, String query,
      boolean blank) {

    static Found nothing(String query) {
      return new Found(List.of(), 0, List.of(), null, false, true, false, Set.of(), query, true);
    }
  }

  /** Term statistics kept per index version, shared by requests (bounded: queries bring new words). */
  static final int TERM_CACHE_SIZE = 200_000;

  private final QueryBuilder builder;
  private final SpellingSuggester speller = new SpellingSuggester();
  private final HubPrior hubs = new HubPrior();
  private final PerSnapshot<Map<Term, TermStates>> termStates = new PerSnapshot<>(
      s -> Caffeine.newBuilder().maximumSize(TERM_CACHE_SIZE).<Term, TermStates>build().asMap());
  /** Unit clauses kept per index version (bounded: a few kilobytes each). */
  static final int UNIT_CACHE_SIZE = 5_000;
  private final PerSnapshot<Map<QueryBuilder.Unit, Query>> unitQueries = new PerSnapshot<>(
      s -> Caffeine.newBuilder().maximumSize(UNIT_CACHE_SIZE).<QueryBuilder.Unit, Query>build().asMap());

  static {
    // long plain-text queries expand to many clauses; the cap is on leaf clauses of one query
    IndexSearcher.setMaxClauseCount(4096);
  }

  LexicalRetriever(Glossary glossary) {
    this.builder = new QueryBuilder(Analysis.standard(), Objects.requireNonNull(glossary));
  }

  /** The best {@code window} articles for the request. */
  Found retrieve(IndexHandle.Lease lease, SearchRequest request, int window) throws IOException, InvalidQueryException {
    return request.luceneSyntax() ? retrieveLucene(lease, request, window) : retrievePlain(lease, request, window);
  }

  private Found retrievePlain(IndexHandle.Lease lease, SearchRequest request, int window) throws IOException {
    IndexSearcher searcher = lease.searcher();
    TermLookup lookup = new TermLookup(searcher.getIndexReader(), termStates.get(lease.corpus()),
        unitQueries.get(lease.corpus()));
    QueryBuilder.Built built = builder.build(request.query(), lookup);
    if (built.isEmpty()) {
      return Found.nothing(request.query());
    }
    Runs runs = run(lease, built.relaxed(), built.fullMatches(), request, window);
    Attempt attempt = runs.full();
    Set<String> highlight = built.highlightTerms();
    String query = request.query();
    String suggestion = speller.suggest(lease.corpus(), searcher.getIndexReader(), request.query(), built.latinWords());
    boolean applied = false;
    if (attempt.total == 0 && suggestion != null) {
      // nothing had every word: a spelling correction that matches fully beats a partial match
      QueryBuilder.Built corrected = builder.build(suggestion, lookup);
      Attempt fixed = run(lease, corrected.relaxed(), corrected.fullMatches(), request, window).full();
      if (fixed.total > 0) {
        attempt = fixed;
        highlight = corrected.highlightTerms();
        query = suggestion;
        applied = true;
      }
    }
    boolean allTerms = true;
    if (attempt.total < FEW) {
      // few articles have every word: rank the articles having most of them instead, which
      // still puts full matches high (they match more units) without hiding near misses
      Attempt relaxed = runs.all();
      if (relaxed.total > attempt.total) {
        attempt = relaxed;
        allTerms = false;
      }
    }
    return new Found(candidates(lease.corpus().catalog(), attempt.page), attempt.total, attempt.facets, suggestion,
        applied, allTerms, attempt.timedOut, highlight, query, false);
  }

  private Found retrieveLucene(IndexHandle.Lease lease, SearchRequest request, int window)
      throws IOException, InvalidQueryException {
    Query parsed = parseLucene(request.query());
    Attempt attempt;
    try {
      attempt = run(lease, parsed, new FullMatches(0), request, window).all();
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidQueryException("query is too broad: it expands to more than "
          + IndexSearcher.getMaxClauseCount() + " terms; use fewer wildcards");
    }
    Set<String> highlight = builder.build(request.query().replaceAll("[+\\-&|!(){}\\[\\]^\"~*?:\\\\/]", " "))
        .highlightTerms();
    return new Found(candidates(lease.corpus().catalog(), attempt.page), attempt.total, attempt.facets, null, false,
        true, attempt.timedOut, highlight, request.query(), false);
  }

  private static List<Candidate> candidates(Catalog catalog, List<ScoreDoc> page) {
    List<Candidate> ranked = new ArrayList<>(page.size());
    for (ScoreDoc doc : page) {
      ranked.add(new Candidate(catalog.byDoc(doc.doc).orElseThrow(), score(doc), List.of(Signal.LEXICAL)));
    }
    return ranked;
  }

  /** One ranking of one run: the page's docs, total, facets. */
  private record Attempt(List<ScoreDoc> page, long total, List<SearchResult.FacetValue> facets, boolean timedOut) {}

  /** What one run of a query found: its full matches (the strict query's answer) and all its matches. */
  private record Runs(Attempt full, Attempt all) {}

  /** The top docs and category counts of one side of a run. */
  private static final class Side {
    final TopFieldCollector top;
    final CategoryCounter counter = new CategoryCounter();

    Side(int window) {
      top = new TopFieldCollectorManager(BY_SCORE_THEN_PATH, window, null, Integer.MAX_VALUE, false).newCollector();
    }

    Attempt attempt(boolean timedOut) throws IOException {
      TopFieldDocs docs = top.topDocs();
      List<SearchResult.FacetValue> facets = counter.counts().entrySet().stream()
          .map(e -> new SearchResult.FacetValue(e.getKey(), e.getValue()))
          .sorted(Comparator.comparingLong(SearchResult.FacetValue::count).reversed()
              .thenComparing(SearchResult.FacetValue::value))
          .toList();
      return new Attempt(List.of(docs.scoreDocs), docs.totalHits.value, facets, timedOut);
    }
  }

  /** Runs {@code query} once, its documents ranked twice: the full matches of {@code full}, and all. */
  private Runs run(IndexHandle.Lease lease, Query query, FullMatches full, SearchRequest request, int window)
      throws IOException {
    IndexSearcher searcher = lease.searcher();
    Query filtered = filter(FunctionScoreQuery.boostByValue(query, hubs.of(lease.corpus())), request.category(),
        request.tag());
    Side fullSide = new Side(window);
    Side allSide = new Side(window);
    boolean timedOut = false;
    boolean separateFacetPass = request.category() != null;
    try {
      searcher.search(filtered, timeLimited(separateFacetPass
          ? new FullMatchSplit(full, fullSide.top, allSide.top)
          : new FullMatchSplit(full, MultiCollector.wrap(fullSide.top, fullSide.counter),
              MultiCollector.wrap(allSide.top, allSide.counter))));
      if (separateFacetPass) {
        searcher.search(filter(query, null, request.tag()),
            timeLimited(new FullMatchSplit(full, fullSide.counter, allSide.counter)));
      }
    } catch (TimeLimitingCollector.TimeExceededException e) {
      timedOut = true;
    }
    return new Runs(fullSide.attempt(timedOut), allSide.attempt(timedOut));
  }

  /** Passes every document to {@code all}, and the full matches also to {@code full}; computes every score. */
  static final class FullMatchSplit implements Collector {
    private final FullMatches marks;
    private final Collector full;
    private final Collector all;

    FullMatchSplit(FullMatches marks, Collector full, Collector all) {
      this.marks = marks;
      this.full = full;
      this.all = all;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      marks.nextLeaf();
      LeafCollector fullLeaf = full.getLeafCollector(context);
      LeafCollector allLeaf = all.getLeafCollector(context);
      return new LeafCollector() {
        private Scorable scorer;

        @Override
        public void setScorer(Scorable s) throws IOException {
          scorer = ScoreCachingWrappingScorer.wrap(s);
          fullLeaf.setScorer(scorer);
          allLeaf.setScorer(scorer);
        }

        @Override
        public void collect(int doc) throws IOException {
          scorer.score(); // scoring marks the units that match doc
          if (marks.all(doc)) {
            fullLeaf.collect(doc);
          }
          allLeaf.collect(doc);
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }
  }

  private static Collector timeLimited(Collector collector) {
    return new TimeLimitingCollector(collector, TimeLimitingCollector.getGlobalCounter(), TIME_BUDGET_MS);
  }

  private static Query filter(Query query, String category, String tag) {
    if (category == null && tag == null) {
      return query;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, Occur.MUST);
    if (category != null) {
      b.add(new TermQuery(new Term(Fields.CATEGORY, category)), Occur.FILTER);
    }
    if (tag != null) {
      b.add(new TermQuery(new Term(Fields.TAG, tag.toLowerCase(Locale.ROOT))), Occur.FILTER);
    }
    return b.build();
  }

  private static double score(ScoreDoc doc) {
    if (doc instanceof FieldDoc field && field.fields != null && field.fields.length > 0
        && field.fields[0] instanceof Float f) {
      return f;
    }
    return doc.score;
  }

  private Query parseLucene(String text) throws InvalidQueryException {
    Map<String, Analyzer> perField = new HashMap<>();
    for (String field : QueryBuilder.FIELD_BOOSTS.keySet()) {
      perField.put(field, Analysis.standard().forField(field));
    }
    String[] fields = QueryBuilder.FIELD_BOOSTS.keySet().stream().sorted().toArray(String[]::new);
    MultiFieldQueryParser parser = new MultiFieldQueryParser(fields,
        new PerFieldAnalyzerWrapper(Analysis.standard().word(), perField), QueryBuilder.FIELD_BOOSTS);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    parser.setAllowLeadingWildcard(false);
    try {
      return parser.parse(text);
    } catch (ParseException e) {
      throw new InvalidQueryException("Lucene query syntax error: " + firstLine(e.getMessage()));
    } catch (IndexSearcher.TooManyClauses | IllegalArgumentException | TooComplexToDeterminizeException e) {
      throw new InvalidQueryException("query is too broad: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid query";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
