package org.dailydl.server.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;

/**
 * The rules of one query parameter, written once for both sides of the contract: a handler reads
 * the parameter through its rule ({@link Params} enforces it, answering 400), and the OpenAPI
 * document publishes the same rule as the parameter's schema (type, bounds, default, choices).
 */
public sealed interface QueryParameter {
  JsonNodeFactory JSON = JsonNodeFactory.instance;

  String name();

  boolean required();

  /** The parameter's schema in the OpenAPI document. */
  ObjectNode schema();

  /** Free text of at most {@code maxLength} characters; blank counts as absent unless required. */
  record Text(String name, int maxLength, boolean required) implements QueryParameter {
    public Text {
      Objects.requireNonNull(name);
    }

    public String read(Context ctx) {
      return required ? Params.requiredText(ctx, name, maxLength) : Params.optionalText(ctx, name, maxLength);
    }

    @Override
    public ObjectNode schema() {
      return JSON.objectNode().put("type", "string").put("maxLength", maxLength);
    }
  }

  /** A path inside the content folder, relative and without {@code ..} (see {@link Params#contentPath}). */
  record ContentPath(String name, boolean required) implements QueryParameter {
    public String read(Context ctx) {
      return Params.contentPath(ctx, name, required);
    }

    @Override
    public ObjectNode schema() {
      return JSON.objectNode().put("type", "string").put("maxLength", Params.MAX_PATH);
    }
  }

  /** The category filter; {@value Params#ROOT_CATEGORY} selects the notes at the top of the folder. */
  record Category() implements QueryParameter {
    @Override
    public String name() {
      return "category";
    }

    @Override
    public boolean required() {
      return false;
    }

    public String read(Context ctx) {
      return Params.category(ctx);
    }

    @Override
    public ObjectNode schema() {
      return JSON.objectNode().put("type", "string").put("maxLength", Params.MAX_CATEGORY);
    }
  }

  /** A whole number in {@code [min, max]}, {@code fallback} when absent. */
  record Whole(String name, int fallback, int min, int max) implements QueryParameter {
    public Whole {
      if (min > max || fallback < min || fallback > max) {
        throw new IllegalArgumentException(name + ": default " + fallback + " outside " + min + ".." + max);
      }
    }

    @Override
    public boolean required() {
      return false;
    }

    public int read(Context ctx) {
      return Params.integer(ctx, name, fallback, min, max);
    }

    @Override
    public ObjectNode schema() {
      return JSON.objectNode().put("type", "integer").put("format", "int32")
          .put("minimum", min).put("maximum", max).put("default", fallback);
    }
  }

  /** One of {@code allowed}, {@code fallback} when absent. */
  record Choice(String name, String fallback, List<String> allowed) implements QueryParameter {
    public Choice {
      allowed = List.copyOf(allowed);
      if (!allowed.contains(fallback)) {
        throw new IllegalArgumentException(name + ": default " + fallback + " not among " + allowed);
      }
    }

    @Override
    public boolean required() {
      return false;
    }

    public String read(Context ctx) {
      return Params.choice(ctx, name, fallback, allowed);
    }

    @Override
    public ObjectNode schema() {
      ObjectNode schema = JSON.objectNode().put("type", "string");
      allowed.forEach(schema.putArray("enum")::add);
      return schema.put("default", fallback);
    }
  }

  /** {@code true} or {@code false}, false when absent. */
  record Flag(String name) implements QueryParameter {
    @Override
    public boolean required() {
      return false;
    }

    public boolean read(Context ctx) {
      return Params.choice(ctx, name, "false", List.of("true", "false")).equals("true");
    }

    @Override
    public ObjectNode schema() {
      return JSON.objectNode().put("type", "boolean").put("default", false);
    }
  }
}
