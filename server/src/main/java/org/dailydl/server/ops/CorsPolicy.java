package org.dailydl.server.ops;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cross-origin reads of the API ({@code --cors-origins}). A configured origin gets
 * {@code Access-Control-Allow-Origin} and its preflights answered; any other origin gets the
 * answer without that permission, which is how a browser is told not to hand it to a foreign
 * page. Nothing is ever refused: Chromium sends {@code Origin} on the page's own module scripts
 * and fetches, and Javalin's CORS plugin answered those with 400 whenever another origin was
 * configured, which blanked the page. Every answer carries {@code Vary: Origin}, so a shared cache
 * never serves one origin's permission to another.
 */
public final class CorsPolicy {
  static final String EXPOSED = "ETag, X-Request-Id";
  static final String METHODS = "GET, POST, OPTIONS";
  /** Request header lists a preflight may echo back: names, commas and spaces only. */
  private static final Pattern HEADER_LIST = Pattern.compile("[A-Za-z0-9\\-, ]{1,512}");

  private final Set<String> origins;
  private final boolean any;

  /** @param csv comma-separated origins ({@code https://example.com}, {@code *} for any), or null for none */
  public CorsPolicy(String csv) {
    Set<String> parsed = new LinkedHashSet<>();
    if (csv != null) {
      for (String origin : csv.split(",")) {
        if (!origin.isBlank()) {
          parsed.add(normalise(origin.strip()));
        }
      }
    }
    this.any = parsed.remove("*");
    this.origins = Set.copyOf(parsed);
  }

  /** {@code scheme://host[:port]} in lower case without a default port; https when no scheme is given. */
  static String normalise(String origin) {
    if (origin.equals("*")) {
      return origin;
    }
    String withScheme = origin.contains("://") ? origin : "https://" + origin;
    URI uri;
    try {
      uri = URI.create(withScheme);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + origin + "' is not an origin like https://example.com", e);
    }
    if (uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
      throw new IllegalArgumentException("'" + origin + "' is not an origin like https://example.com");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }

  /** The configured origins, normalised (without {@code *}). */
  public List<String> origins() {
    return List.copyOf(origins);
  }

  public void install(Javalin app) {
    app.before(this::apply);
  }

  void apply(Context ctx) {
    ctx.res().addHeader("Vary", "Origin");
    String origin = ctx.header("Origin");
    if (origin == null || !allows(origin)) {
      return;
    }
    ctx.header("Access-Control-Allow-Origin", any ? "*" : origin);
    ctx.header("Access-Control-Expose-Headers", EXPOSED);
    if (ctx.method().name().equals("OPTIONS") && ctx.header("Access-Control-Request-Method") != null) {
      ctx.header("Access-Control-Allow-Methods", METHODS);
      String requested = ctx.header("Access-Control-Request-Headers");
      if (requested != null && HEADER_LIST.matcher(requested).matches()) {
        ctx.header("Access-Control-Allow-Headers", requested);
      }
      ctx.header("Access-Control-Max-Age", "600");
      ctx.req().setAttribute(RequestLogFilter.ROUTE_ATTRIBUTE, "CORS_PREFLIGHT");
      ctx.status(HttpStatus.NO_CONTENT).result("");
      ctx.skipRemainingHandlers();
    }
  }

  boolean allows(String origin) {
    if (origin.equals("null") || origin.length() > 256) {
      return false;
    }
    if (any) {
      return true;
    }
    try {
      return origins.contains(normalise(origin));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
