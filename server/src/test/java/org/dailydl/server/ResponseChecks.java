package org.dailydl.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The properties every response to a hostile request must have, collected rather than asserted one
 * by one, so a run reports every kind of violation with examples instead of stopping at the first;
 * among them, that the answer is what the OpenAPI document says ({@link OpenApiContract}).
 */
final class ResponseChecks {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EXAMPLES = 4;

  /** Routes whose errors are RFC 9457 problems {type, title, status, detail, instance} (DESIGN §6). */
  private static final List<String> JSON_ROUTES = List.of("/api", "/health", "/openapi");

  /** Text no response may contain unless the request itself did (echoed input is not a leak). */
  private final Set<String> forbidden;
  private final Map<String, List<String>> violations = new LinkedHashMap<>();
  private int checked;

  ResponseChecks(Set<String> forbidden) {
    this.forbidden = forbidden;
  }

  /** Checks one exchange; {@code method} HEAD has no body to check. */
  void check(String method, String target, RawHttp.Response response) {
    checked++;
    String request = method + " " + HostileInputs.escapeControls(shorten(target));
    if (response.status() < 0) {
      add("no response (hang or dropped connection)", request + " -> " + shorten(response.body()));
      return;
    }
    String summary = request + " -> " + response.status() + " " + response.header("content-type") + " "
        + HostileInputs.escapeControls(shorten(response.body()));
    // a CR or LF in the target ends the request line early: what remains is an HTTP/0.9 request,
    // for which 505 (version not supported) is the right answer, not a server failure
    boolean splitLine = target.indexOf('\r') >= 0 || target.indexOf('\n') >= 0;
    if (response.status() >= 500 && !(splitLine && response.status() == 505)) {
      add("status >= 500", summary);
    }
    String path = pathOf(target);
    boolean jsonRoute = JSON_ROUTES.stream().anyMatch(path::startsWith);
    if (jsonRoute && response.status() >= 400 && !method.equals("HEAD")) {
      checkJsonError(response, summary);
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response.headers().forEach((name, value) -> headers.put(name, List.of(value)));
    for (String violation : OpenApiContract.get().violations(method, target, response.status(), headers, response.body())) {
      add("answer breaks the OpenAPI document", HostileInputs.escapeControls(violation));
    }
    String decoded = HostileInputs.decodeLeniently(target);
    for (String marker : forbidden) {
      if (response.body().contains(marker) && !decoded.contains(marker) && !target.contains(marker)) {
        add("body leaks '" + HostileInputs.escapeControls(marker) + "'", summary);
      }
    }
  }

  private void checkJsonError(RawHttp.Response response, String summary) {
    String type = response.header("content-type");
    if (type == null || !type.startsWith("application/problem+json")) {
      add("error on a JSON route is not application/problem+json", summary);
      return;
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (Exception e) {
      add("error body is not JSON", summary);
      return;
    }
    if (body == null || !body.isObject() || !body.path("status").isInt()
        || body.path("status").asInt() != response.status()) {
      add("error JSON lacks integer 'status' equal to the HTTP status", summary);
    }
    for (String field : new String[] {"type", "title", "detail"}) {
      if (body == null || !body.path(field).isTextual() || body.path(field).asText().isBlank()) {
        add("error JSON lacks a non-empty string '" + field + "'", summary);
      }
    }
  }

  /** Records a violation of a test-specific property. */
  void add(String kind, String example) {
    violations.computeIfAbsent(kind, k -> new ArrayList<>()).add(example);
  }

  int checked() {
    return checked;
  }

  boolean clean() {
    return violations.isEmpty();
  }

  /** Every kind of violation with its count and a few examples. */
  String report() {
    StringBuilder out = new StringBuilder(checked + " responses checked; violations:\n");
    violations.forEach((kind, examples) -> {
      out.append("  ").append(kind).append(": ").append(examples.size()).append(" responses, e.g.\n");
      examples.stream().limit(EXAMPLES).forEach(e -> out.append("    ").append(e).append('\n'));
    });
    return out.toString();
  }

  /** The path of an origin-form or absolute-form request target. */
  static String pathOf(String target) {
    String t = target;
    int scheme = t.indexOf("://");
    if (scheme > 0 && scheme < 10) {
      int slash = t.indexOf('/', scheme + 3);
      t = slash < 0 ? "/" : t.substring(slash);
    }
    int query = t.indexOf('?');
    return query < 0 ? t : t.substring(0, query);
  }

  private static String shorten(String s) {
    return s.length() > 160 ? s.substring(0, 160) + "…(" + s.length() + " chars)" : s;
  }
}
