package org.dailydl.server.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.dailydl.server.web.ApiError;
import org.dailydl.server.web.Feature;
import org.dailydl.server.web.Params;

/** HTTP in and out for search and suggestions. */
public final class SearchController implements Feature {
  private final SearchService search;
  private final SuggestService suggest;
  /**
   * The JSON of results, kept beside them while they are cached: a repeated request is written
   * without serialising its result again (keys are compared by identity and held weakly).
   */
  private final Cache<SearchResult, RenderedResult> rendered = Caffeine.newBuilder().weakKeys().build();

  public SearchController(SearchService search, SuggestService suggest) {
    this.search = search;
    this.suggest = suggest;
  }

  @Override
  public void routes(Javalin app) {
    app.get("/api/search", this::search);
    app.get("/api/suggest", this::suggest);
  }

  @OpenApi(
      path = "/api/search",
      methods = HttpMethod.GET,
      summary = "Full-text search",
      description = "Ranked articles with highlighted snippets, category facets and spelling suggestions. "
          + "The query is plain text unless syntax=lucene.",
      tags = {"search"},
      queryParams = {
        @OpenApiParam(name = "q", required = true, description = "query, at most 256 characters"),
        @OpenApiParam(name = "page", type = Integer.class, description = "1-based page (default 1)"),
        @OpenApiParam(name = "size", type = Integer.class, description = "hits per page, 1–100 (default 10)"),
        @OpenApiParam(name = "category", description = "only this category (top folder; / for the notes at the top)"),
        @OpenApiParam(name = "tag", description = "only articles with this tag"),
        @OpenApiParam(name = "syntax", description = "plain (default) or lucene"),
        @OpenApiParam(name = "mode", description = "hybrid (default: words and meaning fused), lexical or semantic")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = SearchResult.class)),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = ApiError.class))
      })
  public void search(Context ctx) throws IOException, InvalidQueryException {
    long start = System.nanoTime();
    String q = Params.requiredText(ctx, "q", SearchRequest.MAX_QUERY_LENGTH);
    int size = Params.integer(ctx, "size", 10, 1, SearchRequest.MAX_SIZE);
    int page = Params.integer(ctx, "page", 1, 1, SearchRequest.MAX_WINDOW);
    if ((long) page * size > SearchRequest.MAX_WINDOW) {
      throw new BadRequestResponse("page × size may not exceed " + SearchRequest.MAX_WINDOW);
    }
    String category = Params.category(ctx);
    String tag = Params.optionalText(ctx, "tag", 200);
    boolean lucene = Params.choice(ctx, "syntax", "plain", List.of("plain", "lucene")).equals("lucene");
    Mode mode = Mode.of(Params.choice(ctx, "mode", "hybrid", List.of("hybrid", "lexical", "semantic")));
    SearchResult result = search.search(new SearchRequest(q, page, size, category, tag, lucene, mode));
    RenderedResult json = rendered.get(result, r -> RenderedResult.of(ctx.jsonMapper().toJsonString(r, SearchResult.class)));
    ctx.contentType(ContentType.APPLICATION_JSON).result(json.with((System.nanoTime() - start) / 1_000_000));
  }

  @OpenApi(
      path = "/api/suggest",
      methods = HttpMethod.GET,
      summary = "Search-as-you-type completions over titles and headings",
      tags = {"search"},
      queryParams = {
        @OpenApiParam(name = "q", required = true, description = "what has been typed so far"),
        @OpenApiParam(name = "size", type = Integer.class, description = "1–20 (default 8)")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = SuggestService.Suggestion[].class)),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = ApiError.class))
      })
  public void suggest(Context ctx) throws IOException {
    String q = Params.requiredText(ctx, "q", SearchRequest.MAX_QUERY_LENGTH);
    int size = Params.integer(ctx, "size", 8, 1, 20);
    ctx.json(Map.of("query", q, "suggestions", suggest.suggest(q, size)));
  }
}
