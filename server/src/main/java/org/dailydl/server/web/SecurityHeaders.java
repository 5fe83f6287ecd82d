package org.dailydl.server.web;

import io.javalin.http.Context;

/**
 * Security headers on every response. The page loads scripts only from its own origin (no inline
 * script); styles may be inline because KaTeX positions glyphs with style attributes. Swagger UI's
 * page carries an inline bootstrap script, so its routes get a policy that allows exactly that.
 */
public final class SecurityHeaders {
  static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data: https:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
      + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
  static final String SWAGGER_POLICY = POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

  private SecurityHeaders() {}

  public static void apply(Context ctx) {
    boolean swagger = ctx.path().startsWith("/swagger") || ctx.path().startsWith("/webjars/swagger-ui");
    ctx.header("Content-Security-Policy", swagger ? SWAGGER_POLICY : POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
  }
}
