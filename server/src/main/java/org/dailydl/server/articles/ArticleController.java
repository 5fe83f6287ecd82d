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
import java.util.List;
import java.util.Map;
import org.dailydl.server.branding.SiteService;
import org.dailydl.server.web.Problem;
import org.dailydl.server.web.Feature;
import org.dailydl.server.web.QueryParameter;

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

  static final QueryParameter.Category CATEGORY = new QueryParameter.Category();
  static final QueryParameter.ContentPath PATH = new QueryParameter.ContentPath("path", false);

  /** The rules of each operation's query parameters, published in the OpenAPI document. */
  public static final Map<String, List<QueryParameter>> QUERY_PARAMETERS = Map.of("listArticles", List.of(CATEGORY, PATH));

  @OpenApi(
      path = "/api/articles",
      methods = HttpMethod.GET,
      operationId = "listArticles",
      summary = "List articles, or find the one at a content path",
      description = "Sorted by path. With path, the list holds the one article at that path (404 when there is none); "
          + "GET /api/articles/{id} with its id opens it.",
      tags = {"articles"},
      queryParams = {
        @OpenApiParam(name = "category", description = "only this category (/ for the notes at the top of the folder)"),
        @OpenApiParam(name = "path", description = "content path with extension, e.g. 08-LLM/Bert/核心解析.md")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = ArticleView.ArticleList.class)),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
        @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE))
      })
  public void list(Context ctx) throws IOException {
    String path = PATH.read(ctx);
    String category = CATEGORY.read(ctx);
    if (path != null) {
      ArticleView.Summary one = articles.summaryByPath(path)
          .filter(a -> category == null || category.equals(a.category()))
          .orElseThrow(() -> new NotFoundResponse("no article at path '" + path + "'"));
      ctx.json(new ArticleView.ArticleList(List.of(one)));
      return;
    }
    ctx.json(new ArticleView.ArticleList(articles.list(category)));
  }

  @OpenApi(
      path = "/api/articles/{id}",
      methods = HttpMethod.GET,
      operationId = "getArticle",
      summary = "One article: metadata, table of contents, rendered HTML, links, backlinks, keywords",
      tags = {"articles"},
      pathParams = @OpenApiParam(name = "id", required = true, description = "article id"),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = ArticleView.Full.class)),
        @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE))
      })
  public void byId(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    ctx.json(articles.byId(id).orElseThrow(() -> new NotFoundResponse("no article with id '" + id + "'")));
  }

  @OpenApi(
      path = "/api/categories",
      methods = HttpMethod.GET,
      operationId = "listCategories",
      summary = "Categories (top folders, and \"\" for the notes at the top) with labels and article counts, in display order",
      tags = {"articles"},
      responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = ArticleView.Category[].class)))
  public void categories(Context ctx) throws IOException {
    ctx.json(site == null ? articles.categories() : articles.categories(site.site()));
  }
}
