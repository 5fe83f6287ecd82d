package org.dailydl.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import org.dailydl.server.graph.GraphService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;

/**
 * The graph page on a collection larger than the default cap: it draws the capped part and says
 * so, a category is drawn from the server's answer for it, and expanding a node adds exactly its
 * neighbours that were not drawn.
 *
 * <p>Skipped when the browser is not installed, except under {@code CI=true}, where that fails.
 */
class BrowserLargeGraphTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] WORDS = {"梯度下降", "反向传播", "卷积", "池化", "注意力", "词向量", "决策树", "随机森林",
      "支持向量机", "正则化", "过拟合", "交叉熵", "学习率", "批归一化", "残差连接", "循环神经网络", "长短期记忆", "编码器",
      "解码器", "聚类", "主成分分析", "贝叶斯", "马尔可夫链", "强化学习", "数据增强", "迁移学习", "知识蒸馏", "量化",
      "剪枝", "分词", "哈希表", "二叉树", "动态规划", "快速排序", "链表", "栈", "队列", "图搜索", "最短路径", "并查集"};
  static final int FOLDERS = 6;
  static final int PER_FOLDER = 60;

  static BrowserServer server;
  static BrowserSession browser;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    BrowserSession.requireBrowser();
    Path temp = Files.createTempDirectory("dailydl-large-graph");
    Path content = Files.createDirectories(temp.resolve("notes"));
    for (int f = 0; f < FOLDERS; f++) {
      Path folder = Files.createDirectories(content.resolve("part" + f));
      for (int i = 0; i < PER_FOLDER; i++) {
        int n = f * PER_FOLDER + i;
        String a = WORDS[n % WORDS.length];
        String b = WORDS[(n * 7 + 3) % WORDS.length];
        String c = WORDS[(n * 13 + f) % WORDS.length];
        StringBuilder text = new StringBuilder("# 笔记 " + a + "与" + b + " " + n + "\n\n");
        text.append("这篇笔记讨论").append(a).append("、").append(b).append("和").append(c).append("。")
            .append(a).append("常和").append(b).append("一起出现，").append(c).append("是补充。\n\n");
        // a few notes link many others: the best-connected ones
        int links = i % 10 == 0 ? 8 : 1;
        for (int k = 1; k <= links; k++) {
          text.append("- [相关](note").append((i + k * 5) % PER_FOLDER).append(".md)\n");
        }
        Files.writeString(folder.resolve("note" + i + ".md"), text.toString());
      }
    }
    server = BrowserServer.startOn(content, temp);
    browser = BrowserSession.start(server.origin, true);
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

  private static JsonNode get(String path) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url(path))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("GET " + path).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static Set<String> ids(JsonNode graph) {
    Set<String> ids = new HashSet<>();
    graph.path("nodes").forEach(n -> ids.add(n.path("id").asText()));
    return ids;
  }

  private long drawn() {
    return Long.parseLong(browser.driver.findElement(By.id("graph-canvas")).getAttribute("data-node-count"));
  }

  @Test
  void the_page_draws_the_capped_graph_a_category_s_own_part_and_expands_a_node() throws Exception {
    JsonNode capped = get("/api/graph");
    assertThat(capped.path("nodes").size()).isLessThanOrEqualTo(GraphService.DEFAULT_LIMIT);
    assertThat(capped.path("totalNodes").asInt()).isGreaterThan(FOLDERS * PER_FOLDER);
    browser.open("/graph");
    assertThat(drawn()).isEqualTo(capped.path("nodes").size());
    assertThat(browser.driver.findElement(By.cssSelector(".graph-toolbar__stats")).getText())
        .contains("全图 " + String.format("%,d", capped.path("totalNodes").asInt()));

    // an article whose neighbourhood holds nodes not drawn yet
    Set<String> shown = ids(capped);
    String expand = null;
    Set<String> added = null;
    for (JsonNode node : capped.path("nodes")) {
      if (!node.path("kind").asText().equals("article")) {
        continue;
      }
      Set<String> around = ids(get("/api/graph?depth=1&center=" + URLEncoder.encode(node.path("id").asText(), StandardCharsets.UTF_8)));
      around.removeAll(shown);
      if (!around.isEmpty()) {
        expand = node.path("id").asText();
        added = around;
        break;
      }
    }
    assertThat(expand).as("an article with neighbours outside the capped graph").isNotNull();
    browser.driver.findElement(By.cssSelector(".graph-nodes__summary")).click();
    String button = "#graph-nodes button[data-expand='" + expand + "']";
    browser.js("document.querySelector(arguments[0]).scrollIntoView({block: 'center'});", button);
    browser.driver.findElement(By.cssSelector(button)).click();
    long expected = shown.size() + added.size();
    browser.waitFor("the expanded drawing", () -> drawn() == expected);
    assertThat(browser.jsLong("return document.querySelectorAll('#graph-nodes a[data-node]').length;"))
        .as("the list follows the drawing").isEqualTo(expected);

    // a category of a capped graph is drawn from the server's answer for it
    JsonNode part = get("/api/graph?category=part3");
    new Select(browser.driver.findElement(By.id("graph-category"))).selectByValue("part3");
    browser.waitFor("the category's graph", () -> drawn() == part.path("nodes").size());
    assertThat(browser.jsLong("return [...document.querySelectorAll('#graph-nodes a[data-kind=article]')]"
        + ".filter((a) => a.dataset.category !== 'part3').length;")).isZero();
    assertThat(browser.pathAndQuery()).isEqualTo("/graph?category=part3");

    browser.collectLogs();
    List<String> errors = browser.console().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    assertThat(errors).as("console errors").isEmpty();
  }
}
