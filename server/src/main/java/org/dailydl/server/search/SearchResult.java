package org.dailydl.server.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param query the query as asked
 * @param total number of matching articles
 * @param tookMs server-side time
 * @param hits this page's hits
 * @param facets category counts over all matches (ignoring the category filter, so a reader can switch)
 * @param suggestion a spelling suggestion for the query, or null
 * @param suggestionApplied true when the query found nothing and these results are for the suggestion
 * @param allTermsMatched false when no article had every word and the results match most of them
 * @param mode the ranking actually used: lexical, semantic or hybrid
 * @param semanticReady whether passage vectors are loaded (until then hybrid and semantic fall back to lexical)
 * @param semanticEnabled whether this server does semantic search at all (false when started without embeddings)
 */
public record SearchResult(
    String query,
    int page,
    int size,
    long total,
    long tookMs,
    List<Hit> hits,
    Facets facets,
    String suggestion,
    boolean suggestionApplied,
    boolean allTermsMatched,
    boolean timedOut,
    String mode,
    boolean semanticReady,
    boolean semanticEnabled) {

  /**
   * A search hit; {@code snippet} is HTML-escaped except for {@code <mark>} tags; {@code signals}
   * says what matched: {@code lexical} (words) and/or {@code semantic} (meaning).
   */
  public record Hit(String id, String path, String title, String category, List<String> tags, String snippet,
      float score, List<String> signals) {}

  public record Facets(List<FacetValue> category) {}

  public record FacetValue(String value, long count) {}

  /** The same result with another server-side time (a cached answer reports its own). */
  public SearchResult withTookMs(long millis) {
    return new SearchResult(query, page, size, total, millis, hits, facets, suggestion, suggestionApplied,
        allTermsMatched, timedOut, mode, semanticReady, semanticEnabled);
  }
}
