package org.dailydl.server.ops;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id and writes one access-log line and one latency measurement for it.
 * A servlet filter rather than Javalin handlers, so the MCP endpoint (a servlet of its own) and
 * requests no route matched are logged and measured like the API. The id is the caller's {@code
 * X-Request-Id} when that is sane (a proxy's or load balancer's id, so one request can be followed
 * across them), else a fresh random one; it is echoed in the response's {@code X-Request-Id} and
 * put in the MDC, so every line logged while the request is served carries it.
 */
public final class RequestLogFilter implements Filter {
  public static final String HEADER = "X-Request-Id";
  /** Request attribute holding the route template that served the request (set by the app). */
  public static final String ROUTE_ATTRIBUTE = "dailydl.route";
  static final String MDC_KEY = "requestId";
  /** Ids from outside: letters, digits and {@code . _ : -}, as proxies generate them; nothing that could forge a log line. */
  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:\\-]{8,128}");
  private static final Logger ACCESS = LoggerFactory.getLogger("dailydl.access");

  private final Metrics metrics;

  public RequestLogFilter(Metrics metrics) {
    this.metrics = Objects.requireNonNull(metrics);
  }

  /** The caller's id when sane, else a new one (128 random bits, hex). */
  static String requestId(String incoming) {
    if (incoming != null && SANE_ID.matcher(incoming).matches()) {
      return incoming;
    }
    byte[] random = new byte[16];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    long start = System.nanoTime();
    String id = requestId(request.getHeader(HEADER));
    response.setHeader(HEADER, id);
    MDC.put(MDC_KEY, id);
    try {
      chain.doFilter(req, res);
    } finally {
      MDC.remove(MDC_KEY);
      if (request.isAsyncStarted()) {
        request.getAsyncContext().addListener(new Completion(request, response, start, id));
      } else {
        finish(request, response, start, id);
      }
    }
  }

  private void finish(HttpServletRequest request, HttpServletResponse response, long start, String id) {
    long nanos = System.nanoTime() - start;
    int status = response.getStatus();
    String route = route(request, status);
    metrics.record(request.getMethod(), route, status, nanos);
    String query = request.getQueryString();
    String target = request.getRequestURI() + (query == null ? "" : "?" + query);
    MDC.put(MDC_KEY, id);
    try {
      ACCESS.atInfo()
          .addKeyValue("method", request.getMethod())
          .addKeyValue("path", request.getRequestURI())
          .addKeyValue("query", query)
          .addKeyValue("route", route)
          .addKeyValue("status", status)
          .addKeyValue("durationMs", Math.round(nanos / 10_000.0) / 100.0)
          .addKeyValue("bytes", bytesWritten(request))
          .log("{} {} {} {} ms", request.getMethod(), LogText.clean(target), status,
              Math.round(nanos / 100_000.0) / 10.0);
    } finally {
      MDC.remove(MDC_KEY);
    }
  }

  /** The route template that answered ({@code /api/articles/{id}}), so metrics do not grow with ids and queries. */
  static String route(HttpServletRequest request, int status) {
    Object route = request.getAttribute(ROUTE_ATTRIBUTE);
    if (route instanceof String r && !r.isEmpty()) {
      return r;
    }
    // a servlet of its own (the MCP endpoint) is named by its mapping; Javalin's is "/*"
    String mapping = request.getHttpServletMapping() == null ? null : request.getHttpServletMapping().getPattern();
    if (mapping != null && mapping.startsWith("/") && !mapping.equals("/*")) {
      return mapping;
    }
    if (status == 404) {
      return "NOT_FOUND";
    }
    return status < 400 ? "static" : "UNMATCHED";
  }

  private static long bytesWritten(HttpServletRequest request) {
    Request base = Request.getBaseRequest(request);
    return base == null ? -1 : base.getResponse().getHttpOutput().getWritten();
  }

  /** Logs a request answered asynchronously (the MCP endpoint's event streams) when it completes. */
  private final class Completion implements AsyncListener {
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final long start;
    private final String id;

    Completion(HttpServletRequest request, HttpServletResponse response, long start, String id) {
      this.request = request;
      this.response = response;
      this.start = start;
      this.id = id;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      finish(request, response, start, id);
    }

    @Override
    public void onTimeout(AsyncEvent event) {}

    @Override
    public void onError(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {}
  }
}
