package org.dailydl.server.articles;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import java.util.Map;
import org.dailydl.server.branding.SiteService;
import org.dailydl.server.web.ApiError;
import org.dailydl.server.web.Feature;
import org.dailydl.server.web.Params;

/** HTTP in and out for articles and categories. */
public final class ArticleController implements Feature {
  private final ArticleService articles;
  private final SiteService site;

  /** Categories labelled with their folder names, by name. */
  public ArticleController(ArticleService articles) {
    this(articles, null);
  }

  /** Categories in the site's order with its labels ({@code site} null: by name). */
  public ArticleController(ArticleService articles, SiteService site) {
    this.articles = articles;
    this.site = site;
  }

  @Override
  public void routes(Javalin app) {
    app.get("/api/articles", this::list);
    app.get("/api/articles/{id}", this::byId);
    app.get("/api/categories", this::categories);
  }

  @OpenApi(
      path = "/api/articles",
      methods = HttpMethod.GET,
      summary = "List articles, or get the one article at a content path",
      tags = {"articles"},
      queryParams = {
        @OpenApiParam(name = "category", description = "only this category (/ for the notes at the top of the folder)"),
        @OpenApiParam(name = "path", description = "content path with extension, e.g. 08-LLM/Bert/核心解析.md")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = ArticleView.Summary[].class)),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = ApiError.class)),
        @OpenApiResponse(status = "404", content = @OpenApiContent(from = ApiError.class))
      })
  public void list(Context ctx) throws IOException {
    String path = Params.contentPath(ctx, "path", false);
    String category = Params.category(ctx);
    if (path != null) {
      ctx.json(articles.byPath(path).orElseThrow(() -> new NotFoundResponse("no article at path '" + path + "'")));
      return;
    }
    var list = articles.list(category);
    ctx.json(Map.of("total", list.size(), "articles", list));
  }

  @OpenApi(
      path = "/api/articles/{id}",
      methods = HttpMethod.GET,
      summary = "One article: metadata, table of contents, rendered HTML, links, backlinks, keywords",
      tags = {"articles"},
      pathParams = @OpenApiParam(name = "id", required = true, description = "article id"),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = ArticleView.Full.class)),
        @OpenApiResponse(status = "404", content = @OpenApiContent(from = ApiError.class))
      })
  public void byId(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    ctx.json(articles.byId(id).orElseThrow(() -> new NotFoundResponse("no article with id '" + id + "'")));
  }

  @OpenApi(
      path = "/api/categories",
      methods = HttpMethod.GET,
      summary = "Categories (top folders, and \"\" for the notes at the top) with labels and article counts, in display order",
      tags = {"articles"},
      responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = ArticleView.Category[].class)))
  public void categories(Context ctx) throws IOException {
    ctx.json(site == null ? articles.categories() : articles.categories(site.site()));
  }
}
