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
import org.dailydl.server.web.Problem;
import org.dailydl.server.web.Feature;
import org.dailydl.server.web.QueryParameter;

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

  static final QueryParameter.Text Q = new QueryParameter.Text("q", SearchRequest.MAX_QUERY_LENGTH, true);
  static final QueryParameter.Whole PAGE = new QueryParameter.Whole("page", 1, 1, SearchRequest.MAX_WINDOW);
  static final QueryParameter.Whole SIZE = new QueryParameter.Whole("size", 10, 1, SearchRequest.MAX_SIZE);
  static final QueryParameter.Category CATEGORY = new QueryParameter.Category();
  static final QueryParameter.Text TAG = new QueryParameter.Text("tag", 200, false);
  static final QueryParameter.Choice SYNTAX = new QueryParameter.Choice("syntax", "plain", List.of("plain", "lucene"));
  static final QueryParameter.Choice MODE = new QueryParameter.Choice("mode", Mode.HYBRID.label(), Mode.labels());
  static final QueryParameter.Whole SUGGEST_SIZE = new QueryParameter.Whole("size", 8, 1, 20);

  /** The rules of each operation's query parameters, published in the OpenAPI document. */
  public static final Map<String, List<QueryParameter>> QUERY_PARAMETERS = Map.of(
      "search", List.of(Q, PAGE, SIZE, CATEGORY, TAG, SYNTAX, MODE),
      "suggest", List.of(Q, SUGGEST_SIZE));

  @OpenApi(
      path = "/api/search",
      methods = HttpMethod.GET,
      operationId = "search",
      summary = "Full-text search",
      description = "Ranked articles with highlighted snippets, category facets and spelling suggestions. "
          + "The query is plain text unless syntax=lucene. page × size may not exceed " + SearchRequest.MAX_WINDOW + ".",
      tags = {"search"},
      queryParams = {
        @OpenApiParam(name = "q", required = true, description = "the query"),
        @OpenApiParam(name = "page", type = Integer.class, description = "1-based page"),
        @OpenApiParam(name = "size", type = Integer.class, description = "hits per page"),
        @OpenApiParam(name = "category", description = "only this category (top folder; / for the notes at the top)"),
        @OpenApiParam(name = "tag", description = "only articles with this tag"),
        @OpenApiParam(name = "syntax", description = "plain text, or Lucene query syntax"),
        @OpenApiParam(name = "mode", description = "hybrid: words and meaning fused; lexical: words; semantic: meaning")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = SearchResult.class)),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE))
      })
  public void search(Context ctx) throws IOException, InvalidQueryException {
    long start = System.nanoTime();
    String q = Q.read(ctx);
    int size = SIZE.read(ctx);
    int page = PAGE.read(ctx);
    if ((long) page * size > SearchRequest.MAX_WINDOW) {
      throw new BadRequestResponse("page × size may not exceed " + SearchRequest.MAX_WINDOW);
    }
    String category = CATEGORY.read(ctx);
    String tag = TAG.read(ctx);
    boolean lucene = SYNTAX.read(ctx).equals("lucene");
    Mode mode = Mode.of(MODE.read(ctx));
    SearchResult result = search.search(new SearchRequest(q, page, size, category, tag, lucene, mode));
    RenderedResult json = rendered.get(result, r -> RenderedResult.of(ctx.jsonMapper().toJsonString(r, SearchResult.class)));
    ctx.contentType(ContentType.APPLICATION_JSON).result(json.with((System.nanoTime() - start) / 1_000_000));
  }

  @OpenApi(
      path = "/api/suggest",
      methods = HttpMethod.GET,
      operationId = "suggest",
      summary = "Search-as-you-type completions over titles and headings",
      tags = {"search"},
      queryParams = {
        @OpenApiParam(name = "q", required = true, description = "what has been typed so far"),
        @OpenApiParam(name = "size", type = Integer.class, description = "completions at most")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = SuggestService.Suggestions.class)),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE))
      })
  public void suggest(Context ctx) throws IOException {
    String q = Q.read(ctx);
    ctx.json(new SuggestService.Suggestions(q, suggest.suggest(q, SUGGEST_SIZE.read(ctx))));
  }
}
