package org.dailydl.server.pages;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dailydl.server.branding.SiteService;
import org.dailydl.server.web.Problem;
import org.dailydl.server.web.Feature;
import org.dailydl.server.web.PageFilter;

/**
 * The site as crawlers, link previews and feed readers see it: {@code /robots.txt},
 * {@code /sitemap.xml}, {@code /feed.xml}, and the head of every article's page ({@link ArticleHead}).
 */
public final class PagesController implements Feature, PageFilter {
  /** How many notes the feed lists. */
  static final int FEED_ENTRIES = 20;

  private final PagesService pages;
  private final SiteService site;
  private final PublicUrl publicUrl;
  private final ArticleHead head;

  public PagesController(PagesService pages, SiteService site, PublicUrl publicUrl) {
    this.pages = Objects.requireNonNull(pages);
    this.site = Objects.requireNonNull(site);
    this.publicUrl = Objects.requireNonNull(publicUrl);
    this.head = new ArticleHead(pages, site, publicUrl);
  }

  @Override
  public String filter(String html, Context ctx) {
    return head.filter(html, ctx);
  }

  @Override
  public void routes(Javalin app) {
    app.get("/robots.txt", this::robots);
    app.get("/sitemap.xml", this::sitemap);
    app.get("/feed.xml", this::feed);
  }

  @OpenApi(path = "/robots.txt", methods = HttpMethod.GET, operationId = "robots", ignore = true, tags = {"pages"},
      summary = "Crawling allowed everywhere, with the sitemap's address when the site's address is known",
      responses = @OpenApiResponse(status = "200", content = @OpenApiContent(type = "text/plain")))
  public void robots(Context ctx) {
    StringBuilder text = new StringBuilder("User-agent: *\nAllow: /\n");
    base(ctx).ifPresent(base -> text.append("\nSitemap: ").append(base).append("/sitemap.xml\n"));
    ctx.contentType("text/plain; charset=utf-8").result(text.toString());
  }

  @OpenApi(path = "/sitemap.xml", methods = HttpMethod.GET, operationId = "sitemap", ignore = true, tags = {"pages"},
      summary = "Sitemap of the home page and every article, with each file's last modification",
      description = "Needs the site's public address (serve --public-url); without it only requests to a "
          + "loopback address are answered.",
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/xml")),
        @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE))
      })
  public void sitemap(Context ctx) throws IOException {
    String base = requireBase(ctx, "sitemap.xml");
    ctx.contentType("application/xml; charset=utf-8").result(SyndicationXml.sitemap(base, pages.all()));
  }

  @OpenApi(path = "/feed.xml", methods = HttpMethod.GET, operationId = "feed", ignore = true, tags = {"pages"},
      summary = "Atom feed of the " + FEED_ENTRIES + " most recently changed notes",
      description = "Newest file modification first; each entry has the note's title, link, summary and its "
          + "front-matter date as published. Needs the site's public address, as /sitemap.xml.",
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/atom+xml")),
        @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE))
      })
  public void feed(Context ctx) throws IOException {
    String base = requireBase(ctx, "feed.xml");
    List<ArticleMeta> recent = pages.recent(FEED_ENTRIES).stream().filter(a -> a.modified() >= 0).toList();
    Instant updated = recent.isEmpty() ? Instant.EPOCH : Instant.ofEpochMilli(recent.get(0).modified());
    ctx.contentType("application/atom+xml; charset=utf-8")
        .result(SyndicationXml.feed(base, site.site(), recent, updated));
  }

  private Optional<String> base(Context ctx) {
    return publicUrl.base(ctx);
  }

  private String requireBase(Context ctx, String what) {
    return base(ctx).orElseThrow(() -> new NotFoundResponse(what + " lists absolute URLs and the site's public "
        + "address is not known: start serve with --public-url (or DAILYDL_PUBLIC_URL)"));
  }
}
