package org.dailydl.server.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TimeLimitingCollector;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.analysis.Analysis;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.index.ArticleInfo;
import org.dailydl.server.index.Catalog;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.semantic.SemanticService;

/**
 * Full-text search: builds the query, runs it strictly then relaxed, corrects spelling when nothing
 * matched, counts category facets, and highlights snippets. Knows nothing of HTTP. Thread-safe.
 */
public final class SearchService {
  /** No single query may hold a thread longer than this; partial results are returned and flagged. */
  static final long TIME_BUDGET_MS = 1000;
  /** Distinct requests whose results are kept (a few MB at most). */
  static final int CACHE_SIZE = 2048;
  /** Below this many full matches, the relaxed query ranks instead of the strict one. */
  static final int FEW = 3;
  private static final Sort BY_SCORE_THEN_PATH =
      new Sort(SortField.FIELD_SCORE, new SortField(Fields.PATH, SortField.Type.STRING));

  private final IndexHandle index;
  private final QueryBuilder builder;
  private final SpellingSuggester speller = new SpellingSuggester();
  private final ResultCache<CacheKey, Cached> cache = new ResultCache<>(CACHE_SIZE);
  private final SemanticService semantics;
  private final Fusion fusion;

  static {
    // long plain-text queries expand to many clauses; the cap is on leaf clauses of one query
    IndexSearcher.setMaxClauseCount(4096);
  }

  public SearchService(IndexHandle index, Glossary glossary) {
    this(index, glossary, null, Fusion.DEFAULT);
  }

  /**
   * @param semantics dense retrieval, or null for lexical search only
   * @param fusion how dense and lexical rankings are fused in hybrid mode
   */
  public SearchService(IndexHandle index, Glossary glossary, SemanticService semantics, Fusion fusion) {
    this.index = Objects.requireNonNull(index);
    this.builder = new QueryBuilder(Analysis.standard(), glossary);
    this.semantics = semantics;
    this.fusion = Objects.requireNonNull(fusion);
  }

  public QueryBuilder queryBuilder() {
    return builder;
  }

  public SearchResult search(SearchRequest request) throws IOException, InvalidQueryException {
    return answer(request).result();
  }

  /**
   * A result and the cache entry it came from, whose rendering (see {@link Cached#rendered}) is
   * shared by every later answer to the same request.
   */
  public record Answer(SearchResult result, Cached cached) {}

  /** One cached result; a web layer may keep its rendering beside it (made once, then reused). */
  public static final class Cached {
    private final SearchResult result;
    private volatile Object rendering;

    Cached(SearchResult result) {
      this.result = result;
    }

    /** {@code render(result)}, computed on first use and kept for as long as the result is cached. */
    @SuppressWarnings("unchecked")
    public <R> R rendered(java.util.function.Function<SearchResult, R> render) {
      Object current = rendering;
      if (current == null) {
        current = render.apply(result);
        rendering = current;
      }
      return (R) current;
    }
  }

  public Answer answer(SearchRequest request) throws IOException, InvalidQueryException {
    long start = System.nanoTime();
    try (IndexHandle.Snapshot snapshot = index.acquire()) {
      // readers repeat queries (paging back, shared links, as-you-type prefixes): answers are cached
      // per index version, so a changed index never serves a stale result
      CacheKey key = new CacheKey(snapshot.version().number(), semantics != null && semantics.isReady(), request);
      Cached cached = cache.get(key);
      if (cached != null) {
        return new Answer(cached.result.withTookMs(millisSince(start)), cached);
      }
      Cached fresh = new Cached(searchUncached(request, snapshot, start));
      cache.put(key, fresh);
      return new Answer(fresh.result, fresh);
    }
  }

  private record CacheKey(long version, boolean semanticReady, SearchRequest request) {}

  private SearchResult searchUncached(SearchRequest request, IndexHandle.Snapshot snapshot, long start)
      throws IOException, InvalidQueryException {
    {
      IndexSearcher searcher = snapshot.searcher();
      HubPrior hubs = HubPrior.of(snapshot.version());
      Attempt attempt;
      String suggestion = null;
      boolean applied = false;
      boolean allTerms = true;
      Set<String> highlight;
      if (request.luceneSyntax()) {
        Query parsed = parseLucene(request.query());
        try {
          attempt = run(searcher, parsed, request, hubs);
        } catch (IndexSearcher.TooManyClauses e) {
          throw new InvalidQueryException("query is too broad: it expands to more than "
              + IndexSearcher.getMaxClauseCount() + " terms; use fewer wildcards");
        }
        highlight = builder.build(request.query().replaceAll("[+\\-&|!(){}\\[\\]^\"~*?:\\\\/]", " ")).highlightTerms();
      } else {
        QueryBuilder.Built built = builder.build(request.query());
        if (built.isEmpty()) {
          return empty(request, start);
        }
        attempt = run(searcher, built.strict(), request, hubs);
        highlight = built.highlightTerms();
        suggestion = speller.suggest(searcher.getIndexReader(), request.query(), built.latinWords());
        if (attempt.total == 0 && suggestion != null) {
          // nothing had every word: a spelling correction that matches fully beats a partial match
          QueryBuilder.Built corrected = builder.build(suggestion);
          Attempt fixed = run(searcher, corrected.strict(), request, hubs);
          if (fixed.total > 0) {
            attempt = fixed;
            highlight = corrected.highlightTerms();
            applied = true;
          }
        }
        if (attempt.total < FEW) {
          // few articles have every word: rank the articles having most of them instead, which
          // still puts full matches high (they match more units) without hiding near misses
          Attempt relaxed = run(searcher, built.relaxed(), request, hubs);
          if (relaxed.total > attempt.total) {
            attempt = relaxed;
            allTerms = false;
          }
        }
      }
      Catalog catalog = snapshot.catalog();
      List<Fusion.Candidate> lexical = new ArrayList<>();
      for (ScoreDoc doc : attempt.page) {
        lexical.add(new Fusion.Candidate(catalog.byDoc(doc.doc).orElseThrow(), score(doc), List.of("lexical")));
      }
      List<Fusion.Candidate> ranked = lexical;
      long total = attempt.total;
      List<SearchResult.FacetValue> facets = attempt.facets;
      boolean semantic = request.mode() != SearchRequest.Mode.LEXICAL && semantics != null && semantics.isReady()
          && !request.luceneSyntax();
      if (semantic) {
        List<Fusion.Candidate> dense = dense(catalog, applied ? suggestion : request.query(), request, hubs);
        ranked = request.mode() == SearchRequest.Mode.SEMANTIC ? dense : fusion.fuse(lexical, dense);
        if (request.mode() == SearchRequest.Mode.SEMANTIC) {
          total = dense.size();
          facets = Fusion.facets(dense);
        } else {
          long denseOnly = ranked.stream().filter(c -> !c.signals().contains("lexical")).count();
          total = attempt.total + denseOnly;
          facets = Fusion.mergeFacets(attempt.facets, ranked.stream().filter(c -> !c.signals().contains("lexical")).toList());
        }
      }
      List<SearchResult.Hit> hits = hits(snapshot, ranked, highlight, request);
      String mode = semantic ? request.mode().label() : "lexical";
      return new SearchResult(request.query(), request.page(), request.size(), total, millisSince(start),
          hits, new SearchResult.Facets(facets), suggestion, applied, allTerms, attempt.timedOut, mode,
          semantics != null && semantics.isReady(), semantics != null);
    }
  }

  private SearchResult empty(SearchRequest request, long start) {
    return new SearchResult(request.query(), request.page(), request.size(), 0, millisSince(start), List.of(),
        new SearchResult.Facets(List.of()), null, false, true, false, "lexical", semantics != null && semantics.isReady(),
        semantics != null);
  }

  /**
   * Dense candidates: articles by best-passage cosine, filtered like the lexical query, with the
   * same prior against tables of contents as the lexical ranking.
   */
  private List<Fusion.Candidate> dense(Catalog catalog, String query, SearchRequest request, HubPrior hubs) {
    List<Fusion.Candidate> dense = new ArrayList<>();
    for (SemanticService.Scored scored : semantics.rank(query, Fusion.DEPTH * 2)) {
      ArticleInfo info = catalog.byId(scored.articleId()).orElse(null);
      if (info == null || (request.category() != null && !request.category().equals(info.category()))
          || (request.tag() != null && info.tags().stream().noneMatch(t -> t.equalsIgnoreCase(request.tag())))) {
        continue;
      }
      dense.add(new Fusion.Candidate(info, scored.score() * hubs.valueOf(info.doc()), List.of("semantic")));
    }
    dense.sort(Comparator.comparingDouble(Fusion.Candidate::score).reversed().thenComparing(c -> c.article().path()));
    return dense.size() > Fusion.DEPTH ? new ArrayList<>(dense.subList(0, Fusion.DEPTH)) : dense;
  }

  /** One run of one query: the page's docs, total, facets. */
  private record Attempt(List<ScoreDoc> page, long total, List<SearchResult.FacetValue> facets, boolean timedOut) {}

  /** How many lexical results a request needs: its page, or the fusion depth for hybrid ranking. */
  private int windowOf(SearchRequest request) {
    int window = request.page() * request.size();
    return request.mode() == SearchRequest.Mode.LEXICAL ? window : Math.max(window, Fusion.DEPTH);
  }

  private Attempt run(IndexSearcher searcher, Query query, SearchRequest request, HubPrior hubs) throws IOException {
    Query filtered = filter(FunctionScoreQuery.boostByValue(query, hubs), request.category(), request.tag());
    int window = windowOf(request);
    TopFieldCollector top = new TopFieldCollectorManager(BY_SCORE_THEN_PATH, window, null, Integer.MAX_VALUE, false)
        .newCollector();
    CategoryCounter counter = new CategoryCounter();
    boolean timedOut = false;
    boolean separateFacetPass = request.category() != null;
    try {
      searcher.search(filtered, timeLimited(separateFacetPass ? top : MultiCollector.wrap(top, counter)));
      if (separateFacetPass) {
        searcher.search(filter(query, null, request.tag()), timeLimited(counter));
      }
    } catch (TimeLimitingCollector.TimeExceededException e) {
      timedOut = true;
    }
    TopFieldDocs docs = top.topDocs();
    List<ScoreDoc> page = List.of(docs.scoreDocs);
    List<SearchResult.FacetValue> facets = counter.counts().entrySet().stream()
        .map(e -> new SearchResult.FacetValue(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(SearchResult.FacetValue::count).reversed()
            .thenComparing(SearchResult.FacetValue::value))
        .toList();
    return new Attempt(page, docs.totalHits.value, facets, timedOut);
  }

  private static org.apache.lucene.search.Collector timeLimited(org.apache.lucene.search.Collector collector) {
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

  private List<SearchResult.Hit> hits(IndexHandle.Snapshot snapshot, List<Fusion.Candidate> ranked,
      Set<String> highlight, SearchRequest request) throws IOException {
    int from = Math.min(ranked.size(), (request.page() - 1) * request.size());
    List<Fusion.Candidate> page = ranked.subList(from, Math.min(ranked.size(), from + request.size()));
    int[] docs = page.stream().mapToInt(c -> c.article().doc()).toArray();
    String[] snippets = Snippets.highlight(snapshot.searcher(), docs, highlight);
    List<SearchResult.Hit> hits = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      ArticleInfo info = page.get(i).article();
      String snippet = snippets[i].isEmpty() && info.summary() != null ? escape(info.summary()) : snippets[i];
      hits.add(new SearchResult.Hit(info.id(), info.path(), info.title(), info.category(), info.tags(), snippet,
          (float) page.get(i).score(), page.get(i).signals()));
    }
    return hits;
  }

  private static double score(ScoreDoc doc) {
    if (doc instanceof FieldDoc field && field.fields != null && field.fields.length > 0
        && field.fields[0] instanceof Float f) {
      return f;
    }
    return doc.score;
  }

  private Query parseLucene(String text) throws InvalidQueryException {
    Map<String, org.apache.lucene.analysis.Analyzer> perField = new java.util.HashMap<>();
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
    } catch (IndexSearcher.TooManyClauses | IllegalArgumentException
        | org.apache.lucene.util.automaton.TooComplexToDeterminizeException e) {
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

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

}
