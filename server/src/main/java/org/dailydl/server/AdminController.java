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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.dailydl.indexer.cli.ReportWriter;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.web.ApiError;
import org.dailydl.server.web.Feature;
import org.dailydl.server.web.Params;

/**
 * Routes that change state. They are disabled unless an admin token is configured, and then need
 * {@code Authorization: Bearer TOKEN}, compared in constant time.
 */
public final class AdminController implements Feature {
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
      summary = "Re-index the content folder now (admin)",
      description = "Disabled unless the server was started with --admin-token; then requires "
          + "'Authorization: Bearer TOKEN'. full=true rebuilds from scratch.",
      tags = {"admin"},
      queryParams = @OpenApiParam(name = "full", type = Boolean.class),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = Map.class)),
        @OpenApiResponse(status = "401", content = @OpenApiContent(from = ApiError.class)),
        @OpenApiResponse(status = "403", content = @OpenApiContent(from = ApiError.class))
      })
  public void reindex(Context ctx) throws IOException {
    authorize(ctx);
    boolean full = Params.choice(ctx, "full", "false", List.of("true", "false")).equals("true");
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
