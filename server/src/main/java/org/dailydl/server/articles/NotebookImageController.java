package org.dailydl.server.articles;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import org.dailydl.server.files.FileController;
import org.dailydl.server.web.Problem;
import org.dailydl.server.web.Feature;

/** HTTP for the images a notebook's cells output: {@code GET /articles/{id}/outputs/{n}}. */
public final class NotebookImageController implements Feature {
  private final NotebookImages images;

  public NotebookImageController(NotebookImages images) {
    this.images = images;
  }

  @Override
  public void routes(Javalin app) {
    app.get("/articles/{id}/outputs/{n}", this::image);
  }

  @OpenApi(
      path = "/articles/{id}/outputs/{n}",
      methods = HttpMethod.GET,
      operationId = "notebookOutput", ignore = true,
      summary = "The n-th image a notebook's code cells output (a Matplotlib figure), as the article shows it",
      tags = {"articles"},
      pathParams = {
        @OpenApiParam(name = "id", required = true, description = "article id of a notebook"),
        @OpenApiParam(name = "n", required = true, type = Integer.class,
            description = "0-based number of the image output in the notebook's order")
      },
      responses = {
        @OpenApiResponse(status = "200", content = {@OpenApiContent(type = "image/png"), @OpenApiContent(type = "image/jpeg")}),
        @OpenApiResponse(status = "304"),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
        @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE))
      })
  public void image(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    int n = ctx.pathParamAsClass("n", Integer.class).check(v -> v >= 0, "n must be 0 or more").get();
    NotebookImages.Image image = images.image(id, n)
        .orElseThrow(() -> new NotFoundResponse("no image output " + n + " in the notebook '" + id + "'"));
    ctx.header("Content-Security-Policy", FileController.IMAGE_POLICY);
    ctx.header("Cache-Control", "no-cache");
    ctx.header("ETag", image.etag());
    if (image.etag().equals(ctx.header("If-None-Match"))) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    ctx.contentType(image.mediaType()).result(image.bytes());
  }
}
