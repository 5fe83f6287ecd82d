package org.dailydl.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/** Jetty's own errors (malformed request line, URI too long, ambiguous path) as problem details ({@link Problem}). */
public final class JsonErrorHandler extends ErrorHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The problem of a request Jetty refused; {@code instance} is null when the request line could not be read. */
  static String body(int status, String reason, String instance) {
    String title = HttpStatus.getMessage(status);
    String detail = "the request is malformed" + (reason == null || reason.equals(title) ? "" : ": " + reason);
    try {
      return JSON.writeValueAsString(Problem.of(status, title, detail, instance));
    } catch (JsonProcessingException e) {
      return "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":" + status
          + ",\"detail\":\"the request is malformed\",\"instance\":null}";
    }
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
    return ByteBuffer.wrap(body(status, reason, null).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
      HttpServletResponse response, int code, String message) throws IOException {
    baseRequest.setHandled(true);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(body(code, message, request.getRequestURI()));
  }
}
