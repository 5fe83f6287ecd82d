package org.dailydl.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.App;
import org.dailydl.server.ServeCommand;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.semantic.SemanticService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The search page with semantic search on: hits found by meaning alone say so. */
class BrowserSemanticTest {
  @TempDir static Path temp;
  static IndexHandle handle;
  static SemanticService semantics;
  static Javalin app;
  static BrowserSession browser;

  @BeforeAll
  static void start() throws Exception {
    BrowserSession.requireBrowser();
    Path content = BrowserServer.findContent();
    handle = IndexHandle.open(content, temp.resolve("index"));
    semantics = new SemanticService(temp.resolve("index"), SemanticService.QUERY_INSTRUCTION);
    semantics.update();
    app = App.create(ServeCommand.Services.create(handle, Glossary.forContent(content), null, semantics),
        App.Settings.DEFAULT).start("127.0.0.1", 0);
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
    if (semantics != null) {
      semantics.close();
    }
    if (handle != null) {
      handle.close();
    }
  }

  @Test
  void hits_found_by_meaning_alone_carry_a_badge_and_the_others_do_not() throws Exception {
    String query = "怎么让训练更快收敛";
    String encoded = URLEncoder.encode(query, StandardCharsets.UTF_8);
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + app.port() + "/api/search?q=" + encoded)).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode result = new ObjectMapper().readTree(response.body());
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
