package org.dailydl.server.related;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import org.dailydl.server.web.ApiError;
import org.dailydl.server.web.Feature;
import org.dailydl.server.web.Params;

/** HTTP in and out for related articles. */
public final class RelatedController implements Feature {
  static final int MAX_SIZE = 50;
  private final RelatedService related;

  public RelatedController(RelatedService related) {
    this.related = related;
  }

  @Override
  public void routes(Javalin app) {
    app.get("/api/articles/{id}/related", this::byId);
    app.get("/api/related", this::byPath);
  }

  @OpenApi(
      path = "/api/articles/{id}/related",
      methods = HttpMethod.GET,
      summary = "Articles to read next, each with the reasons it is recommended",
      tags = {"related"},
      pathParams = @OpenApiParam(name = "id", required = true),
      queryParams = @OpenApiParam(name = "size", type = Integer.class, description = "1–50 (default 8)"),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = RelatedService.Result.class)),
        @OpenApiResponse(status = "404", content = @OpenApiContent(from = ApiError.class))
      })
  public void byId(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    int size = Params.integer(ctx, "size", 8, 1, MAX_SIZE);
    ctx.json(related.byId(id, size).orElseThrow(() -> new NotFoundResponse("no article with id '" + id + "'")));
  }

  @OpenApi(
      path = "/api/related",
      methods = HttpMethod.GET,
      summary = "Related articles of the article at a content path",
      tags = {"related"},
      queryParams = {
        @OpenApiParam(name = "path", required = true, description = "content path with extension"),
        @OpenApiParam(name = "size", type = Integer.class, description = "1–50 (default 8)")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = RelatedService.Result.class)),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = ApiError.class)),
        @OpenApiResponse(status = "404", content = @OpenApiContent(from = ApiError.class))
      })
  public void byPath(Context ctx) throws IOException {
    String path = Params.contentPath(ctx, "path", true);
    int size = Params.integer(ctx, "size", 8, 1, MAX_SIZE);
    ctx.json(related.byPath(path, size).orElseThrow(() -> new NotFoundResponse("no article at path '" + path + "'")));
  }
}
