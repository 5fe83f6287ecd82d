package org.dailydl.server.branding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Collectors;
import org.dailydl.indexer.config.Site;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Puts the site into the page (web/index.html carries no branding of its own): the language,
 * the title, the meta description, every {@code [data-site=title]} element, the search box's
 * placeholder, and the site as JSON in {@code <script type="application/json" id="site-data">}
 * for the page's scripts (data, not script: the page's policy allows no inline script).
 */
public final class SitePage {
  /** The id of the JSON element the page reads its settings from. */
  public static final String DATA_ID = "site-data";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SitePage() {}

  /** {@code html} with the site filled in. */
  public static String render(String html, Site site) {
    Document page = Jsoup.parse(html);
    page.outputSettings().prettyPrint(false);
    page.selectFirst("html").attr("lang", site.language());
    page.title(site.subtitle() == null ? site.title() : site.title() + " · " + site.subtitle());
    String description = site.description() != null ? site.description()
        : site.tagline() != null ? site.title() + "：" + site.tagline() : site.title();
    Element meta = page.selectFirst("meta[name=description]");
    if (meta == null) {
      meta = page.head().appendElement("meta").attr("name", "description");
    }
    meta.attr("content", description);
    for (Element e : page.select("[data-site=title]")) {
      e.text(site.title());
    }
    for (Element e : page.select("[data-site=subtitle]")) {
      e.text(site.subtitle() == null ? "" : site.subtitle());
    }
    for (Element e : page.select("[data-site=home-label]")) {
      e.attr("aria-label", site.title() + " 首页");
    }
    Element box = page.getElementById("q");
    if (box != null) {
      box.attr("placeholder", placeholder(site));
    }
    Element data = page.getElementById(DATA_ID);
    if (data == null) {
      data = page.head().appendElement("script").attr("type", "application/json").id(DATA_ID);
    }
    // "</" cannot end the element early: every "<" of the JSON is escaped
    data.appendChild(new org.jsoup.nodes.DataNode(json(SiteView.of(site)).replace("<", "\\u003c")));
    return page.outerHtml();
  }

  /** "搜索：自注意力、KNN、attention mask…", or a plain prompt when there are no examples. */
  static String placeholder(Site site) {
    if (site.examples().isEmpty()) {
      return "搜索笔记…";
    }
    return "搜索：" + site.examples().stream().limit(3).collect(Collectors.joining("、")) + "…";
  }

  private static String json(SiteView view) {
    try {
      return JSON.writeValueAsString(view);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a record of strings always serialises", e);
    }
  }
}
