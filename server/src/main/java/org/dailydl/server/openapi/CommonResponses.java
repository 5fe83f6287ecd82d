package org.dailydl.server.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dailydl.server.web.Problem;

/** The responses many operations share, kept once under {@code components/responses}. */
final class CommonResponses {
  static final String BAD_REQUEST = "BadRequest";
  static final String NOT_MODIFIED = "NotModified";
  static final String METHOD_NOT_ALLOWED = "MethodNotAllowed";
  static final String URI_TOO_LONG = "UriTooLong";
  static final String SERVER_ERROR = "ServerError";

  private static final ObjectMapper JSON = new ObjectMapper();

  private CommonResponses() {}

  static ObjectNode all() {
    ObjectNode all = JSON.createObjectNode();
    all.set(BAD_REQUEST, problem("Bad Request: a parameter is invalid, repeated or malformed (the detail says which)"));
    all.set(NOT_MODIFIED, JSON.createObjectNode()
        .put("description", "Not Modified: the answer's ETag matches If-None-Match; no body"));
    all.set(METHOD_NOT_ALLOWED, problem("Method Not Allowed: this path answers another method"));
    all.set(URI_TOO_LONG, problem("URI Too Long: the request line is longer than the server reads (8 KiB)"));
    all.set(SERVER_ERROR, problem("Internal Server Error: logged by the server; the detail says nothing more"));
    return all;
  }

  /** Adds the shared response {@code name} under {@code status} unless the operation documents that status. */
  static void addIfAbsent(ObjectNode responses, String status, String name) {
    if (!responses.has(status)) {
      responses.putObject(status).put("$ref", "#/components/responses/" + name);
    }
  }

  private static ObjectNode problem(String description) {
    ObjectNode response = JSON.createObjectNode().put("description", description);
    response.putObject("content").putObject(Problem.MEDIA_TYPE).putObject("schema")
        .put("$ref", "#/components/schemas/Problem");
    return response;
  }
}
