package org.dailydl.server.articles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.dailydl.indexer.collection.LinkResolver;
import org.dailydl.indexer.collection.NotebookArticleParser;
import org.dailydl.server.index.ArticleInfo;
import org.dailydl.server.index.Catalog;
import org.dailydl.server.index.IndexHandle;

/**
 * Articles: lists, lookups by id or path, and the rendered article with its table of contents,
 * links, backlinks and keywords. Rendered HTML is cached by path and content hash. Thread-safe.
 */
public final class ArticleService {
  private static final int CACHE_SIZE = 256;

  private final IndexHandle index;
  private final Path contentDir;
  private final LinkResolver resolver;
  private final MarkdownRenderer renderer = new MarkdownRenderer();
  private final NotebookArticleParser notebooks = new NotebookArticleParser();
  private final Function<ArticleInfo, List<ArticleView.Keyword>> keywords;
  private final Map<String, MarkdownRenderer.Rendered> cache = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, MarkdownRenderer.Rendered> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  /**
   * @param keywords the keywords of an article (from the recommendation service), or none
   */
  public ArticleService(IndexHandle index, Function<ArticleInfo, List<ArticleView.Keyword>> keywords) {
    this.index = Objects.requireNonNull(index);
    this.contentDir = index.contentDir();
    this.resolver = new LinkResolver(contentDir);
    this.keywords = Objects.requireNonNull(keywords);
  }

  /** Articles, optionally of one category, sorted by path. */
  public List<ArticleView.Summary> list(String category) throws IOException {
    try (IndexHandle.Snapshot snapshot = index.acquire()) {
      List<ArticleView.Summary> list = new ArrayList<>();
      for (ArticleInfo a : snapshot.catalog().articles()) {
        if (category == null || category.equals(a.category())) {
          list.add(summary(a));
        }
      }
      return list;
    }
  }

  public List<ArticleView.Category> categories() throws IOException {
    try (IndexHandle.Snapshot snapshot = index.acquire()) {
      return snapshot.catalog().categories().entrySet().stream()
          .map(e -> new ArticleView.Category(e.getKey(), e.getValue())).toList();
    }
  }

  /** The article with this id, rendered; empty when there is none. */
  public Optional<ArticleView.Full> byId(String id) throws IOException {
    try (IndexHandle.Snapshot snapshot = index.acquire()) {
      Optional<ArticleInfo> info = snapshot.catalog().byId(id);
      return info.isEmpty() ? Optional.empty() : full(snapshot, info.get());
    }
  }

  /** The article at this content path, rendered; empty when there is none. */
  public Optional<ArticleView.Full> byPath(String path) throws IOException {
    try (IndexHandle.Snapshot snapshot = index.acquire()) {
      Optional<ArticleInfo> info = snapshot.catalog().byPath(path);
      return info.isEmpty() ? Optional.empty() : full(snapshot, info.get());
    }
  }

  private Optional<ArticleView.Full> full(IndexHandle.Snapshot snapshot, ArticleInfo a) throws IOException {
    Catalog catalog = snapshot.catalog();
    Optional<MarkdownRenderer.Rendered> rendered = render(snapshot.version().number(), catalog, a);
    if (rendered.isEmpty()) {
      return Optional.empty();
    }
    List<ArticleView.LinkRef> links = catalog.outgoing(a.id()).stream()
        .map(e -> ref(catalog, e.target(), e.text())).toList();
    List<ArticleView.LinkRef> backlinks = catalog.incoming(a.id()).stream()
        .map(e -> ref(catalog, e.source(), e.text())).toList();
    return Optional.of(new ArticleView.Full(a.id(), a.path(), a.title(), a.category(), a.tags(), a.summary(), a.date(),
        a.kind(), a.size(), rendered.get().toc(), rendered.get().html(), links, backlinks, keywords.apply(a)));
  }

  private static ArticleView.LinkRef ref(Catalog catalog, String id, String text) {
    ArticleInfo other = catalog.byId(id).orElseThrow();
    return new ArticleView.LinkRef(other.id(), other.path(), other.title(), text);
  }

  private Optional<MarkdownRenderer.Rendered> render(long version, Catalog catalog, ArticleInfo a)
      throws IOException {
    // the index version is part of the key: links to articles added since must be rewritten too
    String key = version + "\u0000" + a.path() + "\u0000" + a.hash();
    synchronized (cache) {
      MarkdownRenderer.Rendered cached = cache.get(key);
      if (cached != null) {
        return Optional.of(cached);
      }
    }
    Path file = contentDir.resolve(a.path()).normalize();
    if (!file.startsWith(contentDir)) {
      return Optional.empty();
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (java.nio.charset.MalformedInputException e) {
      text = new String(Files.readAllBytes(file), java.nio.charset.Charset.forName("GB18030"));
    }
    if ("notebook".equals(a.kind())) {
      try {
        text = notebooks.toMarkdown(text);
      } catch (NotebookArticleParser.MalformedNotebookException e) {
        return Optional.empty();
      }
    }
    MarkdownRenderer.Rendered rendered = renderer.render(text, a.path(),
        href -> resolver.resolve(a.path(), href),
        path -> catalog.byPath(path).map(ArticleInfo::id).orElse(null));
    synchronized (cache) {
      cache.put(key, rendered);
    }
    return Optional.of(rendered);
  }

  static ArticleView.Summary summary(ArticleInfo a) {
    return new ArticleView.Summary(a.id(), a.path(), a.title(), a.category(), a.tags(), a.summary(), a.kind());
  }
}
