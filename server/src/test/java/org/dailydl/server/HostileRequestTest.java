package org.dailydl.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.dailydl.server.HostileInputs.Value;
import org.dailydl.server.index.IndexHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of hostile requests over every route of one running app on the fixture index: Lucene
 * syntax, unbalanced quotes, 10,000-character values, NUL and control bytes, invalid UTF-8, emoji
 * and bidi controls, path traversal, out-of-range numbers, repeated parameters, wrong methods and
 * malformed request lines. Every response must be below 500, every error on a JSON route must be a
 * JSON {status, title, detail}, and no body may carry a stack trace, a file read by traversal or the
 * server's paths. Requests go through {@link RawHttp}, so the bytes sent are exactly the bytes
 * written here.
 *
 * <p>The app is started once for the class ({@code Javalin#start(0)} on a random port, as
 * {@code JavalinTest} does per test); the last test checks the request count and that every
 * searcher was released.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRequestTest {
  static final String CANARY = "DAILYDL-CANARY-7f3a91";
  static final String HIDDEN = "不应该被索引";

  @TempDir static Path temp;
  static TestIndex index;
  static Javalin app;
  static RawHttp http;
  static Set<String> forbidden;
  static final AtomicInteger sent = new AtomicInteger();
  static String id;
  static String path;

  @BeforeAll
  static void start() throws IOException {
    index = TestIndex.ofFixtures(temp);
    // files just outside the content folder, and one a traversal from the index folder would reach
    Files.writeString(temp.resolve("canary.txt"), CANARY + "\n", StandardCharsets.UTF_8);
    Files.writeString(temp.resolve("outside.md"), "# " + CANARY + "\n\n" + CANARY + " body\n", StandardCharsets.UTF_8);
    try (IndexHandle.Lease snapshot = index.handle.acquire()) {
      var article = snapshot.corpus().catalog().byPath("深度学习/CNN.md").orElseThrow();
      id = article.id();
      path = HostileInputs.encode(article.path());
    }
    forbidden = new LinkedHashSet<>(List.of("Exception", "\tat org.", "at java.", "Caused by",
        "root:x:0:0", "[extensions]", CANARY, HIDDEN, temp.toAbsolutePath().toString(),
        temp.toRealPath().toString(), index.content.toAbsolutePath().toString()));
    app = index.app().start(0);
    http = new RawHttp(app.port(), 15_000);
  }

  @AfterAll
  static void stop() throws IOException {
    if (app != null) {
      app.stop();
    }
    if (index != null) {
      index.close();
    }
  }

  /** Text parameters of every route, and every page route's query string. */
  static final List<String> TEXT_TEMPLATES = List.of(
      "/api/search?syntax=plain&q={V}", "/api/search?q=a&category={V}", "/api/search?q=a&tag={V}", "/api/search?q=a&syntax={V}",
      "/api/search?{V}", "/api/articles?category={V}", "/api/articles?path={V}",
      "/api/related?path={V}", "/api/graph?center={V}", "/api/categories?x={V}", "/api/stats?x={V}",
      "/health?x={V}", "/api/reindex?full={V}", "/?q={V}", "/search?q={V}", "/graph?center={V}", "/articles/{ID}?x={V}", "/openapi?x={V}");

  /** Numeric parameters: size, page, depth. */
  static final List<String> NUMBER_TEMPLATES = List.of(
      "/api/search?q=a&page={V}", "/api/search?q=a&size={V}", "/api/search?syntax=lucene&q=title%3Aa&page=2&size={V}",
      "/api/suggest?q=a&size={V}", "/api/articles/{ID}/related?size={V}", "/api/related?path={PATH}&size={V}",
      "/api/graph?center={ID}&depth={V}", "/api/graph?depth={V}");

  /** Path parameters and free path segments (the static-file handler included). */
  static final List<String> PATH_TEMPLATES = List.of(
      "/api/articles/{V}", "/api/articles/{V}/related", "/api/articles/{V}/related?size=1", "/articles/{V}",
      "/api/{V}", "/{V}", "/webjars/{V}", "/js/{V}");

  static final List<String> ROUTES = List.of(
      "/api/search?q=a", "/api/suggest?q=a", "/api/articles", "/api/articles/{ID}", "/api/articles/{ID}/related",
      "/api/related?path={PATH}", "/api/graph", "/api/categories", "/api/stats", "/health", "/", "/search",
      "/articles/{ID}", "/graph", "/openapi", "/swagger", "/api/reindex");

  /** Query parameters that take free text: they get every fixed value. */
  static final List<String> QUERY_TEMPLATES = List.of(
      "/api/search?q={V}", "/api/search?syntax=lucene&q={V}", "/api/suggest?q={V}");

  @Test
  @Order(1)
  void query_text_survives_every_hostile_value() throws IOException {
    ResponseChecks local = newChecks();
    for (String template : QUERY_TEMPLATES) {
      for (Value value : HostileInputs.fixed()) {
        send(local, "GET", fill(template, value.wire()));
      }
    }
    assertThat(local.clean()).as(local.report()).isTrue();
  }

  @Test
  @Order(2)
  void text_parameters_of_every_route_survive_hostile_values() throws IOException {
    ResponseChecks local = newChecks();
    List<Value> values = withoutLucene(HostileInputs.fixed());
    for (int t = 0; t < TEXT_TEMPLATES.size(); t++) {
      // each template gets every third value, a different third for neighbouring templates
      for (Value value : every(values, 3, t)) {
        send(local, "GET", fill(TEXT_TEMPLATES.get(t), value.wire()));
      }
    }
    assertThat(local.clean()).as(local.report()).isTrue();
  }

  @Test
  @Order(3)
  void numeric_parameters_answer_200_or_400() throws IOException {
    ResponseChecks local = newChecks();
    for (String template : NUMBER_TEMPLATES) {
      for (Value value : HostileInputs.numeric()) {
        String target = fill(template, value.wire());
        RawHttp.Response response = send(local, "GET", target);
        // a value a parser could not read is dropped by Javalin and the default applies (200)
        if (response.status() != 200 && response.status() != 400 && target.length() < 8000) {
          local.add("numeric parameter answered neither 200 nor 400", "GET " + target + " -> " + response.status());
        }
      }
    }
    assertThat(local.clean()).as(local.report()).isTrue();
  }

  @Test
  @Order(4)
  void path_parameters_survive_traversal_and_never_read_files() throws IOException {
    ResponseChecks local = newChecks();
    List<Value> values = withoutLucene(HostileInputs.fixed());
    List<Value> traversal = values.stream().filter(v -> v.kind().startsWith("traversal")).toList();
    String canary = temp.resolve("canary.txt").toAbsolutePath().toString();
    for (int t = 0; t < PATH_TEMPLATES.size(); t++) {
      String template = PATH_TEMPLATES.get(t);
      List<Value> chosen = new ArrayList<>(traversal);
      chosen.addAll(every(values.stream().filter(v -> !traversal.contains(v)).toList(), 3, t));
      chosen.add(HostileInputs.text("absolute", canary));
      chosen.add(new Value("absolute-raw", HostileInputs.rawPath(canary)));
      for (Value value : chosen) {
        send(local, "GET", fill(template, value.wire()));
      }
    }
    // the path parameters given as query values, with paths outside the content folder that exist
    for (String outside : List.of(temp.resolve("canary.txt").toString(), temp.resolve("outside.md").toString(),
        index.content.resolve("README.md").toString(), index.content.resolve(".hidden/secret.md").toString())) {
      for (String template : List.of("/api/articles?path={V}", "/api/related?path={V}", "/api/graph?center={V}")) {
        RawHttp.Response response = send(local, "GET", fill(template, HostileInputs.encode(outside)));
        if (response.status() != 404 && response.status() != 400) {
          local.add("absolute path accepted", template + " " + outside + " -> " + response.status());
        }
      }
    }
    assertThat(local.clean()).as(local.report()).isTrue();
  }

  @Test
  @Order(5)
  void generated_values_from_a_fixed_seed_survive_every_route() throws IOException {
    ResponseChecks local = newChecks();
    List<String> templates = new ArrayList<>();
    templates.addAll(TEXT_TEMPLATES);
    templates.addAll(NUMBER_TEMPLATES);
    templates.addAll(PATH_TEMPLATES);
    Random random = new Random(HostileInputs.SEED);
    for (Value value : HostileInputs.generated(400)) {
      for (int i = 0; i < 2; i++) {
        send(local, "GET", fill(templates.get(random.nextInt(templates.size())), value.wire()));
      }
    }
    assertThat(local.clean()).as(local.report()).isTrue();
  }

  @Test
  @Order(6)
  void repeated_and_malformed_parameters_are_400_or_ignored() throws IOException {
    ResponseChecks local = newChecks();
    List<String> targets = new ArrayList<>(List.of(
        "/api/search?q=a&q=b", "/api/search?q=a&q=", "/api/search?q=&q=a", "/api/search?q=a&size=1&size=2",
        "/api/search?q=a&page=1&page=1", "/api/search?q=a&category=x&category=y", "/api/search?q=a&tag=x&tag=y",
        "/api/search?q=a&syntax=plain&syntax=lucene", "/api/suggest?q=a&q=b", "/api/suggest?q=a&size=1&size=1",
        "/api/articles?path={PATH}&path={PATH}", "/api/articles?category=x&category=x",
        "/api/related?path={PATH}&path=x", "/api/related?path={PATH}&size=1&size=2",
        "/api/articles/{ID}/related?size=1&size=1", "/api/graph?center={ID}&center={ID}",
        "/api/graph?center={ID}&depth=1&depth=2", "/api/search?q", "/api/search?=a", "/api/search?&&&",
        "/api/search?q=a&&&&", "/api/search?q=a;size=5", "/api/search?q=a&size", "/api/search?q=a&size=",
        "/api/search?Q=a", "/api/search?q%00=a", "/api/search?q=a&q%5B%5D=b", "/api/search?q[]=a",
        "/api/search?q.x=a", "/api/graph?center", "/api/related?path", "/api/articles?path"));
    targets.add("/api/search?" + "q=a&".repeat(300));
    targets.add("/api/search?q=a" + "&x=1".repeat(1500));
    targets.add("/api/graph?" + "depth=1&".repeat(500));
    for (String target : targets) {
      RawHttp.Response response = send(local, "GET", fill(target, ""));
      if (target.matches(".*[?&](q|size|page|category|tag|syntax|path|center|depth)=[^&]*&\\1=.*")
          && response.status() != 400) {
        local.add("repeated parameter not rejected with 400", target + " -> " + response.status());
      }
    }
    assertThat(local.clean()).as(local.report()).isTrue();
  }

  @Test
  @Order(7)
  void wrong_methods_on_every_route_are_client_errors() throws IOException {
    ResponseChecks local = newChecks();
    List<String> bodies = List.of("{}", "q=a&size=5", "{\"q\":\"<script>\"}", "\u0000\u0001garbage");
    int b = 0;
    for (String route : ROUTES) {
      for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "FOO", "HEAD")) {
        String target = fill(route, "");
        String body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
            ? bodies.get(b++ % bodies.size()) : null;
        sent.incrementAndGet();
        RawHttp.Response response = http.send(method, target, body);
        if (method.equals("OPTIONS")) {
          // answered on every route with the methods it serves (204 and Allow), not an operation of the document
          if (response.status() != 204) {
            local.add("OPTIONS is not answered with 204", method + " " + target + " -> " + response.status());
          }
          continue;
        }
        local.check(method, target, response);
        boolean served = method.equals("HEAD") || method.equals("GET") && !route.equals("/api/reindex")
            || method.equals("POST") && route.equals("/api/reindex");
        if (!served && (response.status() < 400 || response.status() >= 500)) {
          local.add(method + " is not a client error", method + " " + target + " -> " + response.status());
        }
      }
    }
    assertThat(local.clean()).as(local.report()).isTrue();
  }

  @Test
  @Order(8)
  void malformed_request_lines_get_json_errors_on_api_routes() throws IOException {
    ResponseChecks local = newChecks();
    List<String> raw = List.of(" ", "\"", "<", ">", "{", "}", "|", "\\", "^", "`", "\u0000", "\u0001", "\u001F",
        "\u007F", "\u0080", "\u00FF", "\t", "%", "%G1", utf8AsBytes("注意力"), utf8AsBytes("😀"));
    for (String route : List.of("/api/search?q=", "/api/suggest?q=", "/api/articles?path=", "/api/related?path=",
        "/api/graph?center=", "/api/articles/", "/api/articles/{ID}/related?size=", "/health?x=", "/openapi?x=")) {
      for (String value : raw) {
        send(local, "GET", fill(route, "") + "a" + value + "b");
      }
    }
    List<String> targets = new ArrayList<>(List.of(
        "/api/search?q=" + "a".repeat(10_000), "/api/articles/" + "a".repeat(10_000),
        "/api/related?path=" + HostileInputs.encode("长".repeat(10_000)), "/api/graph?center=" + "%00".repeat(5000),
        "/api/articles/%00", "/api/articles/a%00b/related", "/api/articles/%2e%2e/%2e%2e/etc/passwd",
        "/api/../../etc/passwd", "/api/articles/..;/x", "/api/articles/%G1", "/api/articles/%", "/api/%ZZ",
        "/api/articles/%2F..%2F..%2Fetc%2Fpasswd/related", "/api/search/../../../etc/passwd?q=a",
        "http://evil.example/api/search?q=a", "//api/search?q=a", "/api/search?q=a#<frag>", "/api/./search?q=a",
        "/api//search?q=a", "/api/search?q=a\r\nX-Injected: yes", "*", "api/search?q=a"));
    for (String target : targets) {
      send(local, "GET", fill(target, ""));
    }
    assertThat(local.clean()).as(local.report()).isTrue();
  }

  @Test
  @Order(9)
  void lucene_regex_too_complex_to_determinize_is_a_json_400_not_a_500() throws IOException {
    ResponseChecks local = newChecks();
    for (String q : List.of("/a{1,100000}/", "title:/(a|b){1,50000}c/", "/[a-z]{1,30000}[0-9]{1,30000}/")) {
      RawHttp.Response response = send(local, "GET", "/api/search?syntax=lucene&q=" + HostileInputs.encode(q));
      if (response.status() != 400) {
        local.add("regex query not a 400", q + " -> " + response.status() + " " + response.body());
      }
    }
    assertThat(local.clean()).as(local.report()).isTrue();
  }

  @Test
  @Order(10)
  void malformed_percent_escapes_in_path_parameters_are_400_not_500() throws IOException {
    // Jetty lets %uXXXX through; Javalin then decodes path parameters with URLDecoder, which throws
    ResponseChecks local = newChecks();
    for (String target : List.of("/api/articles/%u0041", "/api/articles/%u0041/related", "/articles/%u0041",
        "/api/articles/a%u00/related?size=1")) {
      RawHttp.Response response = send(local, "GET", target);
      if (response.status() != 400 && response.status() != 404) {
        local.add("malformed escape in a path parameter not a 400/404", target + " -> " + response.status());
      }
    }
    assertThat(local.clean()).as(local.report()).isTrue();
  }

  @Test
  @Order(11)
  void home_page_is_served_whatever_the_query_string() throws IOException {
    ResponseChecks local = newChecks();
    for (String target : List.of("/?q=%G1", "/?%", "/?q=100%", "/?q=%E4%B8", "/search?q=%G1")) {
      RawHttp.Response response = send(local, "GET", target);
      if (response.status() != 200 || !response.body().contains("<!doctype html>")) {
        local.add("page route did not serve the page", target + " -> " + response.status() + " " + response.body());
      }
    }
    assertThat(local.clean()).as(local.report()).isTrue();
  }

  @Test
  @Order(100)
  void sent_at_least_a_thousand_requests_and_released_every_searcher() throws IOException {
    System.out.println("HostileRequestTest sent " + sent.get() + " requests");
    assertThat(sent.get()).as("requests sent by this class").isGreaterThanOrEqualTo(1000);
    try (IndexHandle.Lease snapshot = index.handle.acquire()) {
      // the manager's reference and ours: any other is a searcher some request never released
      assertThat(snapshot.searcher().getIndexReader().getRefCount()).isEqualTo(2);
    }
    // and the server still answers normally
    RawHttp.Response health = http.send("GET", "/health");
    assertThat(health.status()).isEqualTo(200);
    RawHttp.Response search = http.send("GET", "/api/search?q=" + HostileInputs.encode("注意力"));
    assertThat(search.status()).isEqualTo(200);
    assertThat(search.body()).contains("\"total\"");
  }

  private static List<Value> withoutLucene(List<Value> values) {
    return values.stream().filter(v -> !v.kind().equals("lucene")).toList();
  }

  /** Every {@code stride}-th value starting at {@code offset % stride}. */
  private static List<Value> every(List<Value> values, int stride, int offset) {
    List<Value> chosen = new ArrayList<>();
    for (int i = Math.floorMod(offset, stride); i < values.size(); i += stride) {
      chosen.add(values.get(i));
    }
    return chosen;
  }

  private static ResponseChecks newChecks() {
    return new ResponseChecks(forbidden);
  }

  private static RawHttp.Response send(ResponseChecks local, String method, String target) throws IOException {
    sent.incrementAndGet();
    RawHttp.Response response = http.send(method, target);
    local.check(method, target, response);
    return response;
  }

  /** Fills {V} with the wire value, {ID} with a real article id and {PATH} with its encoded path. */
  private static String fill(String template, String wire) {
    String target = template.replace("{ID}", id).replace("{PATH}", path);
    int at = target.indexOf("{V}");
    return at < 0 ? target : target.substring(0, at) + wire + target.substring(at + 3);
  }

  /** The UTF-8 bytes of {@code text}, one char per byte, for writing unencoded into a request line. */
  private static String utf8AsBytes(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }
}
