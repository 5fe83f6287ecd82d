package org.dailydl.server.articles;

import com.fasterxml.jackson.annotation.JsonValue;
import io.javalin.openapi.OpenApiName;
import io.javalin.openapi.OpenApiNullable;
import java.util.List;
import java.util.Locale;
import org.dailydl.indexer.collection.Article;
import org.dailydl.server.corpus.Keyword;

/** DTOs of the articles API; nullable components say when they are null. */
public final class ArticleView {
  private ArticleView() {}

  /** What an article was written as. */
  @OpenApiName("ArticleKind")
  public enum Kind {
    MARKDOWN, NOTEBOOK;

    static Kind of(Article.Kind kind) {
      return valueOf(kind.name());
    }

    @JsonValue
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** An article in lists; {@code summary} is the front matter's, null without one. */
  @OpenApiName("ArticleSummary")
  public record Summary(String id, String path, String title, String category, List<String> tags,
      @OpenApiNullable String summary, Kind kind) {}

  /** The answer of {@code GET /api/articles}: how many articles, and each of them. */
  @OpenApiName("ArticleList")
  public record ArticleList(int total, List<Summary> articles) {
    public ArticleList(List<Summary> articles) {
      this(articles.size(), articles);
    }
  }

  /** A link between two articles, seen from one end: the other article and the link's words. */
  @OpenApiName("ArticleLink")
  public record LinkRef(String id, String path, String title, String text) {}

  /** Another article, named. */
  @OpenApiName("ArticleRef")
  public record Neighbour(String id, String path, String title) {}

  /**
   * Where an article stands in its reading order (a numbered series or a table of contents):
   * the note before and after it, either null at an end.
   */
  public record ReadingOrder(@OpenApiNullable Neighbour previous, @OpenApiNullable Neighbour next) {}

  /**
   * One article, rendered; {@code summary} and {@code date} are the front matter's (null without),
   * {@code series} is null for a note outside any reading order.
   */
  @OpenApiName("Article")
  public record Full(
      String id,
      String path,
      String title,
      String category,
      List<String> tags,
      @OpenApiNullable String summary,
      @OpenApiNullable String date,
      Kind kind,
      long size,
      List<MarkdownRenderer.TocEntry> toc,
      String html,
      List<LinkRef> links,
      List<LinkRef> backlinks,
      List<Keyword> keywords,
      @OpenApiNullable ReadingOrder series) {}

  /** An article's Markdown source with what identifies it (for agents, which read Markdown better than HTML). */
  public record Source(String id, String path, String title, String category, List<String> tags, String markdown) {}

  /**
   * A category with its label and article count; {@code name} {@code ""} is the notes at the top of
   * the content folder (filtered with {@code category=/}).
   */
  @OpenApiName("Category")
  public record Category(String name, String label, int count) {}
}
