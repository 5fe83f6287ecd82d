package org.dailydl.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.dailydl.server.ServedFixtures.Serving;
import org.dailydl.server.openapi.OpenApiDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API against its OpenAPI document, replayed over the serving app ({@code serve}'s, with admin
 * token and query log) on the fixture corpus: every operation with valid requests, every documented
 * parameter bound probed on both sides, every documented status provoked, every answer validated
 * ({@link OpenApiContract}). Also: the document served is the one the build wrote (and the tests'
 * client was generated from).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + ServedFixtures.TOKEN);
  /** Statuses no request of this test provokes: a failure of the server, replicas, readiness while preparing. */
  private static final Set<String> NOT_PROVOKED = Set.of("500", "503", "409");

  @TempDir static Path temp;
  static ServedFixtures fixtures;
  static Serving served;
  static ObjectNode doc;
  static String id;
  static final List<String> violations = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    fixtures = ServedFixtures.open(temp);
    served = fixtures.serve(ServedFixtures.TOKEN, temp.resolve("queries.jsonl"));
    doc = OpenApiDocument.create();
    id = fixtures.idOf("深度学习/CNN.md");
  }

  @AfterAll
  static void stop() throws IOException {
    if (served != null) {
      served.close();
    }
    if (fixtures != null) {
      fixtures.close();
    }
  }

  /** A request that the operation answers 200 (or 204), by operationId. */
  static Map<String, Call> valid() {
    String path = HostileInputs.encode("机器学习/05_KNN.md");
    Map<String, Call> calls = new LinkedHashMap<>();
    calls.put("search", Call.get("/api/search?q=" + HostileInputs.encode("注意力")));
    calls.put("suggest", Call.get("/api/suggest?q=" + HostileInputs.encode("注意")));
    calls.put("listArticles", Call.get("/api/articles"));
    calls.put("getArticle", Call.get("/api/articles/" + id));
    calls.put("listCategories", Call.get("/api/categories"));
    calls.put("relatedById", Call.get("/api/articles/" + id + "/related"));
    calls.put("relatedByPath", Call.get("/api/related?path=" + path));
    calls.put("graph", Call.get("/api/graph"));
    calls.put("site", Call.get("/api/site"));
    calls.put("stats", Call.get("/api/stats"));
    calls.put("health", Call.get("/health"));
    calls.put("ready", Call.get("/ready"));
    calls.put("getFile", Call.get("/files/" + HostileInputs.encode(ServedFixtures.IMAGE)));
    calls.put("reindex", new Call("POST", "/api/reindex", "", ADMIN));
    calls.put("reportOpened", new Call("POST", "/api/feedback/open",
        "{\"query\":\"卷积\",\"path\":\"深度学习/CNN.md\"}", Map.of()));
    calls.put("queryReport", new Call("GET", "/api/admin/queries", null, ADMIN));
    return calls;
  }

  record Call(String method, String target, String body, Map<String, String> headers) {
    static Call get(String target) {
      return new Call("GET", target, null, Map.of());
    }

    /** This call with {@code name=value} in its query, in place of the parameter's value if it has one. */
    Call withQuery(String parameter) {
      String name = parameter.substring(0, parameter.indexOf('=') + 1);
      String kept = target.replaceAll("([?&])" + Pattern.quote(name) + "[^&]*&?", "$1").replaceAll("[?&]$", "");
      return new Call(method, kept + (kept.contains("?") ? "&" : "?") + parameter, body, headers);
    }

    Call withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Call(method, target, body, more);
    }
  }

  @Test
  @Order(0)
  void the_checker_reports_answers_that_break_the_document() {
    OpenApiContract contract = OpenApiContract.get();
    Map<String, List<String>> json = Map.of("content-type", List.of("application/json"));
    Map<String, List<String>> problemJson = Map.of("content-type", List.of("application/problem+json"));
    String search = "{\"query\":\"a\",\"page\":1,\"size\":10,\"total\":1,\"tookMs\":3,\"hits\":[{\"id\":\"x\","
        + "\"path\":\"x.md\",\"title\":\"X\",\"category\":\"\",\"tags\":[],\"snippet\":\"x\",\"score\":1.5,"
        + "\"signals\":[\"lexical\"]}],\"facets\":{\"category\":[]},\"suggestion\":null,\"suggestionApplied\":false,"
        + "\"allTermsMatched\":true,\"timedOut\":false,\"mode\":\"hybrid\",\"semanticReady\":false,\"semanticEnabled\":false}";
    String problem = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no\",\"instance\":\"/x\"}";
    assertThat(contract.violations("GET", "/api/search?q=a", 200, json, search)).isEmpty();
    assertThat(contract.violations("GET", "/api/search?q=a", 200, json, search.replace("\"title\":\"X\"", "\"title\":null")))
        .as("a required field null").isNotEmpty();
    assertThat(contract.violations("GET", "/api/search?q=a", 200, json, search.replace("\"tookMs\":3,", "")))
        .as("a required field missing").isNotEmpty();
    assertThat(contract.violations("GET", "/api/search?q=a", 200, json, search.replace("\"hybrid\"", "\"HYBRID\"")))
        .as("a value outside the enum").isNotEmpty();
    assertThat(contract.violations("GET", "/api/search?q=a", 200, json, search.replace("{\"query\"", "{\"withTookMs\":1,\"query\"")))
        .as("a property the document does not have").isNotEmpty();
    assertThat(contract.violations("GET", "/api/suggest?q=a", 200, json, "[]")).as("an array for an object").isNotEmpty();
    assertThat(contract.violations("GET", "/api/articles/x", 404, problemJson, problem)).isEmpty();
    assertThat(contract.violations("GET", "/api/articles/x", 404, json, problem)).as("a problem as plain JSON").isNotEmpty();
    assertThat(contract.violations("GET", "/api/articles/x", 418, problemJson, problem)).as("an undocumented status").isNotEmpty();
    String graph = "{\"nodes\":[{\"id\":\"topic:x\",\"label\":\"x\",\"kind\":\"topic\",\"category\":null,\"weight\":1.0}],"
        + "\"edges\":[],\"totalNodes\":1,\"totalEdges\":0,\"truncated\":false}";
    assertThat(contract.violations("GET", "/api/graph", 200, json, graph)).as("a nullable field null").isEmpty();
    assertThat(contract.violations("GET", "/api/graph", 200, json, graph.replace("\"label\":\"x\"", "\"label\":null")))
        .as("a non-nullable field null").isNotEmpty();
    String stats = "{\"articles\":1,\"categories\":{\"a\":1},\"buildTime\":\"t\",\"analysisVersion\":\"1\","
        + "\"contentHash\":\"h\",\"indexBytes\":1,\"version\":1,\"lastIndexRun\":null,"
        + "\"semantic\":{\"enabled\":false,\"ready\":false,\"passages\":0},\"indexProblem\":null}";
    Map<String, List<String>> uncached = Map.of("content-type", List.of("application/json"));
    assertThat(contract.violations("GET", "/api/stats", 200, uncached, stats)).as("a nullable reference null").isEmpty();
    assertThat(contract.violations("GET", "/api/stats", 200, uncached, stats.replace("\"lastIndexRun\":null", "\"lastIndexRun\":{}")))
        .as("a nullable reference of the wrong shape").isNotEmpty();
    assertThat(contract.violations("GET", "/api/stats", 200, uncached, stats.replace("\"categories\":{\"a\":1}", "\"categories\":{\"a\":\"x\"}")))
        .as("a map value of the wrong type").isNotEmpty();
  }

  @Test
  @Order(1)
  void the_served_document_is_the_one_the_build_wrote_for_the_generated_client() throws IOException {
    RawHttp.Response served = send(ApiContractTest.served, Call.get("/openapi"));
    assertThat(served.status()).isEqualTo(200);
    assertThat(JSON.readTree(served.body())).isEqualTo(doc);
    Path written = Path.of(System.getProperty("dailydl.openapiDocument", "target/openapi/openapi.json"));
    assertThat(JSON.readTree(Files.readString(written))).as(written.toString()).isEqualTo(doc);
  }

  /**
   * The document is valid OpenAPI 3.0 by swagger-parser, the parser behind most generators: no
   * message, not even a warning (the kind of fault outside validators reported: {@code servers: []},
   * {@code security: null}); a copy broken that way is reported, so the check can fail.
   */
  @Test
  @Order(1)
  void the_document_is_valid_openapi_without_a_single_parser_message() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(doc.toString(), null, options);
    assertThat(parsed.getOpenAPI()).isNotNull();
    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getServers()).isNotEmpty();
    ObjectNode broken = doc.deepCopy();
    broken.putNull("security");
    assertThat(new OpenAPIV3Parser().readContents(broken.toString(), null, options).getMessages())
        .as("security: null").isNotEmpty();
  }

  @Test
  @Order(2)
  void every_operation_answers_its_valid_request_as_documented() throws IOException {
    Set<String> operations = new TreeSet<>();
    doc.get("paths").forEach(item -> item.forEach(op -> operations.add(op.get("operationId").asText())));
    assertThat(valid().keySet()).as("a valid request for every documented operation")
        .containsExactlyInAnyOrderElementsOf(operations);
    for (Map.Entry<String, Call> call : valid().entrySet()) {
      RawHttp.Response response = send(served, call.getValue());
      assertThat(response.status()).as(call.getKey() + " " + response.body()).isIn(200, 204);
      if (response.header("etag") != null) {
        RawHttp.Response again = send(served, call.getValue().withHeader("If-None-Match", response.header("etag")));
        assertThat(again.status()).as(call.getKey() + " revalidated").isEqualTo(304);
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  @Order(3)
  void every_documented_parameter_bound_is_enforced_on_both_sides() throws IOException {
    Map<String, Call> valid = valid();
    forEachQueryParameter((operationId, parameter) -> {
      String name = parameter.get("name").asText();
      JsonNode schema = parameter.get("schema");
      // page × size is bounded too: probe page with the smallest size
      Call base = name.equals("page") ? valid.get(operationId).withQuery("size=1") : valid.get(operationId);
      for (String outside : outsideValues(schema)) {
        assertStatus(base.withQuery(name + "=" + outside), 400, operationId + " " + name + "=" + outside);
      }
      for (String inside : boundaryValues(schema)) {
        RawHttp.Response response = send(served, base.withQuery(name + "=" + inside));
        assertThat(response.status()).as(operationId + " " + name + "=" + inside + ": " + response.body()).isNotEqualTo(400);
      }
    });
    assertThat(violations).isEmpty();
  }

  @Test
  @Order(4)
  void every_documented_error_status_is_provoked_and_answered_as_a_problem() throws IOException {
    String path = HostileInputs.encode("机器学习/05_KNN.md");
    assertStatus(Call.get("/api/articles/nope"), 404, "unknown article");
    assertStatus(Call.get("/api/articles/%u0041"), 400, "malformed escape in a path parameter");
    assertStatus(Call.get("/api/articles/nope/related"), 404, "related of an unknown article");
    assertStatus(Call.get("/api/articles/%u0041/related"), 400, "malformed escape");
    assertStatus(Call.get("/api/related?path=nope.md"), 404, "related at an unknown path");
    assertStatus(Call.get("/api/related?path=" + path + "&path=" + path), 400, "a repeated parameter");
    assertStatus(Call.get("/api/articles?path=nope.md"), 404, "no article at the path");
    assertStatus(Call.get("/api/graph?center=nope"), 404, "unknown graph node");
    assertStatus(Call.get("/files/" + HostileInputs.encode("深度学习/figures/none.svg")), 404, "missing image");
    assertStatus(Call.get("/files/%2e%2e%2Fx.svg"), 400, "a path out of the content folder");
    assertStatus(new Call("POST", "/api/reindex", "", Map.of()), 401, "no token");
    assertStatus(new Call("GET", "/api/admin/queries", null, Map.of("Authorization", "Bearer wrong")), 401, "wrong token");
    assertStatus(new Call("POST", "/api/feedback/open", "{\"query\":\"\"}", Map.of()), 400, "no query");
    assertStatus(new Call("POST", "/api/feedback/open", "{\"query\":\"a\",\"path\":\"nope.md\"}", Map.of()), 404, "unknown path");
    for (Call call : valid().values()) {
      Call other = new Call(call.method().equals("GET") ? "DELETE" : "GET", call.target(), null, call.headers());
      assertStatus(other, 405, "another method");
      assertStatus(call.withQuery("x=" + "a".repeat(10_000)), 414, "a request line too long");
    }
    try (Serving noToken = fixtures.serve(null, null); Serving noLog = fixtures.serve(ServedFixtures.TOKEN, null)) {
      assertStatus(noToken, new Call("POST", "/api/reindex", "", ADMIN), 403, "admin routes disabled");
      assertStatus(noToken, new Call("GET", "/api/admin/queries", null, ADMIN), 403, "admin routes disabled");
      assertStatus(noLog, new Call("GET", "/api/admin/queries", null, ADMIN), 404, "query log off");
    }
    assertThat(violations).isEmpty();
  }

  @Test
  @Order(5)
  void every_documented_status_was_answered_and_validated() {
    Set<String> documented = new TreeSet<>();
    doc.get("paths").fields().forEachRemaining(item -> item.getValue().fields().forEachRemaining(op ->
        op.getValue().get("responses").fieldNames().forEachRemaining(status -> {
          boolean parameterless = op.getValue().path("parameters").isEmpty();
          // a route without parameters answers 400 only to a malformed request Jetty refuses before routing
          if (!NOT_PROVOKED.contains(status) && !(parameterless && status.equals("400"))) {
            documented.add(op.getKey().toUpperCase() + " " + item.getKey() + " " + status);
          }
        })));
    assertThat(OpenApiContract.get().validated()).containsAll(documented);
  }

  interface ParameterCheck {
    void check(String operationId, JsonNode parameter) throws IOException;
  }

  private static void forEachQueryParameter(ParameterCheck check) throws IOException {
    List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
    doc.get("paths").forEach(item -> item.forEach(op -> op.path("parameters").forEach(p -> {
      if (p.get("in").asText().equals("query")) {
        all.add(Map.entry(op.get("operationId").asText(), p));
      }
    })));
    for (Map.Entry<String, JsonNode> e : all) {
      check.check(e.getKey(), e.getValue());
    }
  }

  /** Values the schema refuses: past each bound, not a number, not a choice, one character too long. */
  static List<String> outsideValues(JsonNode schema) {
    List<String> values = new ArrayList<>();
    switch (schema.get("type").asText()) {
      case "integer" -> {
        values.add(String.valueOf(schema.get("minimum").asInt() - 1));
        values.add(String.valueOf(schema.get("maximum").asInt() + 1));
        values.add("abc");
      }
      case "boolean" -> values.add("maybe");
      default -> {
        if (schema.has("enum")) {
          values.add("zzz");
        }
        if (schema.has("maxLength")) {
          values.add("a".repeat(schema.get("maxLength").asInt() + 1));
        }
      }
    }
    return values;
  }

  /** Values the schema accepts at its edges: each bound, each choice, the longest text. */
  static List<String> boundaryValues(JsonNode schema) {
    List<String> values = new ArrayList<>();
    switch (schema.get("type").asText()) {
      case "integer" -> {
        values.add(schema.get("minimum").asText());
        values.add(schema.get("maximum").asText());
      }
      case "boolean" -> values.addAll(List.of("true", "false"));
      default -> {
        schema.path("enum").forEach(v -> values.add(v.asText()));
        if (schema.has("maxLength")) {
          values.add("a".repeat(schema.get("maxLength").asInt()));
        }
      }
    }
    return values;
  }

  private static void assertStatus(Call call, int status, String why) throws IOException {
    assertStatus(served, call, status, why);
  }

  private static void assertStatus(Serving serving, Call call, int status, String why) throws IOException {
    RawHttp.Response response = send(serving, call);
    assertThat(response.status()).as(why + ": " + call.method() + " " + call.target() + " -> " + response.body())
        .isEqualTo(status);
    assertThat(response.header("content-type")).as(why).startsWith("application/problem+json");
  }

  /** Sends the call and records every way its answer breaks the document. */
  private static RawHttp.Response send(Serving serving, Call call) throws IOException {
    RawHttp.Response response = serving.http().send(call.method(), call.target(), call.body(), call.headers());
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response.headers().forEach((name, value) -> headers.put(name, List.of(value)));
    violations.addAll(OpenApiContract.get().violations(call.method(), call.target(), response.status(), headers,
        response.body()));
    return response;
  }
}
