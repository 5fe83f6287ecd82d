package org.dailydl.server;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dailydl.indexer.Fixtures;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.ops.Operations;
import org.dailydl.server.semantic.SemanticService;

/**
 * The fixture corpus with one image, indexed, and the serving app over it as {@code serve} builds
 * it (lexical search, no MCP), for the tests that exercise the whole API. Close it after use.
 */
final class ServedFixtures implements AutoCloseable {
  static final String TOKEN = "s3cret";
  static final String IMAGE = "深度学习/figures/plot.svg";

  final IndexHandle handle;
  final Glossary glossary;

  private ServedFixtures(IndexHandle handle, Glossary glossary) {
    this.handle = handle;
    this.glossary = glossary;
  }

  static ServedFixtures open(Path temp) throws IOException {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    Files.createDirectories(content.resolve(IMAGE).getParent());
    Files.writeString(content.resolve(IMAGE), "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>",
        StandardCharsets.UTF_8);
    return new ServedFixtures(IndexHandle.open(content, temp.resolve("index")), Glossary.forContent(content));
  }

  /** The id of the article at {@code path}. */
  String idOf(String path) throws IOException {
    try (IndexHandle.Lease lease = handle.acquire()) {
      return lease.corpus().catalog().byPath(path).orElseThrow().id();
    }
  }

  /** A started app; {@code token} and {@code queryLog} may be null (admin routes off, query log off). */
  Serving serve(String token, Path queryLog) throws IOException {
    Operations ops = Operations.create(handle, glossary, SemanticService.disabled(),
        new Operations.Options(token, null, null, queryLog, false));
    Javalin app = ops.app().start(0);
    return new Serving(ops, app, new RawHttp(app.port(), 15_000));
  }

  /** One running app and a raw client of it. */
  record Serving(Operations ops, Javalin app, RawHttp http) implements AutoCloseable {
    String origin() {
      return "http://127.0.0.1:" + app.port();
    }

    @Override
    public void close() throws IOException {
      app.stop();
      ops.close();
    }
  }

  @Override
  public void close() throws IOException {
    handle.close();
  }
}
