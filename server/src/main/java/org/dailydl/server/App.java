package org.dailydl.server;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.openapi.plugin.OpenApiPlugin;
import io.javalin.openapi.plugin.swagger.SwaggerPlugin;
import io.javalin.validation.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.dailydl.server.index.IndexUnavailableException;
import org.dailydl.server.index.ReadOnlyIndexException;
import org.dailydl.server.openapi.OpenApiDocument;
import org.dailydl.server.ops.CorsPolicy;
import org.dailydl.server.pages.NotFoundPage;
import org.dailydl.server.search.InvalidQueryException;
import org.dailydl.server.web.AllowedMethods;
import org.dailydl.server.web.Feature;
import org.dailydl.server.web.HttpLimits;
import org.dailydl.server.web.JsonErrorHandler;
import org.dailydl.server.web.PageFilter;
import org.dailydl.server.web.Problem;
import org.dailydl.server.web.SecurityHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Javalin app: routes, JSON errors, security headers, the web page and its libraries,
 * and the OpenAPI document with its Swagger UI. {@link #create} does not start the server, so tests
 * run the app with {@code JavalinTest} on a random port.
 */
public final class App {
  private static final Logger LOG = LoggerFactory.getLogger(App.class);

  /** Settings of the HTTP layer. */
  public record Settings(String corsOrigins, Path webDir) {
    public static final Settings DEFAULT = new Settings(null, null);
  }

  private App() {}

  /** The app serving {@code features} (each registers its own routes) and the web page. */
  public static Javalin create(List<Feature> features, Settings settings) {
    return create(features, settings, config -> {});
  }

  /**
   * The app serving {@code features} and the web page, with {@code extensions} applied to its
   * configuration last (the operational parts: request log, metrics, MCP endpoint; see ops/).
   */
  public static Javalin create(List<Feature> features, Settings settings, Consumer<JavalinConfig> extensions) {
    Objects.requireNonNull(features);
    String page = readPage(settings.webDir());
    AllowedMethods allowed = new AllowedMethods();
    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      HttpLimits.apply(config);
      allowed.listen(config);
      // Jetty answers malformed requests (bad request line, URI too long, ambiguous path) itself: as JSON too
      config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
      config.http.prefer405over404 = true;
      config.jsonMapper(new JavalinJackson(null, false));
      config.staticFiles.add(files -> {
        files.hostedPath = "/";
        if (settings.webDir() == null) {
          files.directory = "/web";
          files.location = Location.CLASSPATH;
        } else {
          // serve the page from a folder: for working on the page, or a customised page
          files.directory = settings.webDir().toAbsolutePath().toString();
          files.location = Location.EXTERNAL;
        }
      });
      if (settings.webDir() != null) {
        // what the build generates for the page (js/libraries.js) is not in the folder: the jar has it
        config.staticFiles.add("/web", Location.CLASSPATH);
      }
      config.staticFiles.enableWebjars();
      // the processor's document, amended from the code (parameter rules, statuses, security, schemas)
      config.registerPlugin(new OpenApiPlugin(openapi -> openapi
          .withDocumentationPath("/openapi")
          .withDefinitionConfiguration((version, definition) -> definition
              .withDefinitionProcessor(generated -> OpenApiDocument.amend(generated).toPrettyString()))));
      config.registerPlugin(new SwaggerPlugin(swagger -> {
        swagger.setUiPath("/swagger");
        swagger.setDocumentationPath("/openapi");
        swagger.setValidatorUrl(null);
        swagger.setTitle("Daily-DeepLearning API");
      }));
      extensions.accept(config);
    });

    app.before(SecurityHeaders::apply);
    new CorsPolicy(settings.corsOrigins()).install(app);
    app.before(allowed::apply);
    app.before(App::rejectMalformedEscapes);

    features.forEach(feature -> feature.routes(app));
    // features that fill in the page (the site's title and settings, an article's head: web/index.html has none)
    List<PageFilter> filters = features.stream().filter(PageFilter.class::isInstance).map(PageFilter.class::cast).toList();
    Function<Context, String> pageFor = ctx -> {
      // with --web the page is re-read, so edits show without a restart
      String html = settings.webDir() != null ? readPage(settings.webDir()) : page;
      for (PageFilter filter : filters) {
        html = filter.filter(html, ctx);
      }
      return html;
    };
    for (String route : PAGE_ROUTES) {
      app.get(route, ctx -> ctx.html(pageFor.apply(ctx)));
    }

    mapErrors(app, pageFor);
    return app;
  }

  /** The routes of the page; a filter may answer one of them 404 (an unknown article). */
  private static final List<String> PAGE_ROUTES = List.of("/", "/search", "/articles/{id}", "/graph");

  /** Paths that answer JSON only, errors included, whatever the caller accepts. */
  private static final List<String> JSON_PATHS = List.of("/api", "/health", "/ready", "/openapi", "/metrics", "/mcp",
      "/sitemap.xml", "/feed.xml", "/robots.txt");

  /** The one mapping of failures to problem details (RFC 9457); the catch-all logs and leaks nothing. */
  private static void mapErrors(Javalin app, Function<Context, String> pageFor) {
    app.exception(ValidationException.class, (e, ctx) ->
        error(ctx, HttpStatus.BAD_REQUEST, e.getErrors().values().stream().flatMap(List::stream)
            .map(v -> v.getMessage()).findFirst().orElse("invalid parameter")));
    app.exception(InvalidQueryException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
    app.exception(ReadOnlyIndexException.class, (e, ctx) -> error(ctx, HttpStatus.CONFLICT, e.getMessage()));
    app.exception(IndexUnavailableException.class, (e, ctx) -> {
      ctx.header("Retry-After", "30");
      error(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    });
    app.exception(HttpResponseException.class, (e, ctx) -> {
      if (e.getStatus() == HttpStatus.NOT_FOUND.getCode() && wantsHtml(ctx)) {
        notFoundPage(ctx, pageFor);
      } else {
        error(ctx, HttpStatus.forStatus(e.getStatus()), e.getMessage());
      }
    });
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
      error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "the server could not answer this request; it has been logged");
    });
    app.error(HttpStatus.NOT_FOUND, ctx -> {
      if (isProblem(ctx) || isHtml(ctx)) {
        return;
      }
      if (wantsHtml(ctx)) {
        notFoundPage(ctx, pageFor);
      } else {
        error(ctx, HttpStatus.NOT_FOUND, "no such route: " + ctx.method() + " " + ctx.path());
      }
    });
    app.error(HttpStatus.METHOD_NOT_ALLOWED, ctx -> {
      if (!isProblem(ctx)) {
        error(ctx, HttpStatus.METHOD_NOT_ALLOWED, "method " + ctx.method() + " is not allowed on " + ctx.path());
      }
    });
  }

  /** A '%' not followed by two hex digits (e.g. %u0041, which Jetty lets through). */
  private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  /** Javalin decodes path parameters with URLDecoder, which throws on a malformed escape: answer 400 first. */
  private static void rejectMalformedEscapes(Context ctx) {
    if (MALFORMED_ESCAPE.matcher(ctx.req().getRequestURI()).find()) {
      throw new BadRequestResponse("the request path has a malformed percent-escape");
    }
  }

  private static void notFoundPage(Context ctx, Function<Context, String> pageFor) {
    ctx.status(HttpStatus.NOT_FOUND).html(NotFoundPage.render(pageFor.apply(ctx)));
  }

  /** A browser asking for a page (not the API, whose errors stay JSON for every caller). */
  private static boolean wantsHtml(Context ctx) {
    String accept = ctx.header("Accept");
    String path = ctx.path();
    boolean jsonPath = JSON_PATHS.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    return !jsonPath && accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html")
        && (ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD"));
  }

  /** An answer already written as a page (the page's own routes answer unknown articles so). */
  private static boolean isHtml(Context ctx) {
    String type = ctx.res().getContentType();
    return type != null && type.startsWith("text/html");
  }

  /** Whether the answer is already a problem (a handler threw it before the status handler ran). */
  private static boolean isProblem(Context ctx) {
    String type = ctx.res().getContentType();
    return type != null && type.startsWith(Problem.MEDIA_TYPE);
  }

  static void error(Context ctx, HttpStatus status, String detail) {
    ctx.status(status);
    Problem problem = Problem.of(status.getCode(), status.getMessage(), detail, ctx.req().getRequestURI());
    ctx.contentType(Problem.MEDIA_TYPE).result(ctx.jsonMapper().toJsonString(problem, Problem.class));
  }

  private static String readPage(Path webDir) {
    if (webDir != null) {
      try {
        return Files.readString(webDir.resolve("index.html"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try (InputStream in = App.class.getResourceAsStream("/web/index.html")) {
      if (in == null) {
        return "<!doctype html><meta charset=utf-8><title>Daily-DeepLearning</title><p>web/index.html is missing";
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
