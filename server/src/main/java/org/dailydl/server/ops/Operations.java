package org.dailydl.server.ops;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.App;
import org.dailydl.server.ServeCommand;
import org.dailydl.server.analytics.QueryLog;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.mcp.KnowledgeBaseMcp;
import org.dailydl.server.mcp.McpHttpEndpoint;
import org.dailydl.server.pages.PublicUrl;
import org.dailydl.server.search.SearchService;
import org.dailydl.server.semantic.SemanticService;
import org.dailydl.server.web.Feature;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.FilterHolder;

/**
 * The serving app with its operational parts: request ids and the access log, Prometheus metrics,
 * conditional GETs, readiness, the query log and the MCP endpoint, around the features of {@link
 * ServeCommand#features}. {@code serve} runs one; tests build one over a test index. Close it after
 * the app stops.
 */
public final class Operations implements AutoCloseable {

  /**
   * What {@code serve} was asked for.
   *
   * @param adminToken enables the admin routes when not blank
   * @param corsOrigins origins allowed to read the API from browsers, or null
   * @param webDir serve the page from this folder instead of the jar, or null
   * @param queryLog record searches in this file, or null for no query log
   * @param mcp serve the MCP endpoint at {@code /mcp}
   * @param publicUrl the site's public address (canonical links, sitemap, feed), or {@link PublicUrl#NONE}
   */
  public record Options(String adminToken, String corsOrigins, Path webDir, Path queryLog, boolean mcp,
      PublicUrl publicUrl) {
    public static final Options DEFAULT = new Options(null, null, null, null, true);

    public Options {
      publicUrl = publicUrl == null ? PublicUrl.NONE : publicUrl;
    }

    /** Without a public address. */
    public Options(String adminToken, String corsOrigins, Path webDir, Path queryLog, boolean mcp) {
      this(adminToken, corsOrigins, webDir, queryLog, mcp, PublicUrl.NONE);
    }
  }

  private final IndexHandle index;
  private final SemanticService semantics;
  private final Options options;
  private final SearchService search;
  private final QueryLog queryLog;
  private final Metrics metrics;
  private final McpHttpEndpoint mcp;
  private volatile Server jetty;

  private Operations(IndexHandle index, SemanticService semantics, Options options, SearchService search,
      QueryLog queryLog) {
    this.index = index;
    this.semantics = semantics;
    this.options = options;
    this.search = search;
    this.queryLog = queryLog;
    this.metrics = new Metrics(index, semantics);
    search.resultCache().ifPresent(metrics::bindSearchCache);
    this.mcp = options.mcp() ? new McpHttpEndpoint(KnowledgeBaseMcp.Services.over(index, search),
        new CorsPolicy(options.corsOrigins()).origins()) : null;
  }

  /** The operational parts over an open index; opens the query log when one is asked for. */
  public static Operations create(IndexHandle index, Glossary glossary, SemanticService semantics, Options options)
      throws IOException {
    Objects.requireNonNull(options);
    QueryLog log = options.queryLog() == null ? QueryLog.disabled() : QueryLog.open(options.queryLog());
    return new Operations(index, semantics, options, SearchService.create(index, glossary, semantics), log);
  }

  /** Where a read-only server unpacks the embedding model's native libraries (never the index folder). */
  public static Path nativeDir() {
    return Path.of(System.getProperty("java.io.tmpdir"), "dailydl-native");
  }

  public Metrics metrics() {
    return metrics;
  }

  public QueryLog queryLog() {
    return queryLog;
  }

  /** The app (not started). */
  public Javalin app() {
    List<Feature> features = new ArrayList<>(ServeCommand.features(index, options.adminToken(), semantics, search,
        queryLog, options.publicUrl()));
    features.add(metrics);
    Javalin app = App.create(features, new App.Settings(options.corsOrigins(), options.webDir()), this::configure);
    new HttpCaching(index, semantics).install(app);
    app.after(Operations::rememberRoute);
    return app;
  }

  private void configure(JavalinConfig config) {
    config.jetty.modifyServer(server -> {
      jetty = server;
      metrics.bindJetty(server);
    });
    config.events.serverStarting(() -> metrics.bindJettyConnectors(jetty));
    config.jetty.modifyServletContextHandler(context -> {
      context.addFilter(new FilterHolder(new RequestLogFilter(metrics)), "/*", EnumSet.of(DispatcherType.REQUEST));
      if (mcp != null) {
        mcp.mount(context);
      }
    });
  }

  /** Tells the request log which route template answered (after handlers see the matched endpoint). */
  private static void rememberRoute(Context ctx) {
    String route = ctx.endpointHandlerPath();
    if (route.startsWith("/") && ctx.req().getAttribute(RequestLogFilter.ROUTE_ATTRIBUTE) == null) {
      ctx.req().setAttribute(RequestLogFilter.ROUTE_ATTRIBUTE, route);
    }
  }

  @Override
  public void close() throws IOException {
    if (mcp != null) {
      mcp.close();
    }
    metrics.close();
    queryLog.close();
  }
}
