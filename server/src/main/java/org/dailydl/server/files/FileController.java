package org.dailydl.server.files;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import java.nio.file.Files;
import org.dailydl.server.web.Problem;
import org.dailydl.server.web.Feature;

/**
 * HTTP for {@link ContentFiles}: {@code GET /files/<path>}. Every answer says its type
 * ({@code nosniff}) and carries a sandbox policy, so an SVG opened on its own cannot run script or
 * load anything; revalidated by ETag, since notes change.
 */
public final class FileController implements Feature {
  /** SVG may style itself inline; nothing else, and it runs in a sandbox. */
  static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
  public static final String IMAGE_POLICY = "default-src 'none'; sandbox";

  private final ContentFiles files;

  public FileController(ContentFiles files) {
    this.files = files;
  }

  @Override
  public void routes(Javalin app) {
    app.get(ContentFiles.PREFIX + "<path>", this::file);
  }

  @OpenApi(
      path = "/files/{path}",
      methods = HttpMethod.GET,
      operationId = "getFile",
      summary = "An image of the content folder that an article shows (png, jpg, jpeg, gif, webp, svg)",
      tags = {"articles"},
      pathParams = @OpenApiParam(name = "path", required = true, description = "content path, e.g. 03-Deep-Learning/figures/x.svg"),
      responses = {
        @OpenApiResponse(status = "200", content = {
          @OpenApiContent(mimeType = "image/png", type = "string", format = "binary"),
          @OpenApiContent(mimeType = "image/jpeg", type = "string", format = "binary"),
          @OpenApiContent(mimeType = "image/gif", type = "string", format = "binary"),
          @OpenApiContent(mimeType = "image/webp", type = "string", format = "binary"),
          @OpenApiContent(mimeType = "image/svg+xml", type = "string", format = "binary")
        }),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
        @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE))
      })
  public void file(Context ctx) throws IOException {
    String path = ctx.pathParam("path");
    ContentFiles.Lookup lookup = files.find(path);
    if (lookup.refusal() == ContentFiles.Refusal.NOT_A_CONTENT_PATH) {
      throw new BadRequestResponse("not a path inside the content folder");
    }
    if (lookup.file() == null) {
      throw new NotFoundResponse("no image at '" + path + "'");
    }
    ContentFiles.Served file = lookup.file();
    ctx.header("Content-Security-Policy", file.isSvg() ? SVG_POLICY : IMAGE_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Cache-Control", "no-cache");
    String etag = "\"" + Long.toHexString(file.size()) + "-" + Long.toHexString(file.modified()) + "\"";
    ctx.header("ETag", etag);
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    ctx.contentType(file.contentType());
    ctx.result(Files.newInputStream(file.file()));
  }
}
