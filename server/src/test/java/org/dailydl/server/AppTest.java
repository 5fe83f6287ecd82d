package org.dailydl.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.HttpClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import okhttp3.Response;
import org.dailydl.server.semantic.SemanticService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
/** Every route over HTTP: a happy path and an error each. */
class AppTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path temp;
  static TestIndex index;

  @BeforeAll
  static void open() {
    index = TestIndex.ofFixtures(temp);
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static JsonNode json(Response response) throws Exception {
    return JSON.readTree(response.body().string());
  }

  /** An RFC 9457 problem of this status, for the request's path. */
  static void assertJsonError(Response response, int status) throws Exception {
    assertThat(response.code()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    JsonNode body = json(response);
    assertThat(body.get("type").asText()).isEqualTo("about:blank");
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("title").asText()).isNotBlank();
    assertThat(body.get("detail").asText()).isNotBlank();
    assertThat(body.get("instance").asText()).isEqualTo(response.request().url().encodedPath());
  }

  /** The id of the one article {@code GET /api/articles?path=} lists. */
  static String idAt(HttpClient client, String path) throws Exception {
    JsonNode list = json(client.get("/api/articles?path=" + enc(path)));
    assertThat(list.get("total").asInt()).isEqualTo(1);
    return list.get("articles").get(0).get("id").asText();
  }

  @Test
  void search_returns_hits_and_validates_parameters() {
    OpenApiContract.test(index.app(), (server, client) -> {
      JsonNode body = json(client.get("/api/search?q=" + enc("注意力") + "&size=5"));
      assertThat(body.get("total").asInt()).isPositive();
      JsonNode hit = body.get("hits").get(0);
      for (String field : new String[] {"id", "path", "title", "category", "snippet", "score"}) {
        assertThat(hit.has(field)).as(field).isTrue();
      }
      assertThat(body.get("facets").get("category").isArray()).isTrue();
      assertJsonError(client.get("/api/search"), 400);
      assertJsonError(client.get("/api/search?q=a&size=0"), 400);
      assertJsonError(client.get("/api/search?q=a&size=101"), 400);
      assertJsonError(client.get("/api/search?q=a&page=-1"), 400);
      assertJsonError(client.get("/api/search?q=a&page=abc"), 400);
      assertJsonError(client.get("/api/search?q=a&q=b"), 400);
      assertJsonError(client.get("/api/search?q=" + "长".repeat(257)), 400);
      assertJsonError(client.get("/api/search?q=a&syntax=regex"), 400);
      assertJsonError(client.get("/api/search?q=a&mode=magic"), 400);
      JsonNode lexical = json(client.get("/api/search?mode=lexical&q=" + enc("注意力")));
      assertThat(lexical.get("mode").asText()).isEqualTo("lexical");
      assertThat(lexical.get("hits").get(0).get("signals").get(0).asText()).isEqualTo("lexical");
      JsonNode syntax = json(client.get("/api/search?syntax=lucene&q=" + enc("title:(注意力")));
      assertThat(syntax.get("status").asInt()).isEqualTo(400);
      assertThat(syntax.get("detail").asText()).contains("syntax");
    });
  }

  @Test
  void a_repeated_search_is_answered_from_the_cache_with_the_same_json_and_its_own_time() {
    OpenApiContract.test(index.app(), (server, client) -> {
      String path = "/api/search?size=3&q=" + enc("卷积 \"tookMs\":1");
      JsonNode first = json(client.get(path));
      Response again = client.get(path);
      assertThat(again.code()).isEqualTo(200);
      assertThat(again.header("Content-Type")).startsWith("application/json");
      JsonNode second = json(again);
      assertThat(second.get("tookMs").isIntegralNumber()).isTrue();
      assertThat(first.get("hits").size()).isPositive();
      ((ObjectNode) first).remove("tookMs");
      ((ObjectNode) second).remove("tookMs");
      assertThat(second).isEqualTo(first);
      assertThat(second.get("query").asText()).isEqualTo("卷积 \"tookMs\":1");
    });
  }

  @Test
  void suggest_completes_titles_and_headings() {
    OpenApiContract.test(index.app(), (server, client) -> {
      JsonNode body = json(client.get("/api/suggest?q=" + enc("注意")));
      assertThat(body.get("suggestions").get(0).get("text").asText()).isEqualTo("注意力机制（Attention）");
      JsonNode heading = json(client.get("/api/suggest?q=" + enc("缩放")));
      assertThat(heading.get("suggestions").get(0).get("kind").asText()).isEqualTo("heading");
      assertJsonError(client.get("/api/suggest?q=a&size=500"), 400);
    });
  }

  @Test
  void articles_list_filter_lookup_by_path_and_by_id() {
    OpenApiContract.test(index.app(), (server, client) -> {
      JsonNode list = json(client.get("/api/articles?category=" + enc("机器学习")));
      assertThat(list.get("total").asInt()).isEqualTo(2);
      JsonNode one = json(client.get("/api/articles?path=" + enc("深度学习/CNN.md"))).get("articles").get(0);
      assertThat(one.get("title").asText()).isEqualTo("卷积神经网络（CNN）");
      JsonNode byId = json(client.get("/api/articles/" + one.get("id").asText()));
      assertThat(byId.get("html").asText()).contains("<h1");
      assertThat(byId.get("path").asText()).isEqualTo("深度学习/CNN.md");
      assertThat(byId.get("backlinks").size()).isPositive();
      assertJsonError(client.get("/api/articles/does-not-exist"), 404);
      assertJsonError(client.get("/api/articles?path=" + enc("../../../etc/passwd")), 400);
      assertJsonError(client.get("/api/articles?path=" + enc("深度学习/none.md")), 404);
      assertJsonError(client.get("/api/articles?category=" + enc("机器学习") + "&path=" + enc("深度学习/CNN.md")), 404);
    });
  }

  @Test
  void related_by_id_and_by_path_with_reasons() {
    OpenApiContract.test(index.app(), (server, client) -> {
      String path = enc("机器学习/05_KNN.md");
      JsonNode byPath = json(client.get("/api/related?path=" + path + "&size=3"));
      JsonNode hit = byPath.get("hits").get(0);
      for (String field : new String[] {"id", "path", "title", "score", "reasons"}) {
        assertThat(hit.has(field)).as(field).isTrue();
      }
      assertThat(hit.get("reasons").size()).isPositive();
      String id = idAt(client, "机器学习/05_KNN.md");
      assertThat(json(client.get("/api/articles/" + id + "/related?size=3"))).isEqualTo(byPath);
      assertJsonError(client.get("/api/articles/nope/related"), 404);
      assertJsonError(client.get("/api/related?path=" + enc("nope.md")), 404);
      assertJsonError(client.get("/api/related"), 400);
      assertJsonError(client.get("/api/related?path=" + path + "&size=0"), 400);
    });
  }

  @Test
  void graph_whole_and_neighbourhood_with_validated_depth() {
    OpenApiContract.test(index.app(), (server, client) -> {
      JsonNode whole = json(client.get("/api/graph"));
      assertThat(whole.get("nodes").size()).isGreaterThan(10);
      assertThat(whole.get("edges").size()).isPositive();
      JsonNode node = whole.get("nodes").get(0);
      for (String field : new String[] {"id", "label", "kind", "weight"}) {
        assertThat(node.has(field)).as(field).isTrue();
      }
      String id = idAt(client, "深度学习/CNN.md");
      JsonNode local = json(client.get("/api/graph?center=" + id + "&depth=2"));
      assertThat(local.get("nodes").findValuesAsText("id")).contains(id);
      assertJsonError(client.get("/api/graph?center=" + id + "&depth=3"), 400);
      assertJsonError(client.get("/api/graph?center=" + id + "&depth=0"), 400);
      assertJsonError(client.get("/api/graph?center=" + id + "&depth=-1"), 400);
      assertJsonError(client.get("/api/graph?center=nope"), 404);
    });
  }

  @Test
  void reindex_is_disabled_without_a_token_and_needs_it_when_configured() {
    OpenApiContract.test(index.app(), (server, client) -> assertJsonError(client.post("/api/reindex", ""), 403));
    var app = App.create(ServeCommand.features(index.handle, index.glossary(), "s3cret", SemanticService.disabled()), App.Settings.DEFAULT);
    OpenApiContract.test(app, (server, client) -> {
      assertJsonError(client.post("/api/reindex", ""), 401);
      assertJsonError(client.post("/api/reindex", "", req -> req.header("Authorization", "Bearer wrong")), 401);
      Response ok = client.post("/api/reindex", "", req -> req.header("Authorization", "Bearer s3cret"));
      assertThat(ok.code()).isEqualTo(200);
      assertThat(json(ok).get("mode").asText()).isEqualTo("unchanged");
    });
  }

  @Test
  void categories_stats_and_health() {
    OpenApiContract.test(index.app(), (server, client) -> {
      JsonNode categories = json(client.get("/api/categories"));
      assertThat(categories.findValuesAsText("name")).contains("深度学习", "机器学习");
      JsonNode stats = json(client.get("/api/stats"));
      assertThat(stats.get("articles").asInt()).isEqualTo(10);
      assertThat(stats.get("analysisVersion").asText()).isNotBlank();
      assertThat(json(client.get("/health")).get("status").asText()).isEqualTo("ok");
    });
  }

  @Test
  void unknown_routes_and_wrong_methods_are_json_errors() {
    OpenApiContract.test(index.app(), (server, client) -> {
      assertJsonError(client.get("/api/nope"), 404);
      assertJsonError(client.post("/api/search?q=a", "{}"), 405);
      assertJsonError(client.delete("/api/articles/x"), 405);
    });
  }

  @Test
  void openapi_document_and_swagger_ui_are_served_locally() {
    OpenApiContract.test(index.app(), (server, client) -> {
      JsonNode doc = json(client.get("/openapi"));
      assertThat(doc.get("paths").has("/api/search")).isTrue();
      assertThat(doc.get("paths").has("/api/articles/{id}")).isTrue();
      Response swagger = client.get("/swagger");
      assertThat(swagger.code()).isEqualTo(200);
      String html = swagger.body().string();
      assertThat(html).contains("swagger").doesNotContain("https://unpkg").doesNotContain("cdn.jsdelivr");
    });
  }

  @Test
  void page_routes_serve_the_page_with_security_headers() {
    OpenApiContract.test(index.app(), (server, client) -> {
      String id = json(client.get("/api/articles")).get("articles").get(0).get("id").asText();
      for (String route : new String[] {"/", "/search?q=x", "/articles/" + id, "/graph", "/articles/abc"}) {
        Response page = client.get(route);
        // an article that does not exist is still a page: the site's, saying so
        assertThat(page.code()).as(route).isEqualTo(route.equals("/articles/abc") ? 404 : 200);
        assertThat(page.body().string()).as(route).contains("<!doctype html>");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isNotBlank();
      }
    });
  }
}
