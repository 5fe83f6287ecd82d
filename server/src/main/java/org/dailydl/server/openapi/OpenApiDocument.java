package org.dailydl.server.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dailydl.server.AdminController;
import org.dailydl.server.analytics.QueryLogController;
import org.dailydl.server.articles.ArticleController;
import org.dailydl.server.graph.GraphController;
import org.dailydl.server.ops.AppVersion;
import org.dailydl.server.ops.HttpCaching;
import org.dailydl.server.related.RelatedController;
import org.dailydl.server.search.SearchController;
import org.dailydl.server.web.QueryParameter;

/**
 * The OpenAPI document of the API. The annotation processor generates it from the handlers'
 * {@code @OpenApi} annotations and the records they answer; this class amends what the annotations
 * cannot say, from the code itself: the query parameters' rules ({@link QueryParameter}, the same
 * objects the handlers validate with), the statuses every route can answer (400 for a malformed
 * escape, 304 where {@link HttpCaching} tags answers, 405 for another method, 414 for a request
 * line too long, 500), the bearer
 * scheme of the admin routes, the servers, and the schemas ({@link OpenApiSchemas}). The server
 * serves {@link #amend amended} output at {@code /openapi}; the build writes the same document to a
 * file ({@link #main}) from which a client is generated for the tests.
 */
public final class OpenApiDocument {
  /** The name of the admin routes' security scheme. */
  public static final String BEARER = "bearerAuth";
  /** Where the annotation processor writes the generated document on the classpath. */
  static final String GENERATED = "/openapi-plugin/openapi-default.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** Every operation's query parameter rules, by operationId. */
  static final Map<String, List<QueryParameter>> QUERY_PARAMETERS = merge(SearchController.QUERY_PARAMETERS,
      ArticleController.QUERY_PARAMETERS, RelatedController.QUERY_PARAMETERS, GraphController.QUERY_PARAMETERS,
      AdminController.QUERY_PARAMETERS, QueryLogController.QUERY_PARAMETERS);

  private OpenApiDocument() {}

  /** Writes the document to the file named by {@code args[0]} (a build step: the tests' client is generated from it). */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, create().toPrettyString());
  }

  /** The amended document of the generated one on the classpath. */
  public static ObjectNode create() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(GENERATED)) {
      if (in == null) {
        throw new IllegalStateException(GENERATED + " is missing: the annotation processor did not run");
      }
      return amend((ObjectNode) JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Amends a generated document in place (the plugin's own info, servers and security are replaced).
   *
   * @throws IllegalStateException when the annotations and the parameter rules disagree
   */
  public static ObjectNode amend(ObjectNode doc) {
    doc.set("info", info());
    doc.set("servers", JSON.createArrayNode().add(JSON.createObjectNode()
        .put("url", "/").put("description", "this server (paths are relative to where /openapi is served)")));
    doc.remove("security");
    ObjectNode components = doc.with("components");
    components.with("securitySchemes").set(BEARER, JSON.createObjectNode().put("type", "http").put("scheme", "bearer")
        .put("description", "the token the server was started with (--admin-token)"));
    components.set("responses", CommonResponses.all());
    Map<String, ObjectNode> operations = operations(doc);
    operations.forEach((id, operation) -> amendParameters(id, operation));
    checkEveryRuleIsDocumented(operations);
    doc.with("paths").fields().forEachRemaining(path -> amendResponses(path.getKey(), (ObjectNode) path.getValue()));
    OpenApiSchemas.amend(doc);
    return doc;
  }

  private static ObjectNode info() {
    ObjectNode info = JSON.createObjectNode()
        .put("title", "Daily-DeepLearning API")
        .put("version", AppVersion.get())
        .put("description", "Search, articles, related articles and the topic graph of a Chinese deep-learning "
            + "knowledge base. Errors are RFC 9457 problem details (application/problem+json).");
    info.putObject("license").put("name", "MIT").put("url", "https://opensource.org/licenses/MIT");
    return info;
  }

  /**
   * Every operation by its operationId; each must have one, and only one operation may have it.
   * Public operations keep their empty {@code security} list: it says they need no credentials.
   */
  private static Map<String, ObjectNode> operations(ObjectNode doc) {
    Map<String, ObjectNode> byId = new LinkedHashMap<>();
    doc.with("paths").fields().forEachRemaining(path -> METHODS.stream()
        .filter(path.getValue()::has)
        .forEach(method -> {
          ObjectNode operation = (ObjectNode) path.getValue().get(method);
          String id = operation.path("operationId").asText("");
          if (id.isEmpty() || byId.put(id, operation) != null) {
            throw new IllegalStateException(method + " " + path.getKey() + ": missing or repeated operationId '" + id + "'");
          }
        }));
    return byId;
  }

  /** Each query parameter gets its rule's schema; a parameter without a rule is a mistake. */
  private static void amendParameters(String operationId, ObjectNode operation) {
    Map<String, QueryParameter> rules = new HashMap<>();
    QUERY_PARAMETERS.getOrDefault(operationId, List.of()).forEach(rule -> rules.put(rule.name(), rule));
    for (JsonNode node : operation.withArray("parameters")) {
      ObjectNode parameter = (ObjectNode) node;
      if (!parameter.path("in").asText().equals("query")) {
        continue;
      }
      String name = parameter.path("name").asText();
      QueryParameter rule = rules.get(name);
      if (rule == null) {
        throw new IllegalStateException(operationId + ": query parameter '" + name + "' has no QueryParameter rule");
      }
      if (rule.required() != parameter.path("required").asBoolean()) {
        throw new IllegalStateException(operationId + ": '" + name + "' is required in one of annotation and rule only");
      }
      parameter.set("schema", rule.schema());
      parameter.remove("allowEmptyValue");
    }
  }

  private static void checkEveryRuleIsDocumented(Map<String, ObjectNode> operations) {
    QUERY_PARAMETERS.forEach((id, rules) -> {
      ObjectNode operation = operations.get(id);
      for (QueryParameter rule : rules) {
        boolean documented = operation != null && elements(operation.withArray("parameters"))
            .anyMatch(p -> p.path("name").asText().equals(rule.name()));
        if (!documented) {
          throw new IllegalStateException(id + ": rule for '" + rule.name() + "' but no such documented parameter");
        }
      }
    });
  }

  /** The statuses every route can answer besides those its annotation lists. */
  private static void amendResponses(String path, ObjectNode item) {
    for (String method : METHODS) {
      if (!item.has(method)) {
        continue;
      }
      ObjectNode responses = item.with(method).with("responses");
      // the app answers a malformed percent-escape in any request with 400, before any handler
      CommonResponses.addIfAbsent(responses, "400", CommonResponses.BAD_REQUEST);
      if (method.equals("get") && tagged(path)) {
        CommonResponses.addIfAbsent(responses, "304", CommonResponses.NOT_MODIFIED);
      }
      // another method on this path (prefer405over404)
      CommonResponses.addIfAbsent(responses, "405", CommonResponses.METHOD_NOT_ALLOWED);
      // Jetty refuses a request line longer than its buffer, whatever the route
      CommonResponses.addIfAbsent(responses, "414", CommonResponses.URI_TOO_LONG);
      CommonResponses.addIfAbsent(responses, "500", CommonResponses.SERVER_ERROR);
      sort(responses);
    }
  }

  /** Whether GET answers of this path carry an ETag and so may be answered 304. */
  private static boolean tagged(String path) {
    return path.startsWith("/files/") || path.startsWith("/api/") && HttpCaching.cacheable(path);
  }

  private static void sort(ObjectNode responses) {
    Map<String, JsonNode> sorted = new TreeMap<>();
    responses.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
    responses.removeAll();
    sorted.forEach(responses::set);
  }

  @SafeVarargs
  private static Map<String, List<QueryParameter>> merge(Map<String, List<QueryParameter>>... maps) {
    Map<String, List<QueryParameter>> all = new LinkedHashMap<>();
    for (Map<String, List<QueryParameter>> map : maps) {
      map.forEach((id, rules) -> {
        if (all.put(id, rules) != null) {
          throw new IllegalStateException("two rule lists for operation " + id);
        }
      });
    }
    return Map.copyOf(all);
  }

  /** An array node's elements. */
  static Stream<JsonNode> elements(ArrayNode array) {
    return Stream.iterate(0, i -> i < array.size(), i -> i + 1).map(array::get);
  }
}
