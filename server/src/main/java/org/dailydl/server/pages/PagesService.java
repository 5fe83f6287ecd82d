package org.dailydl.server.pages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dailydl.indexer.schema.IndexedArticle;
import org.dailydl.server.articles.ArticleService;
import org.dailydl.server.articles.ArticleView;
import org.dailydl.server.index.IndexHandle;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The articles as the page's head, the sitemap and the feed describe them. Knows nothing of HTTP.
 * Thread-safe.
 */
public final class PagesService {
  /** Descriptions are cut here: about what search engines and link previews show. */
  static final int DESCRIPTION_CHARS = 160;

  private final IndexHandle index;
  private final ArticleService articles;

  public PagesService(IndexHandle index, ArticleService articles) {
    this.index = Objects.requireNonNull(index);
    this.articles = Objects.requireNonNull(articles);
  }

  /** The article with this id, with its description; empty when there is none (or its file is gone). */
  public Optional<ArticleMeta> article(String id) throws IOException {
    Optional<ArticleView.Full> full = articles.byId(id);
    if (full.isEmpty()) {
      return Optional.empty();
    }
    long modified;
    try (IndexHandle.Lease lease = index.acquire()) {
      modified = lease.corpus().catalog().byId(id).map(IndexedArticle::modified).orElse(-1L);
    }
    ArticleView.Full a = full.get();
    return Optional.of(new ArticleMeta(a.id(), a.title(), describe(a.summary(), a.html()), modified, a.date()));
  }

  /** Every article, by path, without descriptions (the sitemap needs none). */
  public List<ArticleMeta> all() throws IOException {
    try (IndexHandle.Lease lease = index.acquire()) {
      return lease.corpus().catalog().articles().stream()
          .map(a -> new ArticleMeta(a.id(), a.title(), null, a.modified(), a.date())).toList();
    }
  }

  /** The {@code n} most recently modified articles, newest first (ties by path), with descriptions. */
  public List<ArticleMeta> recent(int n) throws IOException {
    List<IndexedArticle> newest;
    try (IndexHandle.Lease lease = index.acquire()) {
      newest = lease.corpus().catalog().articles().stream()
          .sorted(Comparator.comparingLong(IndexedArticle::modified).reversed().thenComparing(IndexedArticle::path))
          .limit(n).toList();
    }
    List<ArticleMeta> recent = new ArrayList<>();
    for (IndexedArticle a : newest) {
      // an article whose file went away since the index was read is left out
      article(a.id()).ifPresent(recent::add);
    }
    return recent;
  }

  /**
   * The front-matter summary, else the opening of the article's text: its first paragraphs and list
   * items, without formulas (TeX reads as noise) or code, cut at {@value #DESCRIPTION_CHARS}
   * characters.
   */
  static String describe(String summary, String html) {
    if (summary != null && !summary.isBlank()) {
      return cut(summary.strip().replaceAll("\\s+", " "));
    }
    Document doc = Jsoup.parseBodyFragment(html == null ? "" : html);
    doc.select(".math, pre, code, table, img").remove();
    StringBuilder text = new StringBuilder();
    for (Element e : doc.select("p, li")) {
      if (!e.select("p, li").stream().filter(inner -> inner != e).findAny().isEmpty()) {
        continue;
      }
      String words = e.text().strip();
      if (!words.isEmpty()) {
        text.append(text.isEmpty() ? "" : " ").append(words);
      }
      if (text.length() >= DESCRIPTION_CHARS) {
        break;
      }
    }
    return cut(text.toString());
  }

  private static String cut(String text) {
    if (text.length() <= DESCRIPTION_CHARS) {
      return text;
    }
    int end = DESCRIPTION_CHARS - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
