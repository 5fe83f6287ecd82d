package org.dailydl.server.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.dailydl.indexer.config.Site;
import org.dailydl.server.branding.SiteService;
import org.dailydl.server.web.PageFilter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The head of an article's page as link previews and crawlers read it, without running the page's
 * scripts: {@code <title>}, the meta description (the article's summary or opening), Open Graph
 * tags and the canonical link (the article's URL without the query that led to it). Everything is
 * set through jsoup, which escapes it: titles are the authors' text. An unknown article is answered
 * 404 with the not-found page. Thread-safe.
 */
public final class ArticleHead implements PageFilter {
  private final PagesService pages;
  private final SiteService site;
  private final PublicUrl publicUrl;

  public ArticleHead(PagesService pages, SiteService site, PublicUrl publicUrl) {
    this.pages = Objects.requireNonNull(pages);
    this.site = Objects.requireNonNull(site);
    this.publicUrl = Objects.requireNonNull(publicUrl);
  }

  @Override
  public String filter(String html, Context ctx) {
    String id = ctx.pathParamMap().get("id");
    if (id == null || !ctx.path().startsWith("/articles/")) {
      return html;
    }
    try {
      Optional<ArticleMeta> article = pages.article(id);
      if (article.isEmpty()) {
        ctx.status(HttpStatus.NOT_FOUND);
        return NotFoundPage.render(html, "找不到这篇文章", "没有这篇文章：它可能已经改名或删除。");
      }
      return render(html, article.get(), site.site());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String render(String html, ArticleMeta article, Site site) {
    Document page = Jsoup.parse(html);
    page.outputSettings().prettyPrint(false);
    page.title(article.title() + " · " + site.title());
    String url = publicUrl.canonical(article.path());
    meta(page, "name", "description", article.description());
    meta(page, "property", "og:type", "article");
    meta(page, "property", "og:title", article.title());
    meta(page, "property", "og:description", article.description());
    meta(page, "property", "og:site_name", site.title());
    meta(page, "property", "og:locale", site.language().replace('-', '_'));
    if (publicUrl.isSet()) {
      // og:url must be absolute: without a public URL there is none to give
      meta(page, "property", "og:url", url);
    }
    if (article.modified() >= 0) {
      meta(page, "property", "article:modified_time", Instant.ofEpochMilli(article.modified()).toString());
    }
    Element canonical = page.head().selectFirst("link[rel=canonical]");
    if (canonical == null) {
      canonical = page.head().appendElement("link").attr("rel", "canonical");
    }
    canonical.attr("href", url);
    return page.outerHtml();
  }

  private static void meta(Document page, String key, String name, String content) {
    Element meta = page.head().selectFirst("meta[" + key + "=\"" + name + "\"]");
    if (meta == null) {
      meta = page.head().appendElement("meta").attr(key, name);
    }
    meta.attr("content", content == null ? "" : content);
  }
}
