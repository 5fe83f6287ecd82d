package org.dailydl.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.dailydl.indexer.cli.ReportWriter;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.openapi.OpenApiDocument;
import org.dailydl.server.web.Problem;
import org.dailydl.server.web.Feature;
import org.dailydl.server.web.IndexReportSchema;
import org.dailydl.server.web.QueryParameter;

/**
 * Routes that change state. They are disabled unless an admin token is configured, and then need
 * {@code Authorization: Bearer TOKEN}, compared in constant time.
 */
public final class AdminController implements Feature {
  static final QueryParameter.Flag FULL = new QueryParameter.Flag("full");

  /** The rules of each operation's query parameters, published in the OpenAPI document. */
  public static final Map<String, List<QueryParameter>> QUERY_PARAMETERS = Map.of("reindex", List.of(FULL));

  private final IndexHandle index;
  private final byte[] token;

  /** @param token the admin token, or null/blank to disable the routes */
  public AdminController(IndexHandle index, String token) {
    this.index = index;
    this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void routes(Javalin app) {
    app.post("/api/reindex", this::reindex);
  }

  @OpenApi(
      path = "/api/reindex",
      methods = HttpMethod.POST,
      operationId = "reindex",
      summary = "Re-index the content folder now (admin)",
      description = "Disabled unless the server was started with --admin-token; then requires "
          + "'Authorization: Bearer TOKEN'. Answers 409 on a server started with --read-only.",
      tags = {"admin"},
      security = @OpenApiSecurity(name = OpenApiDocument.BEARER),
      queryParams = @OpenApiParam(name = "full", type = Boolean.class, description = "rebuild from scratch"),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = IndexReportSchema.class)),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
        @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
        @OpenApiResponse(status = "403", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
        @OpenApiResponse(status = "409", description = "the server serves a prebuilt index (--read-only)",
            content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE))
      })
  public void reindex(Context ctx) throws IOException {
    authorize(ctx);
    boolean full = FULL.read(ctx);
    ctx.json(ReportWriter.toMap(index.reindex(full)));
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
