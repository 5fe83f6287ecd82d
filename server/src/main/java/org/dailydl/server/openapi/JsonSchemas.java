package org.dailydl.server.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The index report's JSON Schema (draft 2020-12, committed as {@code docs/index-report.schema.json}
 * and checked against real reports by the indexer's tests) as an OpenAPI 3.0 schema: {@code $defs}
 * inlined, {@code const} as a one-value enum, {@code oneOf [null, X]} and {@code null} among enum
 * values as {@code nullable}. Only the constructs that schema uses are translated; another one
 * fails the build, so the translation cannot silently drop a rule.
 */
final class JsonSchemas {
  static final String INDEX_REPORT = "/schemas/index-report.schema.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEFS = "#/$defs/";

  private JsonSchemas() {}

  static ObjectNode indexReport() {
    try (InputStream in = JsonSchemas.class.getResourceAsStream(INDEX_REPORT)) {
      if (in == null) {
        throw new IllegalStateException(INDEX_REPORT + " is not on the classpath");
      }
      ObjectNode schema = (ObjectNode) JSON.readTree(in);
      return translate(schema, (ObjectNode) schema.path("$defs"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode translate(ObjectNode schema, ObjectNode defs) {
    ObjectNode out = JSON.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode value = e.getValue();
      switch (e.getKey()) {
        case "$schema", "$id", "$defs" -> { }
        case "$ref" -> out.setAll(translate(definition(value.asText(), defs), defs));
        case "const" -> {
          out.put("type", value.isIntegralNumber() ? "integer" : "string");
          out.putArray("enum").add(value);
        }
        case "enum" -> enumeration((ArrayNode) value, out);
        case "oneOf" -> nullableOneOf((ArrayNode) value, defs, out);
        case "properties" -> {
          ObjectNode properties = out.putObject("properties");
          value.fields().forEachRemaining(p -> properties.set(p.getKey(), translate((ObjectNode) p.getValue(), defs)));
        }
        case "items" -> out.set("items", translate((ObjectNode) value, defs));
        case "type", "title", "description", "required", "additionalProperties", "minimum", "minLength" ->
            out.set(e.getKey(), value);
        default -> throw new IllegalStateException("index report schema: no OpenAPI translation for '" + e.getKey() + "'");
      }
    }
    return out;
  }

  private static ObjectNode definition(String ref, ObjectNode defs) {
    if (!ref.startsWith(DEFS) || !defs.has(ref.substring(DEFS.length()))) {
      throw new IllegalStateException("index report schema: unresolvable $ref " + ref);
    }
    return (ObjectNode) defs.get(ref.substring(DEFS.length()));
  }

  private static void enumeration(ArrayNode values, ObjectNode out) {
    ArrayNode kept = out.putArray("enum");
    for (JsonNode v : values) {
      if (v.isNull()) {
        out.put("nullable", true);
      } else if (v.isTextual()) {
        out.put("type", "string");
        kept.add(v);
      } else {
        throw new IllegalStateException("index report schema: enum value " + v + " is not text");
      }
    }
  }

  /** {@code oneOf: [{type: null}, X]} is X, nullable; other uses of oneOf are not translated. */
  private static void nullableOneOf(ArrayNode choices, ObjectNode defs, ObjectNode out) {
    if (choices.size() != 2 || !choices.get(0).path("type").asText().equals("null")) {
      throw new IllegalStateException("index report schema: oneOf other than [null, X]");
    }
    out.setAll(translate((ObjectNode) choices.get(1), defs));
    out.put("nullable", true);
  }
}
