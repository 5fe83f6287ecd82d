package org.dailydl.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The search page with semantic search on: hits found by meaning alone say so. */
class BrowserSemanticTest {
  @TempDir static Path temp;
  static BrowserServer server;
  static BrowserSession browser;

  @BeforeAll
  static void start() throws Exception {
    BrowserSession.requireBrowser();
    server = BrowserServer.startWithEmbeddings(temp.resolve("index"));
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
}
