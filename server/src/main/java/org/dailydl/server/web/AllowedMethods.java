package org.dailydl.server.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * {@code OPTIONS} on any path answers {@code 204} with the methods its routes accept in {@code
 * Allow} (always {@code GET, HEAD, OPTIONS}: pages and files are read with those), and {@code TRACE}
 * is refused with {@code 405} everywhere: echoing a request back helps nobody but an attacker
 * after its cookies or headers. A CORS preflight is answered before this, by the CORS policy.
 */
public final class AllowedMethods {
  private record Route(Pattern path, String method) {}

  private final List<Route> routes = new CopyOnWriteArrayList<>();

  /** Learns the routes as they are added. */
  public void listen(JavalinConfig config) {
    config.events.handlerAdded(meta -> {
      if (meta.getHttpMethod().isHttpMethod()) {
        routes.add(new Route(pattern(meta.getPath()), meta.getHttpMethod().name()));
      }
    });
  }

  /** A route path as a pattern: {@code {id}} is one segment, {@code <rest>} and {@code *} any text. */
  private static Pattern pattern(String path) {
    StringBuilder regex = new StringBuilder();
    for (String part : path.split("((?=\\{)|(?<=\\})|(?=<)|(?<=>)|(?=\\*)|(?<=\\*))")) {
      if (part.startsWith("{")) {
        regex.append("[^/]+");
      } else if (part.startsWith("<") || part.equals("*")) {
        regex.append(".*");
      } else {
        regex.append(Pattern.quote(part));
      }
    }
    return Pattern.compile(regex + "/?");
  }

  /** The before-handler: answers OPTIONS and TRACE itself. */
  public void apply(Context ctx) {
    HandlerType method = ctx.method();
    if (method == HandlerType.TRACE) {
      ctx.header("Allow", allowed(ctx.path()));
      throw new io.javalin.http.HttpResponseException(HttpStatus.METHOD_NOT_ALLOWED.getCode(),
          "method TRACE is not allowed on " + ctx.path());
    }
    if (method == HandlerType.OPTIONS && !ctx.res().containsHeader("Access-Control-Allow-Methods")) {
      ctx.header("Allow", allowed(ctx.path()));
      ctx.status(HttpStatus.NO_CONTENT).result("");
      ctx.skipRemainingHandlers();
    }
  }

  private String allowed(String path) {
    Set<String> methods = new LinkedHashSet<>(List.of("GET", "HEAD", "OPTIONS"));
    for (Route route : routes) {
      if (route.path().matcher(path).matches() && !route.method().equals("TRACE")) {
        methods.add(route.method());
      }
    }
    return String.join(", ", methods);
  }
}
