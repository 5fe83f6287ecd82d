package org.dailydl.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.javalin.Javalin;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.indexer.collection.ArticleIds;
import org.dailydl.server.App;
import org.dailydl.server.ServeCommand;
import org.dailydl.server.index.IndexHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Hostile Markdown renders inert in a real browser: no dialog opens and no script of the article runs. */
class BrowserHostileContentTest {
  @TempDir static Path temp;
  static IndexHandle handle;
  static Javalin app;
  static BrowserSession browser;

  static final String ATTACK = String.join("\n",
      "---",
      "title: 危险标题<img src=x onerror=\"window.__pwned='title'\"><script>window.__pwned='title2'</script>",
      "tags: [\"<svg onload=window.__pwned='tag'>\", 注入测试]",
      "summary: <script>alert('summary')</script>",
      "---",
      "",
      "# 注入测试文章",
      "",
      "<script>window.__pwned='script';alert('script')</script>",
      "",
      "<img src=x onerror=\"window.__pwned='img';alert('img')\">",
      "",
      "<iframe srcdoc=\"<script>parent.__pwned='srcdoc'</script>\"></iframe>",
      "",
      "<object data=\"javascript:window.__pwned='object'\"></object><embed src=\"javascript:alert(1)\">",
      "",
      "<style>body{display:none}</style><form action=\"javascript:alert(1)\"><button>提交</button></form>",
      "",
      "[小写](javascript:window.__pwned='link';alert('link')) [大写](JaVaScRiPt:window.__pwned='LINK')",
      "[vb](vbscript:msgbox(1)) [数据](data:text/html,<script>alert(1)</script>)",
      "![图](javascript:alert('image')) ![图2](data:image/svg+xml,<svg onload=alert(1)>)",
      "",
      "行内公式 $\\href{javascript:window.__pwned='katex'}{点我}$ 和 $\\url{javascript:alert(1)}$。",
      "",
      "注入测试的正文，包含关键词 注入测试 以便搜索。",
      "");

  @BeforeAll
  static void start() throws Exception {
    BrowserSession.requireBrowser();
    Path content = Files.createDirectories(temp.resolve("content/安全"));
    Files.writeString(content.resolve("攻击.md"), ATTACK);
    Files.writeString(content.resolve("正常.md"), "# 正常文章\n\n链接到[注入测试](攻击.md)。\n");
    handle = IndexHandle.open(temp.resolve("content"), temp.resolve("index"));
    app = App.create(ServeCommand.features(handle, Glossary.builtIn()), App.Settings.DEFAULT)
        .start("127.0.0.1", 0);
    browser = BrowserSession.start("http://127.0.0.1:" + app.port());
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (app != null) {
      app.stop();
    }
    if (handle != null) {
      handle.close();
    }
  }

  private static void assertInert() {
    try {
      String text = browser.driver.switchTo().alert().getText();
      fail("a dialog opened: " + text);
    } catch (NoAlertPresentException expected) {
      // no dialog: good
    }
    Object pwned = ((JavascriptExecutor) browser.driver).executeScript("return window.__pwned === undefined ? null : String(window.__pwned);");
    assertThat(pwned).as("a script from the article ran").isNull();
    List<WebElement> dangerous = browser.driver.findElements(By.cssSelector(
        "main script, main iframe, main object, main embed, main form, main style, [onerror], [onload], [onclick]"));
    assertThat(dangerous).isEmpty();
  }

  private static void open(String path) {
    browser.driver.get("http://127.0.0.1:" + app.port() + path);
    new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> ((JavascriptExecutor) d)
        .executeScript("return document.readyState").equals("complete"));
  }

  @Test
  void hostile_article_renders_inert_in_the_reader() throws Exception {
    open("/articles/" + ArticleIds.of("安全/攻击.md"));
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(d -> d.findElement(By.tagName("main")).getText().contains("注入测试的正文"));
    Thread.sleep(500);
    assertInert();
    for (WebElement link : browser.driver.findElements(By.cssSelector("main a[href]"))) {
      String href = link.getAttribute("href").toLowerCase().replaceAll("\\s", "");
      assertThat(href).doesNotStartWith("javascript:").doesNotStartWith("data:").doesNotStartWith("vbscript:");
    }
    for (WebElement link : browser.driver.findElements(By.xpath("//main//a[contains(., '小写') or contains(., '大写')]"))) {
      link.click();
      assertInert();
    }
    // the front-matter tag's HTML shows as text, not as an element
    assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("<svg onload=");
  }

  @Test
  void hostile_titles_tags_and_snippets_are_inert_in_search_results() throws Exception {
    open("/search?q=" + URLEncoder.encode("注入测试", StandardCharsets.UTF_8));
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(d -> d.findElement(By.tagName("main")).getText().contains("危险标题"));
    Thread.sleep(500);
    assertInert();
  }
}
