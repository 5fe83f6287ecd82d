package org.dailydl.server.pages;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The page for a path that names nothing, as a browser or crawler should see it: the site's own page
 * (header, styles, footer) with a message, a link home and a search box in its main part, marked
 * {@code noindex}. The page's scripts still run and show the same in their own way; without them
 * this is what the reader sees.
 */
public final class NotFoundPage {
  private NotFoundPage() {}

  /** {@code html} (the page, site already filled in) as a "page not found" page. */
  public static String render(String html) {
    return render(html, "页面不存在", "这个地址没有页面：可能是链接写错了，或者笔记已经改名或删除。");
  }

  /** {@code html} as a "not found" page with this heading and explanation (plain text). */
  public static String render(String html, String heading, String detail) {
    Document page = Jsoup.parse(html);
    page.outputSettings().prettyPrint(false);
    Element title = page.selectFirst("title");
    String site = title == null ? "" : title.text();
    page.title(site.isEmpty() ? heading : heading + " · " + site);
    page.head().appendElement("meta").attr("name", "robots").attr("content", "noindex");
    Element main = page.getElementById("main");
    if (main == null) {
      main = page.body().appendElement("main").id("main");
    }
    main.empty().attr("data-state", "ready").attr("aria-busy", "false");
    Element panel = main.appendElement("section").addClass("status").addClass("status--info").attr("role", "status");
    panel.appendElement("div").addClass("status__icon").attr("aria-hidden", "true").text("i");
    panel.appendElement("h1").addClass("status__title").text(heading);
    panel.appendElement("p").addClass("status__detail").text(detail);
    Element form = panel.appendElement("form").addClass("not-found__search").attr("role", "search")
        .attr("action", "/search").attr("method", "get");
    form.appendElement("label").attr("for", "not-found-q").text("搜索笔记");
    form.appendElement("input").id("not-found-q").attr("name", "q").attr("type", "search").attr("maxlength", "200");
    form.appendElement("button").addClass("button").attr("type", "submit").text("搜索");
    panel.appendElement("p").appendElement("a").addClass("button").addClass("button--ghost").attr("href", "/")
        .text("回到首页");
    return page.outerHtml();
  }
}
