package org.dailydl.server;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.dailydl.indexer.Fixtures;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.semantic.SemanticService;
import org.dailydl.server.web.Feature;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A corpus indexed once per test run and shared read-only by every test class that registers it:
 * {@code @RegisterExtension static final SharedCorpus corpus = SharedCorpus.content();}. The index
 * (and, when asked for, the passage vectors) live in the root store of the run and are closed when
 * it ends. Tests that change files or re-index build their own {@link TestIndex} instead.
 */
public final class SharedCorpus implements BeforeAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedCorpus.class);

  /** Which corpus: the indexer's fixture corpora, or the repository's knowledge base. */
  private enum Kind { FIXTURES, THIRD_PARTY, CONTENT }

  private final Kind kind;
  private volatile Indexed indexed;

  private SharedCorpus(Kind kind) {
    this.kind = kind;
  }

  /** The fixture corpus of small real articles (a read-only copy). */
  public static SharedCorpus fixtures() {
    return new SharedCorpus(Kind.FIXTURES);
  }

  /** The fixture corpus shaped like other people's notes (numbered days, ## 题目 notes, no front matter). */
  public static SharedCorpus thirdParty() {
    return new SharedCorpus(Kind.THIRD_PARTY);
  }

  /** The knowledge base in {@code content/}. */
  public static SharedCorpus content() {
    return new SharedCorpus(Kind.CONTENT);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    indexed = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(kind, k -> Indexed.build(kind), Indexed.class);
  }

  private Indexed indexed() {
    return Objects.requireNonNull(indexed, "register SharedCorpus with @RegisterExtension on a static field");
  }

  public IndexHandle handle() {
    return indexed().handle;
  }

  public Path contentDir() {
    return indexed().content;
  }

  public Glossary glossary() {
    return indexed().glossary;
  }

  /** Semantic search over this corpus: its passage vectors are computed on first use, once per run. */
  public SemanticService semantics() {
    return indexed().semantics();
  }

  /** The app's features over this corpus, lexical search only. */
  public List<Feature> features() {
    return ServeCommand.features(handle(), glossary());
  }

  /** The app over this corpus (not started), lexical search only. */
  public Javalin app() {
    return App.create(features(), App.Settings.DEFAULT);
  }

  /** One indexed corpus, closed with the test run. */
  private static final class Indexed implements AutoCloseable {
    final Path temp;
    final Path content;
    final IndexHandle handle;
    final Glossary glossary;
    private SemanticService semantics;

    private Indexed(Path temp, Path content, IndexHandle handle, Glossary glossary) {
      this.temp = temp;
      this.content = content;
      this.handle = handle;
      this.glossary = glossary;
    }

    static Indexed build(Kind kind) {
      try {
        Path temp = Files.createTempDirectory("dailydl-shared-" + kind.name().toLowerCase(java.util.Locale.ROOT));
        Path content = switch (kind) {
          case FIXTURES -> Fixtures.copyOfCorpus(temp.resolve("content"));
          case THIRD_PARTY -> Fixtures.copyOfThirdParty(temp.resolve("content"));
          case CONTENT -> Judgments.content();
        };
        return new Indexed(temp, content, IndexHandle.open(content, temp.resolve("index")), Glossary.forContent(content));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    synchronized SemanticService semantics() {
      if (semantics == null) {
        SemanticService enabled = SemanticService.enabled(handle);
        try {
          enabled.update();
        } catch (IOException e) {
          enabled.close();
          throw new UncheckedIOException(e);
        }
        semantics = enabled;
      }
      return semantics;
    }

    @Override
    public synchronized void close() throws IOException {
      if (semantics != null) {
        semantics.close();
      }
      handle.close();
      try (Stream<Path> files = Files.walk(temp)) {
        for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
