package org.dailydl.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.dailydl.server.SharedCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * axe-core (the WebJar on the test classpath) run in the browser tests' real Chromium over every
 * view of the page, in the light and the dark theme: no serious or critical violation, and none of
 * the rules this page once broke (links told apart from text by colour alone, contrast, scrolling
 * boxes out of reach of the keyboard, landmarks with the same name).
 */
class BrowserAccessibilityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SELF_ATTENTION_PATH = "08-LLM/Attentionisallyouneed/selfattention.md";
  /** Rules the page broke before, whatever impact axe gives them. */
  private static final Set<String> WATCHED = Set.of("link-in-text-block", "color-contrast",
      "scrollable-region-focusable", "landmark-unique");

  @RegisterExtension static final SharedCorpus corpus = SharedCorpus.content();
  static BrowserServer server;
  static BrowserSession browser;
  static String axeSource;
  static String selfAttentionId;

  @BeforeAll
  static void start() throws IOException {
    BrowserSession.requireBrowser();
    axeSource = axeCore();
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
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"light", "dark"})
  void home_has_no_serious_violations(String theme) {
    check(theme, "/", "home");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"light", "dark"})
  void search_results_have_no_serious_violations(String theme) {
    check(theme, "/search?q=" + BrowserServer.enc("注意力"), "search results");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"light", "dark"})
  void an_empty_search_has_no_serious_violations(String theme) {
    check(theme, "/search?q=" + BrowserServer.enc("qzxqzv 量子色动力学"), "empty search");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"light", "dark"})
  void an_article_with_highlights_has_no_serious_violations(String theme) {
    check(theme, "/articles/" + selfAttentionId + "?q=" + BrowserServer.enc("注意力 softmax"), "article");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"light", "dark"})
  void the_graph_has_no_serious_violations(String theme) {
    check(theme, "/graph", "graph");
  }

  private void check(String theme, String path, String view) {
    browser.js("localStorage.setItem('dailydl-theme', arguments[0]);", theme);
    browser.open(path);
    assertThat(browser.js("return document.documentElement.dataset.theme;")).isEqualTo(theme);
    // the optional panels of the reader and the graph's drawing are part of what is checked
    browser.waitFor("the panels", () -> Boolean.TRUE.equals(browser.js(
        "return [...document.querySelectorAll('[data-state]')].every((e) => e.dataset.state !== 'loading')"
            + " && (!document.getElementById('graph-canvas') || !!document.getElementById('graph-canvas').dataset.nodeCount);")));
    List<String> problems = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (JsonNode violation : violations()) {
      String id = violation.get("id").asText();
      String impact = violation.path("impact").asText();
      if (impact.equals("serious") || impact.equals("critical") || WATCHED.contains(id)) {
        StringBuilder line = new StringBuilder(id + " (" + impact + ", " + violation.get("count").asInt() + "): "
            + violation.get("help").asText());
        violation.get("nodes").forEach(n -> line.append("\n    ").append(n.asText()));
        problems.add(line.toString());
      } else {
        others.add(id + " (" + impact + ", " + violation.get("count").asInt() + ")");
      }
    }
    // moderate and minor findings outside the watched rules are reported, not failed on
    System.out.println("axe-core " + version() + " on " + view + " (" + theme + "): other findings " + others);
    assertThat(problems).as("axe-core %s on %s (%s)", version(), view, theme).isEmpty();
  }

  /** axe.run over the whole document: its violations, each with up to five of its nodes. */
  private JsonNode violations() {
    browser.js(axeSource + "\n;window.axe = axe;");
    Object answer = browser.driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ['violations'] })
          .then((r) => done(JSON.stringify(r.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
            nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' ')),
          })))))
          .catch((e) => done('axe failed: ' + e));""");
    String text = String.valueOf(answer);
    assertThat(text).as("axe ran").doesNotStartWith("axe failed");
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable axe answer: " + text, e);
    }
  }

  private static String version() {
    try (InputStream in = BrowserAccessibilityTest.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
      assertThat(in).as("the axe-core WebJar on the test classpath").isNotNull();
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String axeCore() throws IOException {
    String path = "/META-INF/resources/webjars/axe-core/" + version() + "/axe.min.js";
    try (InputStream in = BrowserAccessibilityTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
