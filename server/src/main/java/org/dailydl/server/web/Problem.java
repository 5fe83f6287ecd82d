package org.dailydl.server.web;

import io.javalin.openapi.OpenApiNullable;

/**
 * The body of every API error, an RFC 9457 problem detail served as {@value #MEDIA_TYPE}: the
 * problem {@code type} ({@value #UNTYPED}: the HTTP status says it all), the status's
 * {@code title}, the HTTP {@code status}, a sentence for humans saying what to fix, and the
 * {@code instance}: the path of the request that failed, or null where no request could be read
 * (a malformed request line).
 */
public record Problem(String type, String title, int status, String detail, @OpenApiNullable String instance) {
  public static final String MEDIA_TYPE = "application/problem+json";
  /** RFC 9457 §4.2.1: no type beyond the HTTP status. */
  public static final String UNTYPED = "about:blank";

  /** The problem of one HTTP status, titled with its reason phrase. */
  public static Problem of(int status, String title, String detail, String instance) {
    return new Problem(UNTYPED, title, status, detail, instance);
  }
}
