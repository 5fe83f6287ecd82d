package org.dailydl.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dailydl.server.SharedCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The search page with semantic search on: hits found by meaning alone say so, and the mode switch
 * (关键词 / 语义 / 混合) changes the ranking and stays in the URL.
 */
class BrowserSemanticTest {
  @RegisterExtension static final SharedCorpus corpus = SharedCorpus.content();
  static BrowserServer server;
  static BrowserSession browser;

  @BeforeAll
  static void start() throws Exception {
    BrowserSession.requireBrowser();
    server = BrowserServer.startWithEmbeddings(corpus);
    browser = BrowserSession.start(server.origin);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void hits_found_by_meaning_alone_carry_a_badge_and_the_others_do_not() throws Exception {
    String encoded = BrowserServer.enc("怎么让训练更快收敛");
    BrowserServer.ApiAnswer answer = server.get("/api/search?q=" + encoded);
    assertThat(answer.ok()).isTrue();
    JsonNode result = answer.body();
    assertThat(result.get("mode").asText()).isEqualTo("hybrid");
    List<String> meaningOnly = new ArrayList<>();
    for (JsonNode hit : result.get("hits")) {
      List<String> signals = new ArrayList<>();
      hit.get("signals").forEach(s -> signals.add(s.asText()));
      if (signals.equals(List.of("semantic"))) {
        meaningOnly.add(hit.get("path").asText());
      }
    }
    assertThat(meaningOnly).as("this query has hits only the dense ranking found").isNotEmpty();

    browser.open("/search?q=" + encoded);
    browser.waitFor("results", () -> !browser.driver.findElements(By.cssSelector(".hits .hit")).isEmpty());
    assertThat(browser.driver.findElement(By.cssSelector(".results-header__meta")).getText()).contains("关键词 + 语义");
    List<String> badged = new ArrayList<>();
    for (WebElement hit : browser.driver.findElements(By.cssSelector(".hits .hit"))) {
      if (!hit.findElements(By.cssSelector(".chip--semantic")).isEmpty()) {
        badged.add(hit.findElement(By.cssSelector(".hit__path")).getText());
        assertThat(hit.findElement(By.cssSelector(".chip--semantic")).getText()).isEqualTo("语义相近");
      }
    }
    assertThat(badged).containsExactlyInAnyOrderElementsOf(meaningOnly);
  }

  @Test
  void the_mode_switch_changes_the_ranking_and_stays_in_the_url() {
    String query = "注意力";
    browser.open("/search?q=" + BrowserServer.enc(query));
    assertThat(checkedMode()).as("hybrid by default").isEqualTo("hybrid");
    assertThat(browser.js("return [...document.querySelectorAll('.mode-switch input')].some((i) => i.disabled);")).isEqualTo(false);

    browser.driver.findElement(By.cssSelector("label[for=mode-lexical]")).click();
    browser.waitFor("keyword ranking", () -> browser.pathAndQuery().endsWith("&mode=lexical") && ready());
    assertThat(checkedMode()).isEqualTo("lexical");
    assertThat(hitPaths()).as("the page shows the lexical ranking")
        .isEqualTo(apiPaths("/api/search?mode=lexical&q=" + BrowserServer.enc(query)));
    assertThat(browser.driver.findElement(By.cssSelector(".results-header__meta")).getText()).doesNotContain("语义");

    browser.driver.findElement(By.cssSelector("label[for=mode-semantic]")).click();
    browser.waitFor("semantic ranking", () -> browser.pathAndQuery().endsWith("&mode=semantic") && ready());
    assertThat(hitPaths()).isEqualTo(apiPaths("/api/search?mode=semantic&q=" + BrowserServer.enc(query)));
    assertThat(browser.driver.findElement(By.cssSelector(".results-header__meta")).getText()).contains("按语义");
    browser.driver.navigate().refresh();
    browser.waitFor("the page after a reload", this::ready);
    assertThat(checkedMode()).as("the mode survives a reload").isEqualTo("semantic");

    // typing a new query keeps the mode
    WebElement box = browser.driver.findElement(By.id("q"));
    box.clear();
    box.sendKeys("梯度下降");
    browser.waitFor("the new query in the same mode", () -> java.net.URLDecoder.decode(browser.pathAndQuery(),
        java.nio.charset.StandardCharsets.UTF_8).equals("/search?q=梯度下降&mode=semantic") && ready());

    browser.driver.findElement(By.cssSelector("label[for=mode-hybrid]")).click();
    browser.waitFor("hybrid again, the default, out of the URL", () -> !browser.pathAndQuery().contains("mode=") && ready());
  }

  @Test
  void a_query_about_nothing_in_the_notes_says_nothing_was_found_in_every_mode() {
    for (String query : List.of("xyzzyqwv", "量子计算")) {
      for (String mode : List.of("hybrid", "semantic", "lexical")) {
        browser.open("/search?q=" + BrowserServer.enc(query) + "&mode=" + mode);
        browser.waitFor(query + " in " + mode, this::ready);
        assertThat(browser.driver.findElements(By.cssSelector(".hits .hit"))).as(query + ", " + mode).isEmpty();
        assertThat(browser.driver.findElement(By.cssSelector("[data-empty=true]")).getText())
            .as(query + ", " + mode).contains("没有找到");
        assertThat(browser.driver.findElement(By.id("main")).getText()).doesNotContain("找到 100 篇");
      }
    }
  }

  private boolean ready() {
    return "ready".equals(browser.js("return document.getElementById('main').dataset.state;"));
  }

  private String checkedMode() {
    return (String) browser.js("return document.querySelector('.mode-switch input:checked').value;");
  }

  @SuppressWarnings("unchecked")
  private List<String> hitPaths() {
    return (List<String>) browser.js("return [...document.querySelectorAll('.hits .hit .hit__path')].map((e) => e.textContent);");
  }

  private List<String> apiPaths(String path) {
    List<String> paths = new ArrayList<>();
    server.get(path).body().get("hits").forEach(hit -> paths.add(hit.get("path").asText()));
    return paths;
  }
}
