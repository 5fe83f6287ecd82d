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
import java.util.List;
import java.util.Map;
import org.dailydl.server.web.Problem;
import org.dailydl.server.web.Feature;
import org.dailydl.server.web.QueryParameter;

/** HTTP in and out for related articles. */
public final class RelatedController implements Feature {
  static final int MAX_SIZE = 50;
  static final QueryParameter.Whole SIZE = new QueryParameter.Whole("size", 8, 1, MAX_SIZE);
  static final QueryParameter.ContentPath PATH = new QueryParameter.ContentPath("path", true);

  /** The rules of each operation's query parameters, published in the OpenAPI document. */
  public static final Map<String, List<QueryParameter>> QUERY_PARAMETERS = Map.of(
      "relatedById", List.of(SIZE),
      "relatedByPath", List.of(PATH, SIZE));
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
      operationId = "relatedById",
      summary = "Articles to read next, each with the reasons it is recommended",
      tags = {"related"},
      pathParams = @OpenApiParam(name = "id", required = true, description = "article id"),
      queryParams = @OpenApiParam(name = "size", type = Integer.class, description = "recommendations at most"),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = RelatedService.Result.class)),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
        @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE))
      })
  public void byId(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    int size = SIZE.read(ctx);
    ctx.json(related.byId(id, size).orElseThrow(() -> new NotFoundResponse("no article with id '" + id + "'")));
  }

  @OpenApi(
      path = "/api/related",
      methods = HttpMethod.GET,
      operationId = "relatedByPath",
      summary = "Related articles of the article at a content path",
      tags = {"related"},
      queryParams = {
        @OpenApiParam(name = "path", required = true, description = "content path with extension"),
        @OpenApiParam(name = "size", type = Integer.class, description = "recommendations at most")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = RelatedService.Result.class)),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
        @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE))
      })
  public void byPath(Context ctx) throws IOException {
    String path = PATH.read(ctx);
    int size = SIZE.read(ctx);
    ctx.json(related.byPath(path, size).orElseThrow(() -> new NotFoundResponse("no article at path '" + path + "'")));
  }
}
