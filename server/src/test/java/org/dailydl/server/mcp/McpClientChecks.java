package org.dailydl.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;

/** What an agent does with the knowledge base through the SDK's own client, on any transport. */
final class McpClientChecks {
  private static final ObjectMapper JSON = new ObjectMapper();

  private McpClientChecks() {}

  static JsonNode call(McpSyncClient client, String tool, Map<String, Object> args) throws Exception {
    McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(args).build());
    assertThat(result.isError()).as("%s %s: %s", tool, args, result.content()).isFalse();
    return JSON.readTree(text(result));
  }

  static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  /** Initialises, then lists and calls every tool and reads an article resource, asserting what comes back. */
  static void exercise(McpSyncClient client) throws Exception {
    McpSchema.InitializeResult init = client.initialize();
    assertThat(init.serverInfo().name()).isEqualTo("dailydl");
    assertThat(init.capabilities().tools()).isNotNull();
    assertThat(init.capabilities().resources()).isNotNull();

    assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
        .containsExactlyInAnyOrder("search", "get_article", "related", "list_categories");

    JsonNode search = call(client, "search", Map.of("query", "注意力", "size", 3, "mode", "lexical"));
    assertThat(search.get("total").asInt()).isPositive();
    JsonNode hit = search.get("hits").get(0);
    assertThat(search.get("hits").size()).isBetween(1, 3);
    assertThat(hit.get("title").asText()).contains("注意力");
    assertThat(hit.get("snippet").asText()).contains("**").doesNotContain("<mark>");
    String path = hit.get("path").asText();
    assertThat(path).endsWith(".md");

    JsonNode article = call(client, "get_article", Map.of("path", path));
    assertThat(article.get("path").asText()).isEqualTo(path);
    assertThat(article.get("title").asText()).isEqualTo(hit.get("title").asText());
    assertThat(article.get("markdown").asText()).contains("# ").contains("注意力");
    JsonNode byId = call(client, "get_article", Map.of("id", hit.get("id").asText()));
    assertThat(byId.get("markdown").asText()).isEqualTo(article.get("markdown").asText());

    JsonNode related = call(client, "related", Map.of("path", "深度学习/CNN.md"));
    assertThat(related.get("hits").size()).isPositive();
    assertThat(related.get("hits").get(0).get("reasons").size()).isPositive();

    JsonNode categories = call(client, "list_categories", Map.of());
    assertThat(categories.get("categories").findValuesAsText("name")).contains("深度学习", "机器学习");

    McpSchema.CallToolResult missing = client.callTool(McpSchema.CallToolRequest.builder("get_article")
        .arguments(Map.of("path", "nowhere/none.md")).build());
    assertThat(missing.isError()).isTrue();
    assertThat(text(missing)).contains("no article");
    McpSchema.CallToolResult tooMany = client.callTool(McpSchema.CallToolRequest.builder("search")
        .arguments(Map.of("query", "注意力", "size", 1000)).build());
    assertThat(tooMany.isError()).isTrue();

    assertThat(client.listResourceTemplates().resourceTemplates()).extracting(McpSchema.ResourceTemplate::uriTemplate)
        .containsExactly("dailydl://articles/{path}");
    assertThat(client.listResources().resources()).extracting(McpSchema.Resource::uri)
        .contains("dailydl://articles/" + path);
    McpSchema.ReadResourceResult read = client.readResource(McpSchema.ReadResourceRequest.builder(
        "dailydl://articles/" + path).build());
    McpSchema.TextResourceContents contents = (McpSchema.TextResourceContents) read.contents().get(0);
    assertThat(contents.mimeType()).isEqualTo("text/markdown");
    assertThat(contents.text()).isEqualTo(article.get("markdown").asText());
    // a client that expands the template strictly encodes the slashes: the same article
    String encoded = "dailydl://articles/" + URLEncoder.encode(path, StandardCharsets.UTF_8).replace("+", "%20");
    McpSchema.ReadResourceResult again = client.readResource(McpSchema.ReadResourceRequest.builder(encoded).build());
    assertThat(((McpSchema.TextResourceContents) again.contents().get(0)).text()).isEqualTo(contents.text());
    Assertions.assertThatThrownBy(() -> client.readResource(McpSchema.ReadResourceRequest.builder(
        "dailydl://articles/nowhere/none.md").build())).isInstanceOf(McpError.class);

    callsAtOnce(client);
  }

  /**
   * An agent's parallel tool calls on one client: every one is sent and answered with its own
   * result (a transport that drops a message when two threads send at once fails this).
   */
  private static void callsAtOnce(McpSyncClient client) throws Exception {
    List<String> queries = List.of("注意力", "卷积", "梯度下降", "决策树", "循环神经网络", "正则化", "反向传播", "聚类",
        "词向量", "损失函数", "学习率", "过拟合");
    ExecutorService pool = Executors.newFixedThreadPool(queries.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<JsonNode>> answers = new ArrayList<>();
      for (String q : queries) {
        answers.add(pool.submit(() -> {
          start.await();
          return call(client, "search", Map.of("query", q, "size", 1, "mode", "lexical"));
        }));
      }
      start.countDown();
      for (int i = 0; i < queries.size(); i++) {
        assertThat(answers.get(i).get(60, TimeUnit.SECONDS).get("query").asText()).isEqualTo(queries.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
