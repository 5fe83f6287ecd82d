package org.dailydl.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

/**
 * The query on its way from the search page into an article, in a real browser against the real
 * app over {@code content/}: the hit's link carries it, the article highlights its words (Chinese
 * without word boundaries, English in any case), scrolls to the first and clears on request;
 * headings have permalinks; internal links preview their article on hover.
 */
class BrowserQueryTest {
  private static final String SELF_ATTENTION_PATH = "08-LLM/Attentionisallyouneed/selfattention.md";

  @RegisterExtension static final SharedCorpus corpus = SharedCorpus.content();
  static BrowserServer server;
  static BrowserSession browser;
  static String selfAttentionId;

  private final List<String> expectedNotFound = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    BrowserSession.requireBrowser();
    server = BrowserServer.start(corpus);
    browser = BrowserSession.start(server.origin, true);
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

  @AfterEach
  void consoleIsCleanAndRequestsStayOnTheOrigin() {
    assertThat(browser.consoleErrors(expectedNotFound)).as("console errors").isEmpty();
    assertThat(browser.foreignRequests()).as("requests leaving the server").isEmpty();
  }

  // ---- the query in the article -------------------------------------------------------------------

  @Test
  void a_search_hit_opens_its_article_with_the_query_highlighted_and_scrolled_to() {
    browser.open("/search?q=" + BrowserServer.enc("注意力"));
    WebElement link = browser.driver.findElement(By.cssSelector(".hit .hit__title a"));
    assertThat(decoded(link.getAttribute("href"))).as("the hit carries the query").endsWith("?q=注意力");
    link.click();
    browser.waitFor("the article", () -> browser.pathAndQuery().startsWith("/articles/") && "ready".equals(state()));
    assertThat(decoded(browser.pathAndQuery())).endsWith("?q=注意力");

    List<String> marked = markedTexts();
    assertThat(marked).as("passages marked").isNotEmpty().allSatisfy(t -> assertThat(t).isEqualTo("注意力"));
    assertThat(attr(".query-bar", "data-count")).isEqualTo(String.valueOf(marked.size()));
    assertThat(text(".query-bar")).contains("注意力").contains(marked.size() + " 处");
    browser.waitFor("the first passage on screen", () -> Boolean.TRUE.equals(browser.js("""
        const m = document.querySelector('mark.query-hit');
        const r = m.getBoundingClientRect();
        return m.classList.contains('is-current') && r.top >= 0 && r.bottom <= window.innerHeight;""")));

    // the next passage, then Esc clears every mark and the query leaves the address
    if (marked.size() > 1) {
      browser.driver.findElement(By.xpath("//div[@class='query-bar']//button[contains(., '下一处')]")).click();
      assertThat(browser.jsLong("return [...document.querySelectorAll('mark.query-hit')].findIndex((m) => m.classList.contains('is-current'));"))
          .isEqualTo(1);
    }
    browser.js("document.activeElement.blur();");
    new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
    browser.waitFor("the highlight to clear", () -> count("mark.query-hit") == 0 && count(".query-bar") == 0);
    assertThat(browser.pathAndQuery()).doesNotContain("q=");
    assertThat(count(".markdown-body h1")).as("the article itself is still there").isEqualTo(1);
  }

  @Test
  void english_terms_match_in_any_case_and_the_clear_button_removes_the_marks() {
    browser.open("/articles/" + selfAttentionId + "?q=ATTENTION");
    List<String> marked = markedTexts();
    assertThat(marked).isNotEmpty().allSatisfy(t -> assertThat(t).isEqualToIgnoringCase("attention"));
    assertThat(marked).as("written otherwise than the query").anySatisfy(t -> assertThat(t).isNotEqualTo("ATTENTION"));
    assertThat(count(".katex mark")).as("formulas are left alone").isZero();

    browser.driver.findElement(By.cssSelector(".query-bar__clear")).click();
    browser.waitFor("the highlight to clear", () -> count("mark.query-hit") == 0);
    assertThat(browser.pathAndQuery()).isEqualTo("/articles/" + selfAttentionId);
  }

  @Test
  void a_chinese_query_without_spaces_is_marked_by_its_words() {
    // the article has 注意力 and 公式 but the query runs them together, as Chinese does
    browser.open("/articles/" + selfAttentionId + "?q=" + BrowserServer.enc("自注意力机制的公式"));
    List<String> marked = markedTexts();
    assertThat(marked).contains("注意力").contains("公式");
    assertThat(marked).as("every mark is the query or one of its words")
        .allSatisfy(t -> assertThat("自注意力机制的公式").contains(t));
    assertThat(marked).as("no single characters").allSatisfy(t -> assertThat(t.length()).isGreaterThan(1));
  }

  @Test
  void an_article_without_the_query_says_so_and_offers_to_clear() {
    browser.open("/articles/" + selfAttentionId + "?q=" + BrowserServer.enc("量子色动力学"));
    assertThat(count("mark.query-hit")).isZero();
    assertThat(attr(".query-bar", "data-count")).isEqualTo("0");
    assertThat(text(".query-bar")).contains("文中没有出现");
    assertThat(browser.jsLong("return Math.round(window.scrollY);")).as("nothing to scroll to: the top").isZero();
  }

  // ---- search modes and nothing found ------------------------------------------------------------

  @Test
  void without_semantic_search_the_mode_switch_offers_only_keywords() {
    ApiAnswer answer = server.get("/api/search?q=" + BrowserServer.enc("注意力"));
    assertThat(answer.body().get("semanticEnabled").asBoolean()).as("this server runs without embeddings").isFalse();
    browser.open("/search?q=" + BrowserServer.enc("注意力"));
    assertThat(browser.js("return document.querySelector('.mode-switch input:checked').value;")).isEqualTo("lexical");
    assertThat(browser.js("return [...document.querySelectorAll('.mode-switch input')].map((i) => i.value + ':' + i.disabled).join(' ');"))
        .isEqualTo("lexical:false semantic:true hybrid:true");
    assertThat(text(".mode-switch")).contains("关键词").contains("语义").contains("混合");
    assertThat(attr(".mode-switch__option:has(#mode-semantic)", "title")).contains("没有启用语义搜索");
  }

  @Test
  void a_query_that_finds_nothing_says_so_clearly() {
    String query = "qzxqzv 量子色动力学";
    ApiAnswer answer = server.get("/api/search?q=" + BrowserServer.enc(query));
    assertThat(answer.body().get("total").asLong()).as("the API finds nothing").isZero();
    browser.open("/search?q=" + BrowserServer.enc(query));
    assertThat(text(".results-header__title")).startsWith("没有找到").contains(query);
    assertThat(count(".hits .hit")).isZero();
    assertThat(count("[data-empty=true]")).isEqualTo(1);
    assertThat(text("[data-empty=true] .status__title")).isEqualTo("没有找到");
    assertThat(count("h1")).as("one h1 on the page").isEqualTo(1);
    assertThat(browser.js("return document.querySelector('.pager').hidden;")).isEqualTo(true);
    JsonNode suggestion = answer.body().get("suggestion");
    if (suggestion != null && !suggestion.isNull()) {
      assertThat(text("[data-empty=true] .did-you-mean")).isEqualTo(suggestion.asText());
    } else {
      assertThat(count(".did-you-mean")).as("no suggestion to offer").isZero();
    }
    assertThat(text("#live")).contains("没有找到");
  }

  // ---- headings and links -------------------------------------------------------------------------

  @Test
  void every_section_heading_has_a_keyboard_reachable_permalink() {
    browser.open("/articles/" + selfAttentionId);
    long headings = count(".markdown-body :is(h2, h3, h4)[id]:not(.article__title)");
    assertThat(headings).isGreaterThan(2);
    assertThat(count(".markdown-body :is(h2, h3, h4)[id] > a.heading-anchor")).isEqualTo(headings);
    assertThat(browser.js("return [...document.querySelectorAll('.heading-anchor')].every((a) =>"
        + " decodeURIComponent(a.getAttribute('href')) === '#' + a.parentElement.id && a.getAttribute('aria-label').includes('本节链接'));"))
        .isEqualTo(true);
    assertThat(browser.js("return getComputedStyle(document.querySelector('.heading-anchor')).opacity;"))
        .as("hidden until hover or focus").isEqualTo("0");

    // Tab from the first permalink reaches the second one: the permalinks are in the tab order
    List<WebElement> anchors = browser.driver.findElements(By.cssSelector(".heading-anchor"));
    browser.js("arguments[0].focus();", anchors.get(0));
    String second = anchors.get(1).getAttribute("href");
    for (int i = 0; i < 80 && !second.equals(browser.js("return document.activeElement.href;")); i++) {
      new Actions(browser.driver).sendKeys(Keys.TAB).perform();
    }
    assertThat(browser.js("return document.activeElement.href;")).isEqualTo(second);
    browser.waitFor("the focused permalink to show", () -> "1".equals(
        browser.js("return getComputedStyle(document.activeElement).opacity;")));
    new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
    browser.waitFor("the section in the address", () -> second.equals(browser.js("return location.href;")));
  }

  @Test
  void internal_links_preview_their_article_on_hover() {
    browser.open("/articles/" + selfAttentionId);
    browser.js("performance.setResourceTimingBufferSize(10000); performance.clearResourceTimings();");
    WebElement link = browser.driver.findElement(By.cssSelector(".markdown-body a[href^='/articles/']:not(.heading-anchor)"));
    String id = decoded((String) browser.js("return new URL(arguments[0].href).pathname;", link)).replaceAll("^/articles/", "");
    ApiAnswer target = server.get("/api/articles/" + BrowserServer.enc(id));
    assertThat(target.ok()).isTrue();
    JsonNode article = target.body();

    browser.js("arguments[0].scrollIntoView({block: 'center'});", link);
    new Actions(browser.driver).moveToElement(link).perform();
    browser.waitFor("the preview", () -> id.equals(attr(".link-preview", "data-for")) && visible(".link-preview"));
    assertThat(text(".link-preview__title")).isEqualTo(article.get("title").asText());
    assertThat(link.getAttribute("aria-describedby")).isEqualTo("link-preview");
    assertThat(attr(".link-preview", "role")).isEqualTo("tooltip");
    String shown = text(".link-preview");
    assertThat(shown.length()).as("summary or first lines besides the title").isGreaterThan(article.get("title").asText().length() + 10);

    new Actions(browser.driver).moveToElement(browser.driver.findElement(By.cssSelector(".article__title"))).perform();
    browser.waitFor("the preview to close", () -> !visible(".link-preview"));
    assertThat(link.getAttribute("aria-describedby")).isNull();

    // hovering again shows it from the cache: still one request for the article
    new Actions(browser.driver).moveToElement(link).perform();
    browser.waitFor("the preview again", () -> visible(".link-preview"));
    assertThat(apiRequests("/api/articles/" + id)).as("requests for the previewed article").hasSize(1);
    new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
    browser.waitFor("Esc to close it", () -> !visible(".link-preview"));
  }

  @Test
  void keyboard_focus_on_an_internal_link_previews_it_too() {
    browser.open("/articles/" + selfAttentionId);
    browser.js("document.querySelector('.heading-anchor').focus();");
    String internal = "return document.activeElement.matches(\".markdown-body a[href^='/articles/']:not(.heading-anchor)\");";
    for (int i = 0; i < 80 && !Boolean.TRUE.equals(browser.js(internal)); i++) {
      new Actions(browser.driver).sendKeys(Keys.TAB).perform(); // keyboard focus, as a reader tabs
    }
    assertThat(browser.js(internal)).as("Tab reaches an internal link").isEqualTo(true);
    String focused = (String) browser.js("return new URL(document.activeElement.href).pathname;");
    browser.waitFor("the preview of the focused link", () -> visible(".link-preview")
        && "link-preview".equals(browser.js("return document.activeElement.getAttribute('aria-describedby');")));
    assertThat(decoded(focused)).isEqualTo("/articles/" + attr(".link-preview", "data-for"));
    new Actions(browser.driver).sendKeys(Keys.TAB).perform();
    browser.waitFor("the preview to leave with the focus",
        () -> !decoded(focused).equals("/articles/" + attr(".link-preview", "data-for")));
  }

  // ---- helpers ------------------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private static List<String> markedTexts() {
    return (List<String>) browser.js("return [...document.querySelectorAll('mark.query-hit')].map((m) => m.textContent);");
  }

  private static boolean visible(String selector) {
    return Boolean.TRUE.equals(browser.js("const e = document.querySelector(arguments[0]);"
        + " return !!e && !e.hidden && e.getBoundingClientRect().height > 0;", selector));
  }

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

  @SuppressWarnings("unchecked")
  private static List<String> apiRequests(String path) {
    return (List<String>) browser.js("return performance.getEntriesByType('resource').map((e) => e.name)"
        + ".filter((name) => decodeURIComponent(new URL(name).pathname) === arguments[0]);", path);
  }
}
