package org.dailydl.server.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiRequired;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dailydl.indexer.schema.IndexedArticle;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.web.Problem;
import org.dailydl.server.web.Feature;
import org.dailydl.server.web.QueryParameter;
import org.dailydl.server.openapi.OpenApiDocument;

/**
 * The query log's two routes: {@code POST /api/feedback/open}, where the page reports that a
 * search result was opened, and {@code GET /api/admin/queries}, the authors' summary (bearer admin
 * token, like {@code /api/reindex}).
 */
public final class QueryLogController implements Feature {
  static final int MAX_BODY = 4096;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final QueryLog log;
  private final IndexHandle index;
  private final byte[] token;

  static final QueryParameter.Whole LIMIT = new QueryParameter.Whole("limit", 50, 1, 500);

  /** The rules of each operation's query parameters, published in the OpenAPI document. */
  public static final Map<String, List<QueryParameter>> QUERY_PARAMETERS = Map.of("queryReport", List.of(LIMIT));

  /** The opened report from the page: the query and the article opened (by path or by id). */
  public record OpenedResult(@OpenApiRequired String query, String path, String id) {}

  /** @param token the admin token, or null/blank to disable the summary route */
  public QueryLogController(QueryLog log, IndexHandle index, String token) {
    this.log = Objects.requireNonNull(log);
    this.index = Objects.requireNonNull(index);
    this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void routes(Javalin app) {
    app.post("/api/feedback/open", this::opened);
    app.get("/api/admin/queries", this::queries);
  }

  @OpenApi(
      path = "/api/feedback/open",
      methods = HttpMethod.POST,
      operationId = "reportOpened",
      summary = "Report that a search result was opened (for the query log)",
      description = "Body {\"query\": \"…\", \"path\": \"…\"} (or \"id\" instead of \"path\"). Answers 204; "
          + "recorded only when the server runs with --query-log.",
      tags = {"analytics"},
      requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = OpenedResult.class)),
      responses = {
        @OpenApiResponse(status = "204"),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
        @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE))
      })
  public void opened(Context ctx) throws IOException {
    ctx.header("Cache-Control", "no-store");
    // navigator.sendBeacon posts text/plain: the body is read as JSON whatever its declared type
    byte[] body = ctx.bodyAsBytes();
    if (body.length > MAX_BODY) {
      throw new BadRequestResponse("the body is longer than " + MAX_BODY + " bytes");
    }
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (IOException e) {
      throw new BadRequestResponse("the body must be JSON: {\"query\": \"…\", \"path\": \"…\"}");
    }
    String query = node == null ? "" : node.path("query").asText("");
    if (query.isBlank() || query.length() > QueryLog.MAX_QUERY) {
      throw new BadRequestResponse("'query' must be the search text, 1 to " + QueryLog.MAX_QUERY + " characters");
    }
    String path = node.path("path").asText("");
    String id = node.path("id").asText("");
    try (IndexHandle.Lease lease = index.acquire()) {
      IndexedArticle article = (!path.isEmpty() ? lease.corpus().catalog().byPath(path)
          : lease.corpus().catalog().byId(id))
          .orElseThrow(() -> new NotFoundResponse("no article with that 'path' or 'id'"));
      log.opened(query, article.path());
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  @OpenApi(
      path = "/api/admin/queries",
      methods = HttpMethod.GET,
      operationId = "queryReport",
      summary = "What readers search for: most frequent queries, those without results, those never opened (admin)",
      description = "Needs --query-log and --admin-token ('Authorization: Bearer TOKEN').",
      tags = {"admin"},
      security = @OpenApiSecurity(name = OpenApiDocument.BEARER),
      queryParams = @OpenApiParam(name = "limit", type = Integer.class, description = "entries per list"),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = QueryStats.Report.class)),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
        @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
        @OpenApiResponse(status = "403", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
        @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE))
      })
  public void queries(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    authorize(ctx);
    if (!log.enabled()) {
      throw new NotFoundResponse("the query log is off; start the server with --query-log FILE");
    }
    ctx.json(log.report(LIMIT.read(ctx)));
  }

  private void authorize(Context ctx) {
    if (token == null) {
      throw new ForbiddenResponse("admin routes are disabled; start the server with --admin-token to enable them");
    }
    String header = ctx.header("Authorization");
    String presented = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : "";
    if (!MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new UnauthorizedResponse("a valid admin token is required (Authorization: Bearer TOKEN)");
    }
  }
}
