package org.dailydl.server.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.openapi.OpenApiName;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dailydl.server.articles.ArticleView;
import org.dailydl.server.graph.TopicGraph;
import org.dailydl.server.search.Mode;
import org.dailydl.server.search.Signal;
import org.dailydl.server.search.SuggestService;
import org.dailydl.server.web.IndexReportSchema;

/**
 * What the generated schemas cannot say by themselves, amended from the code:
 * <ul>
 *   <li>every property of a schema that an answer uses is {@code required}: the JSON mapper writes
 *       every record component, null ones included ({@code nullable} says which may be null);
 *   <li>a nullable reference becomes {@code nullable} + {@code allOf}, since OpenAPI 3.0 ignores
 *       a {@code $ref}'s siblings;
 *   <li>an enum lists the values Jackson writes ({@code @JsonValue}: {@code hybrid}, not {@code HYBRID});
 *   <li>the index report is the indexer's committed JSON Schema ({@link JsonSchemas}).
 * </ul>
 */
final class OpenApiSchemas {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REF = "#/components/schemas/";

  /** Every enum an answer or a parameter uses. */
  private static final List<Class<? extends Enum<?>>> ENUMS = List.of(Mode.class, Signal.class,
      SuggestService.Kind.class, ArticleView.Kind.class, TopicGraph.NodeKind.class, TopicGraph.EdgeKind.class);

  private OpenApiSchemas() {}

  static void amend(ObjectNode doc) {
    ObjectNode schemas = doc.with("components").with("schemas");
    schemas.set(IndexReportSchema.NAME, JsonSchemas.indexReport());
    Set<String> answered = reachable(schemas, refsUnder(doc.with("paths"), "responses"));
    schemas.fields().forEachRemaining(e -> {
      ObjectNode schema = (ObjectNode) e.getValue();
      if (answered.contains(e.getKey()) && schema.has("properties") && !e.getKey().equals(IndexReportSchema.NAME)) {
        ArrayNode required = schema.putArray("required");
        schema.get("properties").fieldNames().forEachRemaining(required::add);
      }
      wrapNullableReferences(schema, schemas);
    });
    amendEnums(schemas);
  }

  /** The schemas referred to from under {@code key} ("responses") of every operation. */
  private static Set<String> refsUnder(ObjectNode paths, String key) {
    Set<String> names = new LinkedHashSet<>();
    paths.forEach(item -> item.forEach(operation -> operation.path(key).findValuesAsText("$ref").stream()
        .filter(ref -> ref.startsWith(REF)).map(ref -> ref.substring(REF.length())).forEach(names::add)));
    return names;
  }

  /** {@code roots} and every schema they refer to, directly or not. */
  private static Set<String> reachable(ObjectNode schemas, Set<String> roots) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (seen.add(name) && schemas.has(name)) {
        schemas.get(name).findValuesAsText("$ref").stream().filter(ref -> ref.startsWith(REF))
            .map(ref -> ref.substring(REF.length())).forEach(todo::push);
      }
    }
    return seen;
  }

  /** {@code nullable} needs a {@code type} beside it: the referred schema's. */
  private static void wrapNullableReferences(ObjectNode schema, ObjectNode schemas) {
    JsonNode properties = schema.path("properties");
    properties.fields().forEachRemaining(p -> {
      ObjectNode property = (ObjectNode) p.getValue();
      if (property.has("$ref") && property.path("nullable").asBoolean()) {
        String ref = property.remove("$ref").asText();
        String type = schemas.path(ref.substring(REF.length())).path("type").asText("object");
        property.put("type", type).putArray("allOf").addObject().put("$ref", ref);
      }
    });
  }

  /** Replaces each enum's constant names by the values Jackson writes; an enum not listed in {@link #ENUMS} is a mistake. */
  private static void amendEnums(ObjectNode schemas) {
    Map<String, Class<? extends Enum<?>>> byName = ENUMS.stream()
        .collect(Collectors.toMap(OpenApiSchemas::schemaName, Function.identity()));
    schemas.fields().forEachRemaining(e -> {
      if (!e.getValue().has("enum") || e.getKey().equals(IndexReportSchema.NAME)) {
        return;
      }
      Class<? extends Enum<?>> type = byName.get(e.getKey());
      if (type == null) {
        throw new IllegalStateException("enum schema " + e.getKey() + " is not listed in OpenApiSchemas.ENUMS");
      }
      ArrayNode values = ((ObjectNode) e.getValue()).putArray("enum");
      for (Enum<?> constant : type.getEnumConstants()) {
        values.add(JSON.convertValue(constant, String.class));
      }
    });
  }

  private static String schemaName(Class<?> type) {
    OpenApiName name = type.getAnnotation(OpenApiName.class);
    return name != null ? name.value() : type.getSimpleName();
  }
}
