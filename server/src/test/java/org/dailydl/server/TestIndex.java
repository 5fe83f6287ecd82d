package org.dailydl.server;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.dailydl.indexer.Fixtures;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.web.Feature;

/** A temporary index over a copy of the fixture corpus, and the app over it. */
public final class TestIndex implements AutoCloseable {
  public final Path content;
  public final IndexHandle handle;

  private TestIndex(Path content, IndexHandle handle) {
    this.content = content;
    this.handle = handle;
  }

  /** Copies the fixture corpus into {@code temp}/content and indexes it into {@code temp}/index. */
  public static TestIndex ofFixtures(Path temp) {
    try {
      Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
      return new TestIndex(content, IndexHandle.open(content, temp.resolve("index")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Glossary glossary() {
    try {
      return Glossary.forContent(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Feature> services() {
    return ServeCommand.features(handle, glossary());
  }

  public Javalin app() {
    return App.create(services(), App.Settings.DEFAULT);
  }

  @Override
  public void close() throws IOException {
    handle.close();
  }
}
