package org.dailydl.server;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestCase;
import io.javalin.testtools.TestConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.dailydl.server.openapi.OpenApiDocument;

/**
 * Every answer checked against the OpenAPI document the server publishes: status, media type,
 * headers and body schema (swagger-request-validator). Requests are not judged (the tests send
 * invalid ones on purpose); only what the server answers must be what the document says.
 * {@link #test} runs a {@code JavalinTest} whose client checks every exchange and fails the test at
 * its end if any answer broke the document; {@link #violations} checks one exchange (raw HTTP).
 * Thread-safe.
 */
public final class OpenApiContract {
  private static final OpenApiContract INSTANCE = new OpenApiContract();
  private static final Set<String> UNMATCHED = Set.of("validation.request.path.missing",
      "validation.request.operation.notAllowed");

  private final OpenApiInteractionValidator validator;
  /** Each documented path template, and the pattern of the concrete paths it stands for. */
  private final Map<String, Pattern> templates = new LinkedHashMap<>();
  /** Operation (method and path template) and status of every exchange validated so far. */
  private final Set<String> validated = ConcurrentHashMap.newKeySet();

  private OpenApiContract() {
    ObjectNode doc = OpenApiDocument.create();
    doc.get("paths").fieldNames().forEachRemaining(t ->
        templates.put(t, Pattern.compile(t.replaceAll("\\{[^}]+}", "[^/]+").replace("$", "\\$"))));
    validator = OpenApiInteractionValidator.createForInlineApiSpecification(inlineNullableReferences(doc).toString())
        .withLevelResolver(LevelResolver.create().withLevel("validation.request", ValidationReport.Level.IGNORE).build())
        .build();
  }

  public static OpenApiContract get() {
    return INSTANCE;
  }

  /**
   * Runs {@code testCase} like {@code JavalinTest.test}, with a client that checks every answer;
   * fails afterwards with every violation found.
   */
  public static void test(Javalin app, TestCase testCase) {
    List<String> violations = Collections.synchronizedList(new ArrayList<>());
    OkHttpClient client = new OkHttpClient.Builder().addInterceptor(chain -> checked(chain, violations)).build();
    JavalinTest.test(app, new TestConfig(true, true, client), testCase);
    if (!violations.isEmpty()) {
      throw new AssertionError("answers that break the OpenAPI document:\n  " + String.join("\n  ", violations));
    }
  }

  private static Response checked(Interceptor.Chain chain, List<String> violations) throws IOException {
    Response response = chain.proceed(chain.request());
    okhttp3.Request request = chain.request();
    String body = request.method().equals("HEAD") ? "" : response.peekBody(Long.MAX_VALUE).string();
    String target = request.url().encodedPath() + (request.url().encodedQuery() == null ? "" : "?" + request.url().encodedQuery());
    violations.addAll(get().violations(request.method(), target, response.code(), response.headers().toMultimap(), body));
    return response;
  }

  /**
   * What is wrong with one answer, as readable lines; empty when it is what the document says, or
   * when the request is not one the document describes (an unknown path).
   */
  public List<String> violations(String method, String target, int status, Map<String, List<String>> headers, String body) {
    if (method.equals("HEAD") || status < 0 || !canonical(target)) {
      return List.of();
    }
    String path = documentedForm(pathOf(target));
    SimpleResponse response = response(status, headers, body);
    ValidationReport report = validator.validate(request(method, path), response);
    if (has(report, "validation.request.operation.notAllowed")) {
      // another method on a documented path: its answer (405) is documented on the path's operations
      for (String documented : List.of("GET", "POST")) {
        ValidationReport other = validator.validate(request(documented, path), response);
        if (!has(other, "validation.request.operation.notAllowed")) {
          report = other;
          method = documented;
          break;
        }
      }
    }
    if (report.getMessages().stream().anyMatch(m -> UNMATCHED.contains(m.getKey()))) {
      return List.of();
    }
    validated.add(method + " " + template(path) + " " + status);
    List<String> lines = new ArrayList<>();
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR) {
        lines.add(method + " " + shorten(target) + " -> " + status + ": " + m.getKey() + ": " + m.getMessage());
      }
    }
    return lines;
  }

  /** Method, path and status of every answer validated so far (by any test of this run). */
  public Set<String> validated() {
    return Set.copyOf(validated);
  }

  /**
   * The document with each nullable reference ({@code nullable} beside {@code allOf: [$ref]}, the
   * OpenAPI 3.0 way to say "this object, or null") replaced by a copy of the schema it refers to,
   * nullable: the same meaning, in the form the validator reads (it refuses null for the wrapped form).
   */
  static ObjectNode inlineNullableReferences(ObjectNode doc) {
    ObjectNode copy = doc.deepCopy();
    JsonNode schemas = copy.path("components").path("schemas");
    inline(copy, schemas);
    return copy;
  }

  private static void inline(JsonNode node, JsonNode schemas) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      if (object.path("nullable").asBoolean() && object.path("allOf").size() == 1 && object.get("allOf").get(0).has("$ref")) {
        String ref = object.get("allOf").get(0).get("$ref").asText();
        object.remove("allOf");
        object.setAll((ObjectNode) schemas.get(ref.substring(ref.lastIndexOf('/') + 1)).deepCopy());
        object.put("nullable", true);
      }
    }
    node.forEach(child -> inline(child, schemas));
  }

  private String template(String path) {
    return templates.entrySet().stream().filter(t -> t.getValue().matcher(path).matches()).map(Map.Entry::getKey)
        .findFirst().orElse(path);
  }

  /**
   * Whether the target names a documented path as written: a line split by CR or LF, an empty
   * segment ({@code //api/search}) or a dot segment is another request, which the validator would
   * normalise into a documented one.
   */
  private static boolean canonical(String target) {
    String path = pathOf(target);
    return target.indexOf('\r') < 0 && target.indexOf('\n') < 0 && path.startsWith("/") && !path.contains("//")
        && !path.matches(".*/\\.{1,2}(/.*)?");
  }

  private static boolean has(ValidationReport report, String key) {
    return report.getMessages().stream().anyMatch(m -> m.getKey().equals(key));
  }

  private static Request request(String method, String path) {
    Request.Method m;
    try {
      m = Request.Method.valueOf(method);
    } catch (IllegalArgumentException unknown) {
      m = Request.Method.TRACE;
    }
    return new SimpleRequest.Builder(m, path).build();
  }

  private static SimpleResponse response(int status, Map<String, List<String>> headers, String body) {
    SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
    headers.forEach((name, values) -> builder.withHeader(name, values));
    if (body != null && !body.isEmpty()) {
      builder.withBody(body);
    }
    return builder.build();
  }

  /**
   * The path as the validator can match it: an image's path in /files/{path} is one parameter,
   * slashes and all, and a malformed escape (which the server answers 400) is escaped itself.
   */
  private static String documentedForm(String path) {
    String files = "/files/";
    String matched = path.startsWith(files) && path.length() > files.length()
        ? files + path.substring(files.length()).replace("/", "%2F") : path;
    return MALFORMED_ESCAPE.matcher(matched).replaceAll("%25");
  }

  private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  private static String pathOf(String target) {
    return ResponseChecks.pathOf(target);
  }

  private static String shorten(String s) {
    return s.length() > 120 ? s.substring(0, 120) + "…" : s;
  }
}
