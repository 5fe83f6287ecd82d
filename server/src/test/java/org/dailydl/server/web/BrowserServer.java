package org.dailydl.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.App;
import org.dailydl.server.ServeCommand;
import org.dailydl.server.SharedCorpus;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.semantic.SemanticService;

/**
 * The real app over the repository's knowledge base ({@code content/}), indexed into a temporary
 * folder and served on a random port, with a small HTTP client for asking the API what the page
 * should show. One per test class: indexing the whole knowledge base takes a while.
 */
final class BrowserServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final Path content;
  final IndexHandle handle;
  final Javalin app;
  final String origin;
  private final SemanticService semantics;
  /** Set when this server owns its index and the temporary folder holding it (see {@link #startOn}). */
  private final Path ownedFolder;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private BrowserServer(Path content, IndexHandle handle, SemanticService semantics, Javalin app) {
    this(content, handle, semantics, app, null);
  }

  private BrowserServer(Path content, IndexHandle handle, SemanticService semantics, Javalin app, Path ownedFolder) {
    this.ownedFolder = ownedFolder;
    this.content = content;
    this.handle = handle;
    this.semantics = semantics;
    this.app = app;
    this.origin = "http://127.0.0.1:" + app.port();
  }

  /** The app over the shared index of {@code content/} (web page from the classpath), lexical search. */
  static BrowserServer start(SharedCorpus corpus) {
    return start(corpus, SemanticService.disabled());
  }

  /**
   * The same with semantic search: every passage is embedded (once per test run) before the app
   * starts, so the page sees hybrid results from its first query.
   */
  static BrowserServer startWithEmbeddings(SharedCorpus corpus) {
    return start(corpus, corpus.semantics());
  }

  private static BrowserServer start(SharedCorpus corpus, SemanticService semantics) {
    var services = ServeCommand.features(corpus.handle(), corpus.glossary(), null, semantics);
    Javalin app = App.create(services, App.Settings.DEFAULT).start("127.0.0.1", 0);
    return new BrowserServer(corpus.contentDir(), corpus.handle(), semantics, app);
  }

  /**
   * The app over {@code content}, indexed into {@code folder/index}, lexical search. The server owns
   * the index and {@code folder}: {@link #close()} closes the one and deletes the other.
   */
  static BrowserServer startOn(Path content, Path folder) throws IOException {
    IndexHandle handle = IndexHandle.open(content, folder.resolve("index"));
    Javalin app = App.create(ServeCommand.features(handle, Glossary.forContent(content)), App.Settings.DEFAULT)
        .start("127.0.0.1", 0);
    return new BrowserServer(content, handle, SemanticService.disabled(), app, folder);
  }

  /** The URL of {@code path} (which starts with "/") on this server. */
  String url(String path) {
    return origin + path;
  }

  /** GET {@code path} on the API: the status code and the parsed body (null when not JSON). */
  ApiAnswer get(String path) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
          .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET().build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonNode body = null;
      try {
        body = JSON.readTree(response.body());
      } catch (IOException e) {
        body = null;
      }
      return new ApiAnswer(response.statusCode(), body);
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The id of the article at {@code path}, else of the first search hit for {@code fallbackQuery}. */
  String articleId(String path, String fallbackQuery) {
    ApiAnswer byPath = get("/api/articles?path=" + enc(path));
    if (byPath.status() == 200) {
      return byPath.body().get("articles").get(0).get("id").asText();
    }
    ApiAnswer search = get("/api/search?size=1&q=" + enc(fallbackQuery));
    JsonNode hits = search.body() == null ? null : search.body().get("hits");
    if (hits == null || hits.isEmpty()) {
      throw new IllegalStateException("no article at " + path + " and no hit for " + fallbackQuery);
    }
    return hits.get(0).get("id").asText();
  }

  @Override
  public void close() throws IOException {
    // a shared index and its vectors serve the run's other test classes: only this app stops
    app.stop();
    if (ownedFolder != null) {
      handle.close();
      try (Stream<Path> files = Files.walk(ownedFolder)) {
        for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** An API answer: HTTP status and JSON body. */
  record ApiAnswer(int status, JsonNode body) {
    boolean ok() {
      return status == 200 && body != null;
    }
  }
}
