package org.dailydl.server;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.indexer.cli.IndexCommand;
import org.dailydl.indexer.cli.Locations;
import org.dailydl.indexer.index.FolderLock;
import org.dailydl.server.analytics.QueryLog;
import org.dailydl.server.analytics.QueryLogController;
import org.dailydl.indexer.cli.SiteSummary;
import org.dailydl.server.articles.ArticleController;
import org.dailydl.server.articles.ArticleService;
import org.dailydl.server.articles.NotebookImageController;
import org.dailydl.server.articles.NotebookImages;
import org.dailydl.server.branding.SiteController;
import org.dailydl.server.branding.SiteService;
import org.dailydl.server.files.ContentFiles;
import org.dailydl.server.files.FileController;
import org.dailydl.server.graph.GraphController;
import org.dailydl.server.graph.GraphService;
import org.dailydl.server.index.ContentWatcher;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.index.SnapshotWarmer;
import org.dailydl.server.index.UnusableIndexException;
import org.dailydl.server.ops.LogFormat;
import org.dailydl.server.ops.Operations;
import org.dailydl.server.ops.ReadinessController;
import org.dailydl.server.pages.PagesController;
import org.dailydl.server.pages.PagesService;
import org.dailydl.server.pages.PublicUrl;
import org.dailydl.server.related.RelatedController;
import org.dailydl.server.related.RelatedService;
import org.dailydl.server.search.SearchController;
import org.dailydl.server.search.SearchService;
import org.dailydl.server.search.SuggestService;
import org.dailydl.server.semantic.SemanticService;
import org.dailydl.server.web.Feature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: indexes the content folder if needed, then serves the API and the web page, watching for changes. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves search, articles, related articles and the topic graph over HTTP, with the web page at /.",
      "The index is built or updated on start and kept up to date while content files change."
    })
public final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Mixin Locations locations;

  @Option(names = "--port", defaultValue = "${env:DAILYDL_PORT:-7070}",
      description = "HTTP port (env DAILYDL_PORT; default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "${env:DAILYDL_HOST:-127.0.0.1}",
      description = "Address to listen on (env DAILYDL_HOST; default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--no-watch", description = "Do not watch the content folder for changes.")
  boolean noWatch;

  @Option(names = "--cors-origins", defaultValue = "${env:DAILYDL_CORS_ORIGINS}",
      description = "Comma-separated origins allowed to call the API from browsers (env DAILYDL_CORS_ORIGINS; default: none).")
  String corsOrigins;

  @Option(names = "--admin-token", defaultValue = "${env:DAILYDL_ADMIN_TOKEN}",
      description = "Enables POST /api/reindex for callers presenting this bearer token (env DAILYDL_ADMIN_TOKEN; default: disabled).")
  String adminToken;

  @Option(names = "--no-embeddings",
      description = "Lexical search only: do not compute passage vectors for semantic search.")
  boolean noEmbeddings;

  @Option(names = "--read-only",
      description = "Serve a prebuilt index (from 'index') as it is: no building, updating or watching, nothing "
          + "written to the index folder; exits with code 3 when there is no usable index.")
  boolean readOnly;

  @Option(names = "--log-format", defaultValue = "${env:DAILYDL_LOG_FORMAT:-text}", paramLabel = "text|json",
      converter = LogFormat.Converter.class,
      description = "Log lines as text or as one JSON object each (env DAILYDL_LOG_FORMAT; default: ${DEFAULT-VALUE}).")
  LogFormat logFormat;

  @Option(names = "--query-log", paramLabel = "FILE", defaultValue = "${env:DAILYDL_QUERY_LOG}",
      description = "Record searches for authors (query text, hour, result count, opened results; no IPs, no "
          + "request ids) in FILE, listed at GET /api/admin/queries (env DAILYDL_QUERY_LOG; default: off).")
  Path queryLog;

  @Option(names = "--no-mcp", description = "Do not serve the Model Context Protocol endpoint at /mcp.")
  boolean noMcp;

  @Option(names = "--public-url", paramLabel = "URL", defaultValue = "${env:DAILYDL_PUBLIC_URL}",
      converter = PublicUrlConverter.class,
      description = "The address readers reach the site at, e.g. https://notes.example.org: canonical links, "
          + "Open Graph URLs, the sitemap and the feed use it (env DAILYDL_PUBLIC_URL; default: none, "
          + "so pages link relatively and the sitemap and feed answer local requests only).")
  PublicUrl publicUrl = PublicUrl.NONE;

  @Option(names = "--web", paramLabel = "DIR",
      description = "Serve the web page from this folder instead of the built-in one (for working on the page).")
  Path web;

  /** Reads {@code --public-url}; a malformed address is a command-line error (exit code 2). */
  static final class PublicUrlConverter implements CommandLine.ITypeConverter<PublicUrl> {
    @Override
    public PublicUrl convert(String value) {
      try {
        return PublicUrl.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** Exit code when {@code --read-only} finds no usable index (as {@code index} when it cannot build one). */
  public static final int EXIT_NO_INDEX = 3;

  /** Exit code when another process (a {@code serve} or an {@code index}) writes the index folder. */
  public static final int EXIT_INDEX_IN_USE = IndexCommand.EXIT_IN_USE;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    logFormat.apply();
    IndexHandle handle;
    try {
      handle = readOnly ? IndexHandle.openReadOnly(locations.content, locations.index)
          : IndexHandle.openForServing(locations.content, locations.index,
              report -> LOG.info("index {}: {} articles ({} indexed, {} removed, {} warnings, {} broken links) in {} ms",
                  report.mode(), report.articles(), report.indexed(), report.removed(), report.problems().size(),
                  report.brokenLinks().size(), report.millis()));
    } catch (UnusableIndexException e) {
      return refuse("cannot serve read-only: " + e.getMessage(), EXIT_NO_INDEX);
    } catch (FolderLock.HeldException e) {
      return refuse(e.getMessage(), EXIT_INDEX_IN_USE);
    }
    SiteSummary site = SiteSummary.of(locations.content);
    site.warnings().forEach(w -> LOG.warn("{}:{}: {}", w.path(), w.line(), w.message()));
    LOG.info("site: {}{}", site.title(), site.configured() ? " (dailydl.yml)" : "");
    SemanticService semantics = noEmbeddings ? SemanticService.disabled()
        : readOnly ? SemanticService.readOnly(handle, Operations.nativeDir()) : SemanticService.enabled(handle);
    semantics.scheduleUpdate();
    Operations ops = Operations.create(handle, Glossary.forContent(locations.content), semantics,
        new Operations.Options(adminToken, corsOrigins, web, queryLog, !noMcp, publicUrl));
    Javalin app = ops.app();
    app.start(host, port);
    ContentWatcher watcher = noWatch || readOnly ? null : ContentWatcher.start(handle, locations.index);
    SnapshotWarmer warmer = SnapshotWarmer.start(handle);
    if (!publicUrl.isSet()) {
      LOG.info("no --public-url: pages link to themselves relatively; /sitemap.xml and /feed.xml answer local requests only");
    }
    LOG.info("serving {} at http://{}:{}/ (started in {} ms)", locations.content.toAbsolutePath().normalize(), host,
        app.port(), (System.nanoTime() - start) / 1_000_000);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        if (watcher != null) {
          watcher.close();
        }
        app.stop();
        warmer.close();
        ops.close();
        handle.close();
        semantics.close();
      } catch (Exception e) {
        LOG.warn("shutdown: {}", e.toString());
      } finally {
        stopped.countDown();
      }
    }));
    stopped.await();
    return 0;
  }

  /** Says why serving is impossible, in one line on standard error, and gives the exit code. */
  private int refuse(String why, int code) {
    spec.commandLine().getErr().println("serve: " + why);
    spec.commandLine().getErr().flush();
    return code;
  }

  /** The features of the app over an open index, lexical search only and no admin routes. */
  public static List<Feature> features(IndexHandle handle, Glossary glossary) {
    return features(handle, glossary, null, SemanticService.disabled());
  }

  /**
   * The features of the app over an open index.
   *
   * @param adminToken enables the admin routes when not blank
   * @param semantics dense retrieval for hybrid search (or {@link SemanticService#disabled()})
   */
  public static List<Feature> features(IndexHandle handle, Glossary glossary, String adminToken,
      SemanticService semantics) {
    return features(handle, adminToken, semantics, SearchService.create(handle, glossary, semantics),
        QueryLog.disabled());
  }

  /**
   * The features of the app over an open index, answering searches with {@code search}, whose
   * first pages are recorded in {@code queryLog}.
   */
  public static List<Feature> features(IndexHandle handle, String adminToken, SemanticService semantics,
      SearchService search, QueryLog queryLog) {
    return features(handle, adminToken, semantics, search, queryLog, PublicUrl.NONE);
  }

  /** The same, with the site's public address for canonical links, the sitemap and the feed. */
  public static List<Feature> features(IndexHandle handle, String adminToken, SemanticService semantics,
      SearchService search, QueryLog queryLog, PublicUrl publicUrl) {
    SiteService site = new SiteService(handle);
    ArticleService articles = new ArticleService(handle);
    return List.of(
        new SiteController(site),
        // after the site: an article's title and description replace the site's
        new PagesController(new PagesService(handle, articles), site, publicUrl),
        new StatusController(handle, semantics),
        new ReadinessController(handle, semantics),
        new SearchController(queryLog.observe(search), new SuggestService(handle)),
        new QueryLogController(queryLog, handle, adminToken),
        new ArticleController(articles, site),
        new NotebookImageController(new NotebookImages(handle)),
        new FileController(new ContentFiles(handle.contentDir())),
        new RelatedController(new RelatedService(handle)),
        new GraphController(new GraphService(handle)),
        new AdminController(handle, adminToken));
  }
}
