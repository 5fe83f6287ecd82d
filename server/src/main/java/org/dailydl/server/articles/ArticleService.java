package org.dailydl.server.articles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dailydl.indexer.collection.Article;
import org.dailydl.indexer.collection.LinkResolver;
import org.dailydl.indexer.collection.NotebookArticleParser;
import org.dailydl.indexer.config.Site;
import org.dailydl.indexer.schema.IndexedArticle;
import org.dailydl.server.corpus.Catalog;
import org.dailydl.server.corpus.CorpusSnapshot;
import org.dailydl.server.corpus.LinkGraph;
import org.dailydl.server.files.ContentFiles;
import org.dailydl.server.index.IndexHandle;

/**
 * Articles: lists, lookups by id or path, and the rendered article with its table of contents,
 * links, backlinks and keywords. Rendered HTML is cached by index version, path and content hash.
 * Thread-safe.
 */
public final class ArticleService {
  static final int CACHE_SIZE = 256;
  static final int KEYWORDS = 10;

  private final IndexHandle index;
  private final ArticleFiles files;
  private final LinkResolver resolver;
  private final MarkdownRenderer renderer = new MarkdownRenderer();
  private final NotebookArticleParser notebooks = new NotebookArticleParser();
  private final Cache<String, MarkdownRenderer.Rendered> cache = Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();

  public ArticleService(IndexHandle index) {
    this.index = Objects.requireNonNull(index);
    this.files = new ArticleFiles(index.contentDir());
    this.resolver = new LinkResolver(index.contentDir());
  }

  /** Articles, optionally of one category, sorted by path. */
  public List<ArticleView.Summary> list(String category) throws IOException {
    try (IndexHandle.Lease lease = index.acquire()) {
      List<ArticleView.Summary> list = new ArrayList<>();
      for (IndexedArticle a : lease.corpus().catalog().articles()) {
        if (category == null || category.equals(a.category())) {
          list.add(summary(a));
        }
      }
      return list;
    }
  }

  /** Categories by name, labelled with their folder names ({@link Site#ROOT_LABEL} for the top). */
  public List<ArticleView.Category> categories() throws IOException {
    try (IndexHandle.Lease lease = index.acquire()) {
      return lease.corpus().catalog().categories().entrySet().stream()
          .map(e -> new ArticleView.Category(e.getKey(), e.getKey().isEmpty() ? Site.ROOT_LABEL : e.getKey(), e.getValue()))
          .toList();
    }
  }

  /** Categories in the site's order with its labels; the notes at the top of the folder are one of them. */
  public List<ArticleView.Category> categories(Site site) throws IOException {
    try (IndexHandle.Lease lease = index.acquire()) {
      var counts = lease.corpus().catalog().categories();
      List<ArticleView.Category> ordered = new ArrayList<>();
      for (Site.Category c : site.categories()) {
        Integer count = counts.get(c.name());
        if (count != null) {
          ordered.add(new ArticleView.Category(c.name(), c.label(), count));
        }
      }
      // the index may have moved on since the site was computed: categories it did not know come last
      counts.forEach((name, count) -> {
        if (ordered.stream().noneMatch(c -> c.name().equals(name))) {
          ordered.add(new ArticleView.Category(name, site.labelOf(name), count));
        }
      });
      return ordered;
    }
  }

  /** The article with this id, rendered; empty when there is none. */
  public Optional<ArticleView.Full> byId(String id) throws IOException {
    try (IndexHandle.Lease lease = index.acquire()) {
      Optional<IndexedArticle> info = lease.corpus().catalog().byId(id);
      return info.isEmpty() ? Optional.empty() : full(lease.corpus(), info.get());
    }
  }

  /** The listing of the article at this content path; empty when there is none. */
  public Optional<ArticleView.Summary> summaryByPath(String path) throws IOException {
    try (IndexHandle.Lease lease = index.acquire()) {
      return lease.corpus().catalog().byPath(path).map(ArticleService::summary);
    }
  }

  /** The article at this content path, rendered; empty when there is none. */
  public Optional<ArticleView.Full> byPath(String path) throws IOException {
    try (IndexHandle.Lease lease = index.acquire()) {
      Optional<IndexedArticle> info = lease.corpus().catalog().byPath(path);
      return info.isEmpty() ? Optional.empty() : full(lease.corpus(), info.get());
    }
  }

  /** The Markdown of the article with this id as its author wrote it (a notebook's cells as Markdown); empty when there is none. */
  public Optional<ArticleView.Source> sourceById(String id) throws IOException {
    try (IndexHandle.Lease lease = index.acquire()) {
      Optional<IndexedArticle> info = lease.corpus().catalog().byId(id);
      return info.isEmpty() ? Optional.empty() : source(info.get());
    }
  }

  /** The Markdown of the article at this content path; empty when there is none. */
  public Optional<ArticleView.Source> sourceByPath(String path) throws IOException {
    try (IndexHandle.Lease lease = index.acquire()) {
      Optional<IndexedArticle> info = lease.corpus().catalog().byPath(path);
      return info.isEmpty() ? Optional.empty() : source(info.get());
    }
  }

  private Optional<ArticleView.Source> source(IndexedArticle a) throws IOException {
    return markdownOf(a).map(markdown -> new ArticleView.Source(a.id(), a.path(), a.title(), a.category(), a.tags(),
        markdown));
  }

  private Optional<ArticleView.Full> full(CorpusSnapshot corpus, IndexedArticle a) throws IOException {
    Catalog catalog = corpus.catalog();
    Optional<MarkdownRenderer.Rendered> rendered = render(corpus, a);
    if (rendered.isEmpty()) {
      return Optional.empty();
    }
    LinkGraph links = corpus.links();
    List<ArticleView.LinkRef> outgoing = links.outgoing(a.id()).stream()
        .map(e -> ref(catalog, e.target(), e.text())).toList();
    List<ArticleView.LinkRef> backlinks = links.incoming(a.id()).stream()
        .map(e -> ref(catalog, e.source(), e.text())).toList();
    return Optional.of(new ArticleView.Full(a.id(), a.path(), a.title(), a.category(), a.tags(), a.summary(), a.date(),
        ArticleView.Kind.of(a.kind()), a.size(), rendered.get().toc(), rendered.get().html(), outgoing, backlinks,
        corpus.terms().keywords(a.id(), KEYWORDS), readingOrder(corpus, a)));
  }

  private static ArticleView.ReadingOrder readingOrder(CorpusSnapshot corpus, IndexedArticle a) {
    return corpus.series().of(a.id())
        .map(n -> new ArticleView.ReadingOrder(neighbour(corpus.catalog(), n.previous()), neighbour(corpus.catalog(), n.next())))
        .orElse(null);
  }

  private static ArticleView.Neighbour neighbour(Catalog catalog, String id) {
    return id == null ? null : catalog.byId(id).map(o -> new ArticleView.Neighbour(o.id(), o.path(), o.title())).orElse(null);
  }

  private static ArticleView.LinkRef ref(Catalog catalog, String id, String text) {
    IndexedArticle other = catalog.byId(id).orElseThrow();
    return new ArticleView.LinkRef(other.id(), other.path(), other.title(), text);
  }

  private Optional<MarkdownRenderer.Rendered> render(CorpusSnapshot corpus, IndexedArticle a) throws IOException {
    // the index version is part of the key: links to articles added since must be rewritten too
    String key = corpus.number() + "\u0000" + a.path() + "\u0000" + a.hash();
    MarkdownRenderer.Rendered cached = cache.getIfPresent(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<String> text = files.text(a);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String markdown = text.get();
    List<String> outputs = List.of();
    if (a.kind() == Article.Kind.NOTEBOOK) {
      try {
        NotebookArticleParser.Reading reading = notebooks.forReading(markdown);
        markdown = reading.markdown();
        outputs = NotebookOutputHtml.render(reading, a.id());
      } catch (NotebookArticleParser.MalformedNotebookException e) {
        return Optional.empty();
      }
    }
    Catalog catalog = corpus.catalog();
    MarkdownRenderer.Rendered rendered = renderer.render(markdown, a.path(),
        href -> resolver.resolve(a.path(), href),
        path -> catalog.byPath(path).map(IndexedArticle::id).orElse(null),
        path -> ContentFiles.isServable(path) ? ContentFiles.urlOf(path) : null,
        outputs);
    cache.put(key, rendered);
    return Optional.of(rendered);
  }

  /**
   * The article's Markdown as the indexer read it (a notebook's cells as Markdown, without
   * outputs); empty when it is gone or has since become a link to outside the content folder.
   */
  private Optional<String> markdownOf(IndexedArticle a) throws IOException {
    Optional<String> text = files.text(a);
    if (text.isEmpty() || a.kind() != Article.Kind.NOTEBOOK) {
      return text;
    }
    try {
      return Optional.of(notebooks.toMarkdown(text.get()));
    } catch (NotebookArticleParser.MalformedNotebookException e) {
      return Optional.empty();
    }
  }

  static ArticleView.Summary summary(IndexedArticle a) {
    return new ArticleView.Summary(a.id(), a.path(), a.title(), a.category(), a.tags(), a.summary(), ArticleView.Kind.of(a.kind()));
  }
}
