package org.dailydl.server.search;

import io.javalin.openapi.OpenApiName;
import io.javalin.openapi.OpenApiNullable;
import java.util.List;

/**
 * One page of results.
 *
 * @param query the query as asked
 * @param total number of matching articles
 * @param tookMs server-side time (the HTTP answer reports the time of that answer, cached or not)
 * @param hits this page's hits
 * @param facets category counts over all matches (ignoring the category filter, so a reader can switch)
 * @param suggestion a spelling suggestion for the query, or null
 * @param suggestionApplied true when the query found nothing and these results are for the suggestion
 * @param allTermsMatched false when no article had every word and the results match most of them
 * @param timedOut true when the time budget ran out and the results are partial
 * @param mode the ranking actually used
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
    @OpenApiNullable String suggestion,
    boolean suggestionApplied,
    boolean allTermsMatched,
    boolean timedOut,
    Mode mode,
    boolean semanticReady,
    boolean semanticEnabled) {

  /**
   * A search hit; {@code snippet} is HTML-escaped except for {@code <mark>} tags; {@code signals}
   * says what matched: {@code lexical} (words) and/or {@code semantic} (meaning).
   */
  @OpenApiName("SearchHit")
  public record Hit(String id, String path, String title, String category, List<String> tags, String snippet,
      float score, List<Signal> signals) {}

  @OpenApiName("SearchFacets")
  public record Facets(List<FacetValue> category) {}

  public record FacetValue(String value, long count) {}
}
