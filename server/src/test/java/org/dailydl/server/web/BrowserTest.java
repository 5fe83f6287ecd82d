package org.dailydl.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.dailydl.server.web.BrowserServer.ApiAnswer;
import org.dailydl.server.SharedCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;

/**
 * The web page in a real browser (Debian's headless Chromium) against the real app over the
 * repository's knowledge base: search as you type (with a Chinese IME), the reader with formulas,
 * code and related articles, the topic graph, reloads of every route, phone widths, and — after
 * every test — no console errors and no request leaving the server's origin.
 *
 * <p>Skipped when the browser is not installed, except under {@code CI=true}, where that fails.
 */
class BrowserTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String SELF_ATTENTION_PATH = "08-LLM/Attentionisallyouneed/selfattention.md";

  @RegisterExtension static final SharedCorpus corpus = SharedCorpus.content();
  static BrowserServer server;
  static BrowserSession browser;
  static String selfAttentionId;

  /** API paths a test expects to answer 404 (their console entry is then not an error). */
  private final List<String> expectedNotFound = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    BrowserSession.requireBrowser();
    server = BrowserServer.start(corpus);
    browser = BrowserSession.start(server.origin);
    selfAttentionId = server.articleId(SELF_ATTENTION_PATH, "自注意力 缩放点积注意力");
  }

  @AfterAll
  static void stop() throws IOException {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  @BeforeEach
  void freshPage() {
    browser.resize(1280, 900);
    browser.driver.get(server.url("/"));
    browser.js("localStorage.clear();");
    browser.clearLogs();
  }

  /** Every test: the console stayed free of errors and every request went to the server. */
  @AfterEach
  void consoleIsCleanAndRequestsStayOnTheOrigin() {
    browser.collectLogs();
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : browser.console()) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !isExpectedNotFound(entry.getMessage())) {
        errors.add(entry.getMessage());
      }
    }
    assertThat(errors).as("console errors").isEmpty();
    assertThat(browser.requests()).as("requested URLs").isNotEmpty();
    for (String url : browser.requests()) {
      boolean local = url.startsWith(server.origin + "/") || url.startsWith("data:") || url.startsWith("blob:")
          || url.startsWith("about:");
      assertThat(local).as("request to %s stays on %s", url, server.origin).isTrue();
    }
  }

  private boolean isExpectedNotFound(String message) {
    return message.contains("status of 404") && expectedNotFound.stream().anyMatch(message::contains);
  }

  // ---- search -----------------------------------------------------------------------------------

  @Test
  void typing_a_chinese_query_shows_highlighted_results_linking_to_articles() {
    browser.open("/");
    new Actions(browser.driver).sendKeys("/").perform();
    assertThat(browser.js("return document.activeElement.id;")).as("'/' focuses the search box").isEqualTo("q");

    WebElement box = browser.driver.findElement(By.id("q"));
    box.sendKeys("注意力");
    browser.waitFor("results for 注意力", () -> decoded(browser.pathAndQuery()).equals("/search?q=注意力")
        && count(".hits .hit") > 0 && "ready".equals(state()));

    List<WebElement> marks = browser.driver.findElements(By.cssSelector(".hit .hit__snippet mark"));
    assertThat(marks).as("highlighted snippets").isNotEmpty();
    assertThat(marks).anySatisfy(mark -> assertThat(mark.getText()).contains("注意力"));
    List<WebElement> links = browser.driver.findElements(By.cssSelector(".hit .hit__title a"));
    assertThat(links).allSatisfy(link ->
        assertThat(link.getAttribute("href")).startsWith(server.url("/articles/")));
    assertThat(text(".results-header__title")).contains("找到").contains("注意力");
    assertThat(text(".results-header__meta")).contains("毫秒")
        .as("this server runs without embeddings: nothing is being prepared").doesNotContain("语义");
    assertThat(count(".facets .facet")).as("category facets").isGreaterThan(1);

    browser.waitFor("completions under the box", () -> "true".equals(box.getAttribute("aria-expanded"))
        && count("#q-listbox [role=option]") > 0);
    box.sendKeys(Keys.ESCAPE);
    assertThat(box.getAttribute("aria-expanded")).as("Escape closes the list").isEqualTo("false");
    assertThat(box.getAttribute("value")).as("Escape keeps the query").isEqualTo("注意力");

    String first = links.get(0).getAttribute("href");
    box.sendKeys(Keys.ARROW_DOWN);
    assertThat(browser.js("return document.querySelector('.hit.is-selected .hit__title a').href;"))
        .as("ArrowDown selects the first result").isEqualTo(first);
    box.sendKeys(Keys.ENTER);
    browser.waitFor("the selected article", () -> server.url(browser.pathAndQuery()).equals(first));
    browser.waitUntilRendered();
    assertThat(count(".markdown-body h1")).isEqualTo(1);
  }

  @Test
  void a_category_facet_filters_the_results_and_clicking_it_again_clears_the_filter() {
    browser.open("/search?q=" + BrowserServer.enc("注意力"));
    WebElement facet = browser.driver.findElements(By.cssSelector(".facets .facet")).get(1);
    facet.click();
    browser.waitFor("the filtered results", () -> browser.pathAndQuery().contains("category=") && "ready".equals(state()));
    String category = (String) browser.js("return new URLSearchParams(location.search).get('category');");
    List<WebElement> chips = browser.driver.findElements(By.cssSelector(".hit .chip--category"));
    assertThat(chips).as("every hit is in " + category).isNotEmpty().allSatisfy(chip ->
        assertThat(decoded(chip.getAttribute("href"))).endsWith("category=" + category));
    assertThat(attr(".facets .facet[aria-current=true]", "href")).doesNotContain("category=");

    browser.driver.findElement(By.cssSelector(".facets .facet[aria-current=true]")).click();
    browser.waitFor("the unfiltered results", () -> !browser.pathAndQuery().contains("category=") && "ready".equals(state()));
    assertThat(count(".facets .facet[aria-current=true]")).isEqualTo(1);
    assertThat(text(".facets .facet[aria-current=true]")).contains("全部分类");
  }

  @Test
  void ime_composition_fires_no_search_until_it_ends_and_then_exactly_one() throws InterruptedException {
    browser.open("/search?q=transformer");
    browser.js("performance.setResourceTimingBufferSize(10000); performance.clearResourceTimings();");
    browser.js("""
        const q = document.getElementById('q');
        q.focus();
        q.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true, data: ''}));
        for (const value of ['z', 'zhu', '注', '注意', 'zhuyi', '注意力']) {
          q.value = value;
          q.dispatchEvent(new CompositionEvent('compositionupdate', {bubbles: true, data: value}));
          // a plain input event (isComposing unset): the page must rely on the composition events
          q.dispatchEvent(new Event('input', {bubbles: true}));
          q.dispatchEvent(new InputEvent('input', {bubbles: true, isComposing: true, data: value,
              inputType: 'insertCompositionText'}));
        }""");
    Thread.sleep(900); // well past the 200 ms debounce
    assertThat(apiRequests("/api/search")).as("searches while composing").isEmpty();
    assertThat(apiRequests("/api/suggest")).as("completions while composing").isEmpty();
    assertThat(browser.pathAndQuery()).isEqualTo("/search?q=transformer");

    browser.js("""
        const q = document.getElementById('q');
        q.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, data: '注意力'}));""");
    browser.waitFor("the search for 注意力", () -> decoded(browser.pathAndQuery()).equals("/search?q=注意力")
        && "ready".equals(state()));
    Thread.sleep(900); // time for any second, unwanted search to show up
    List<String> searches = apiRequests("/api/search");
    assertThat(searches).as("searches after compositionend").hasSize(1);
    assertThat(decoded(searches.get(0))).contains("q=注意力");
    assertThat(count(".hits .hit")).isPositive();
  }

  // ---- reader -----------------------------------------------------------------------------------

  @Test
  void article_draws_formulas_highlights_code_and_its_contents_follow_the_scroll() {
    ApiAnswer article = server.get("/api/articles/" + selfAttentionId);
    assertThat(article.ok()).isTrue();
    browser.open("/articles/" + selfAttentionId);

    assertThat(browser.driver.getTitle()).startsWith(article.body().get("title").asText());
    assertThat(count(".markdown-body .katex")).as("inline formulas drawn by KaTeX").isGreaterThan(5);
    assertThat(count(".markdown-body .katex-display")).as("display formulas").isPositive();
    assertThat(count(".markdown-body .math--raw")).as("formulas left as TeX").isZero();
    assertThat(count(".markdown-body pre code.hljs")).as("code blocks highlighted").isPositive();
    assertThat(count(".markdown-body pre code.hljs [class^=hljs-]")).as("highlighted tokens").isPositive();
    assertThat(count(".markdown-body .table-wrap table")).as("tables in their own scroll box").isPositive();

    List<WebElement> toc = browser.driver.findElements(By.cssSelector(".toc a[data-anchor]"));
    assertThat(toc).hasSizeGreaterThan(3);
    String anchor = toc.get(toc.size() / 2).getAttribute("data-anchor"); // a section mid-page
    browser.js("document.getElementById(arguments[0]).scrollIntoView({block: 'start'});", anchor);
    browser.waitFor("the contents to mark the section on screen", () -> anchor.equals(
        browser.js("const a = document.querySelector('.toc a[aria-current=location]'); return a && a.dataset.anchor;")));

    WebElement second = toc.get(1);
    String secondAnchor = second.getAttribute("data-anchor");
    second.click();
    browser.waitFor("the anchor in the URL", () -> secondAnchor.equals(
        decoded((String) browser.js("return location.hash.slice(1);"))));
  }

  @Test
  void related_articles_show_their_reasons_and_open_on_click() {
    ApiAnswer related = server.get("/api/articles/" + selfAttentionId + "/related?size=6");
    // the endpoint must answer: a failing API is a failing test, never a skipped one
    assertThat(related.status()).as("GET related").isEqualTo(200);
    assertThat(related.body().path("hits").size()).as("related hits of the self-attention article").isPositive();
    browser.open("/articles/" + selfAttentionId);
    browser.waitFor("related articles", () -> "ready".equals(attr("#related", "data-state")));
    JsonNode hit = related.body().get("hits").get(0);
    List<WebElement> items = browser.driver.findElements(By.cssSelector("#related .related"));
    assertThat(items).isNotEmpty();
    WebElement firstItem = items.get(0);
    List<String> reasons = new ArrayList<>();
    hit.path("reasons").forEach(r -> reasons.add(r.asText()));
    assertThat(firstItem.findElements(By.cssSelector(".reason")).stream().map(WebElement::getText).toList())
        .as("every recommendation shows its reasons").containsExactlyElementsOf(reasons.subList(0, Math.min(4, reasons.size())));

    firstItem.findElement(By.cssSelector(".related__title")).click();
    String expected = "/articles/" + hit.get("id").asText();
    browser.waitFor("the related article", () -> decoded(browser.pathAndQuery()).equals(expected));
    browser.waitUntilRendered();
    assertThat(browser.driver.getTitle()).startsWith(hit.get("title").asText());
  }

  @Test
  void article_page_draws_its_local_graph() {
    ApiAnswer graph = server.get("/api/graph?depth=1&center=" + BrowserServer.enc(selfAttentionId));
    assertThat(graph.status()).as("GET the article's neighbourhood").isEqualTo(200);
    assertThat(graph.body().path("nodes").size()).as("neighbourhood nodes").isGreaterThanOrEqualTo(2);
    browser.open("/articles/" + selfAttentionId);
    browser.waitFor("the local graph", () -> "ready".equals(attr("#local-graph", "data-state")));
    assertThat(Long.parseLong(attr("#local-graph .local-graph", "data-node-count")))
        .as("nodes drawn").isEqualTo(graph.body().get("nodes").size());
    assertThat(Long.parseLong(attr("#local-graph .local-graph", "data-edge-count")))
        .as("edges drawn").isPositive().isLessThanOrEqualTo(graph.body().get("edges").size());
    assertThat(count("#local-graph canvas")).isPositive();
  }

  @Test
  void without_a_hovering_pointer_internal_links_show_no_preview() throws InterruptedException {
    // headless Chromium has no mouse that hovers (hover: none), like a touch screen
    assertThat(browser.js("return matchMedia('(hover: hover)').matches;")).isEqualTo(false);
    browser.open("/articles/" + selfAttentionId);
    WebElement link = browser.driver.findElement(By.cssSelector(".markdown-body a[href^='/articles/']:not(.heading-anchor)"));
    browser.js("arguments[0].scrollIntoView({block: 'center'});", link);
    new Actions(browser.driver).moveToElement(link).perform();
    Thread.sleep(900); // well past the preview's 350 ms delay
    assertThat(browser.js("const p = document.querySelector('.link-preview'); return !!p && !p.hidden;")).isEqualTo(false);
    assertThat(link.getAttribute("aria-describedby")).isNull();
  }

  @Test
  void unknown_article_shows_a_helpful_page() {
    // the page itself answers 404 (for crawlers), and so does the API the page asks
    expectedNotFound.add("/articles/no-such-article");
    browser.open("/articles/no-such-article");
    assertThat(text("#main")).contains("找不到这篇文章");
    assertThat(count("#main a[href^='/search?q=']")).isPositive();
  }

  @Test
  void a_matplotlib_notebook_shows_the_plots_its_cells_drew() {
    String path = "05-Machine-Learning-Code/数据分析工具/Matplotlib/7_Scatter.ipynb";
    String id = server.articleId(path, "Matplotlib 散点图 scatter");
    browser.open("/articles/" + id);
    String selector = ".markdown-body .nb-outputs img[src='/articles/" + id + "/outputs/0']";
    browser.waitFor("the notebook's first plot", () -> count(selector) == 1);
    browser.js("document.querySelector(arguments[0]).scrollIntoView({block: 'center'});", selector);
    browser.waitFor("the plot to load", () -> Boolean.TRUE.equals(browser.js(
        "var i = document.querySelector(arguments[0]); return i.complete && i.naturalWidth > 0;", selector)));
    assertThat(browser.jsLong("return document.querySelector(arguments[0]).naturalWidth;", selector))
        .as("a Matplotlib figure is hundreds of pixels wide").isGreaterThan(100);
    assertThat(attr(selector, "alt")).isNotBlank();
    // the plot follows the code that drew it
    assertThat(browser.js("var img = document.querySelector(arguments[0]);"
        + "var code = img.closest('.nb-outputs').previousElementSibling;"
        + "return code ? code.textContent : '';", selector).toString()).contains("scatter");
  }

  @Test
  void a_note_in_a_reading_order_links_its_previous_and_next_note() {
    JsonNode list = server.get("/api/articles").body();
    JsonNode withBoth = null;
    for (JsonNode summary : list.path("articles")) {
      JsonNode article = server.get("/api/articles/" + summary.path("id").asText()).body();
      if (article.path("series").path("previous").isObject() && article.path("series").path("next").isObject()) {
        withBoth = article;
        break;
      }
    }
    assertThat(withBoth).as("a note of content/ with a previous and a next note").isNotNull();
    JsonNode next = withBoth.path("series").path("next");
    browser.open("/articles/" + withBoth.path("id").asText());
    assertThat(text(".series-nav__link--prev .series-nav__title")).isEqualTo(withBoth.path("series").path("previous").path("title").asText());
    assertThat(text(".series-nav__link--next .series-nav__title")).isEqualTo(next.path("title").asText());
    assertThat(attr(".series-nav__link--next", "rel")).isEqualTo("next");
    browser.driver.findElement(By.cssSelector(".series-nav__link--next")).click();
    browser.waitFor("the next note", () -> decoded(browser.pathAndQuery()).equals("/articles/" + next.path("id").asText()));
    browser.waitUntilRendered();
    JsonNode after = server.get("/api/articles/" + next.path("id").asText()).body().path("series").path("previous");
    assertThat(text(".series-nav__link--prev .series-nav__title")).isEqualTo(after.path("title").asText());
  }

  // ---- graph ------------------------------------------------------------------------------------

  @Test
  void graph_page_draws_every_node_filters_by_category_and_opens_a_clicked_article() {
    ApiAnswer graph = server.get("/api/graph");
    assertThat(graph.status()).as("GET the whole graph").isEqualTo(200);
    browser.open("/graph");
    long nodes = graph.body().get("nodes").size();
    assertThat(count("#graph-canvas canvas")).isPositive();
    assertThat(Long.parseLong(attr("#graph-canvas", "data-node-count"))).as("nodes drawn").isEqualTo(nodes);
    assertThat(count("#graph-nodes a[data-node]")).as("one link per node in the node list").isEqualTo(nodes);

    Select category = new Select(browser.driver.findElement(By.id("graph-category")));
    category.selectByIndex(1);
    String chosen = category.getFirstSelectedOption().getAttribute("value");
    browser.waitFor("the category filter", () -> browser.pathAndQuery().startsWith("/graph?category="));
    long visible = Long.parseLong(attr("#graph-canvas", "data-node-count"));
    assertThat(visible).isPositive().isLessThan(nodes);
    assertThat(count("#graph-nodes a[data-node]")).as("the list follows the drawing").isEqualTo(visible);
    assertThat(count("#graph-nodes a[data-kind=article]")).isPositive();
    assertThat(browser.jsLong("return [...document.querySelectorAll('#graph-nodes a[data-kind=article]')]"
        + ".filter((a) => a.dataset.category !== arguments[0]).length;", chosen))
        .as("only articles of %s are drawn", chosen).isZero();
    category.selectByIndex(0);
    browser.waitFor("all nodes again", () -> Long.parseLong(attr("#graph-canvas", "data-node-count")) == nodes);

    // focusing a node in the list centres it in the drawing and shows its title
    browser.driver.findElement(By.cssSelector(".graph-nodes__summary")).click();
    WebElement item = browser.driver.findElement(By.cssSelector("#graph-nodes a[data-kind=article]"));
    String id = item.getAttribute("data-node");
    String label = (String) browser.js("return arguments[0].lastChild.textContent;", item);
    browser.js("arguments[0].focus();", item);
    browser.waitFor("the focused node", () -> id.equals(attr("#graph-canvas", "data-focused-node")));
    browser.waitFor("the tooltip", () -> Boolean.FALSE.equals(browser.js("return document.querySelector('.graph-tooltip').hidden;")));
    assertThat(text(".graph-tooltip strong")).isEqualTo(label);

    // a real mouse click where cytoscape drew it, the centre of the canvas, opens the article
    WebElement canvas = browser.driver.findElement(By.id("graph-canvas"));
    browser.js("arguments[0].scrollIntoView({block: 'center'});", canvas); // the list had scrolled it away
    new Actions(browser.driver).moveToElement(canvas).click().perform();
    browser.waitFor("the clicked article", () -> decoded(browser.pathAndQuery()).equals("/articles/" + id));
    browser.waitUntilRendered();
    assertThat(browser.driver.getTitle()).startsWith(label);

    // a topic in the list searches its word
    browser.driver.navigate().back();
    browser.waitFor("the graph again", () -> browser.pathAndQuery().equals("/graph") && count("#graph-nodes a[data-node]") > 0);
    List<WebElement> topics = browser.driver.findElements(By.cssSelector("#graph-nodes a[data-kind=topic]"));
    if (!topics.isEmpty()) {
      String topic = (String) browser.js("return arguments[0].lastChild.textContent;", topics.get(0));
      browser.js("arguments[0].click();", topics.get(0));
      browser.waitFor("a search for the topic", () -> decoded(browser.pathAndQuery()).equals("/search?q=" + topic));
      browser.waitUntilRendered();
    }
  }

  // ---- every route --------------------------------------------------------------------------------

  @Test
  void every_route_shows_the_same_content_after_a_reload() {
    browser.open("/");
    assertSameAfterReload("home");

    browser.driver.findElement(By.cssSelector(".category-card[href^='/search?category=']")).click();
    browser.waitFor("a category", () -> browser.pathAndQuery().startsWith("/search?category=") && "ready".equals(state()));
    assertSameAfterReload("category");

    // typing while a category is shown searches inside it; the filter chip removes the category
    WebElement box = browser.driver.findElement(By.id("q"));
    box.sendKeys("注意力");
    browser.waitFor("results in the category", () -> decoded(browser.pathAndQuery()).startsWith("/search?q=注意力&category=")
        && "ready".equals(state()));
    box.sendKeys(Keys.ESCAPE); // close the completions, which cover the top of the results
    browser.driver.findElement(By.cssSelector(".filters .filter-chip")).click();
    browser.waitFor("results in every category", () -> decoded(browser.pathAndQuery()).equals("/search?q=注意力")
        && "ready".equals(state()));
    browser.driver.findElement(By.cssSelector(".pager a[rel=next]")).click();
    browser.waitFor("page 2", () -> browser.pathAndQuery().contains("page=2") && "ready".equals(state()));
    assertSameAfterReload("search");

    browser.driver.findElement(By.cssSelector(".hit .hit__title a")).click();
    browser.waitFor("an article", () -> browser.pathAndQuery().startsWith("/articles/") && "ready".equals(state()));
    assertSameAfterReload("article");

    browser.driver.findElement(By.cssSelector(".site-nav a[data-nav=graph]")).click();
    browser.waitFor("the graph", () -> browser.pathAndQuery().startsWith("/graph") && "ready".equals(state()));
    assertSameAfterReload("graph");

    browser.driver.navigate().back();
    browser.waitFor("back to the article", () -> browser.pathAndQuery().startsWith("/articles/") && "ready".equals(state()));
    browser.driver.navigate().back();
    browser.waitFor("back to the results", () -> browser.pathAndQuery().contains("page=2") && "ready".equals(state()));
  }

  private void assertSameAfterReload(String view) {
    Map<String, Object> before = fingerprint();
    browser.driver.navigate().refresh();
    browser.waitUntilRendered();
    if (before.get("nodes") != null) {
      browser.waitFor("the graph after the reload", () -> fingerprint().get("nodes") != null);
    }
    assertThat(fingerprint()).as("%s after a reload", view).isEqualTo(before);
  }

  private Map<String, Object> fingerprint() {
    @SuppressWarnings("unchecked")
    Map<String, Object> print = (Map<String, Object>) browser.js("""
        const main = document.getElementById('main');
        const texts = (sel) => [...main.querySelectorAll(sel)].map((e) => e.textContent.trim());
        const hrefs = (sel) => [...main.querySelectorAll(sel)].map((e) => e.getAttribute('href'));
        return {
          path: location.pathname + location.search + location.hash,
          title: document.title,
          state: main.dataset.state,
          view: document.body.dataset.view,
          headings: texts('h1, h2'),
          links: hrefs('.hit__title a, .category-card, .facet, .pager a, .toc a'),
          formulas: main.querySelectorAll('.katex').length,
          nodes: document.getElementById('graph-canvas') ? document.getElementById('graph-canvas').dataset.nodeCount : null,
          box: document.body.dataset.view === 'search' ? document.getElementById('q').value : null,
        };""");
    return new LinkedHashMap<>(print);
  }

  // ---- theme, phones, screenshots ---------------------------------------------------------------

  @Test
  void theme_toggle_switches_code_styles_and_is_remembered() {
    browser.open("/articles/" + selfAttentionId);
    boolean dark = "true".equals(attr("#theme-toggle", "aria-pressed"));
    browser.driver.findElement(By.id("theme-toggle")).click();
    String chosen = dark ? "light" : "dark";
    assertThat(browser.js("return document.documentElement.dataset.theme;")).isEqualTo(chosen);
    assertThat(browser.js("return localStorage.getItem('dailydl-theme');")).isEqualTo(chosen);
    assertThat(attr("#hljs-" + chosen, "media")).isEqualTo("all");
    assertThat(attr("#hljs-" + (dark ? "dark" : "light"), "media")).isEqualTo("not all");
    browser.driver.navigate().refresh();
    browser.waitUntilRendered();
    assertThat(browser.js("return document.documentElement.dataset.theme;")).isEqualTo(chosen);
    assertThat(attr("#theme-toggle", "aria-pressed")).isEqualTo(chosen.equals("dark") ? "true" : "false");
  }

  @Test
  void every_view_fits_a_phone_and_is_photographed_at_desktop_and_phone_width() throws IOException {
    Map<String, String> views = new LinkedHashMap<>();
    views.put("home", "/");
    views.put("search", "/search?q=" + BrowserServer.enc("注意力"));
    views.put("article", "/articles/" + selfAttentionId);
    views.put("graph", "/graph");
    for (String theme : List.of("light", "dark")) {
      browser.js("localStorage.setItem('dailydl-theme', arguments[0]);", theme);
      for (int width : new int[] {1280, 375}) {
        browser.resize(width, width > 500 ? 900 : 812);
        for (Map.Entry<String, String> view : views.entrySet()) {
          browser.open(view.getValue());
          if (view.getKey().equals("graph")) {
            browser.waitFor("the graph", () -> attr("#graph-canvas", "data-node-count") != null || count(".status") > 0);
          }
          long scrollWidth = browser.jsLong("return document.documentElement.scrollWidth;");
          long clientWidth = browser.jsLong("return document.documentElement.clientWidth;");
          assertThat(scrollWidth).as("%s at %d px (%s): no horizontal scroll", view.getKey(), width, theme)
              .isLessThanOrEqualTo(clientWidth);
          String name = view.getKey() + "-" + width + (theme.equals("dark") ? "-dark" : "");
          browser.screenshot(SCREENSHOTS, name);
        }
      }
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static String decoded(String text) {
    return text == null ? "" : URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static String state() {
    return (String) browser.js("return document.getElementById('main').dataset.state;");
  }

  private static long count(String selector) {
    return browser.jsLong("return document.querySelectorAll(arguments[0]).length;", selector);
  }

  private static String text(String selector) {
    return browser.driver.findElement(By.cssSelector(selector)).getText();
  }

  private static String attr(String selector, String name) {
    return (String) browser.js("const e = document.querySelector(arguments[0]); return e && e.getAttribute(arguments[1]);",
        selector, name);
  }

  /** The API requests of the current document (resource timing), e.g. "/api/search". */
  @SuppressWarnings("unchecked")
  private static List<String> apiRequests(String path) {
    return (List<String>) browser.js("return performance.getEntriesByType('resource').map((e) => e.name)"
        + ".filter((name) => new URL(name).pathname === arguments[0]);", path);
  }
}
