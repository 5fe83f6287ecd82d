package org.dailydl.server.branding;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.dailydl.indexer.config.Site;
import org.dailydl.server.web.Feature;
import org.dailydl.server.web.PageFilter;

/** HTTP for the site: {@code GET /api/site}, and the page filled in with it. */
public final class SiteController implements Feature, PageFilter {
  private final SiteService sites;
  /** The last page rendered, with what it was rendered from. */
  private volatile Rendered last;

  private record Rendered(String source, Site site, String html) {}

  public SiteController(SiteService sites) {
    this.sites = sites;
  }

  @Override
  public void routes(Javalin app) {
    app.get("/api/site", this::site);
  }

  @OpenApi(path = "/api/site", methods = HttpMethod.GET, operationId = "site", tags = {"articles"},
      summary = "The site: title, tagline, description, example queries, categories with labels, home page, language",
      description = "From dailydl.yml at the top of the content folder; what it does not set is derived from the folder.",
      responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = SiteView.class)))
  public void site(Context ctx) throws IOException {
    ctx.json(SiteView.of(sites.site()));
  }

  @Override
  public String filter(String html, Context ctx) {
    return filter(html);
  }

  /** {@code html} with the site filled in (the same for every route). */
  String filter(String html) {
    Site site;
    try {
      site = sites.site();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Rendered cached = last;
    if (cached != null && cached.source().equals(html) && cached.site().equals(site)) {
      return cached.html();
    }
    String rendered = SitePage.render(html, site);
    last = new Rendered(html, site, rendered);
    return rendered;
  }
}
