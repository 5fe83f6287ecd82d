package org.dailydl.server.articles;

import java.util.List;
import org.dailydl.server.corpus.Keyword;

/** DTOs of the articles API. */
public final class ArticleView {
  private ArticleView() {}

  /** An article in lists. */
  public record Summary(String id, String path, String title, String category, List<String> tags, String summary,
      String kind) {}

  /** A link between two articles, seen from one end: the other article and the link's words. */
  public record LinkRef(String id, String path, String title, String text) {}

  /** Another article, named. */
  public record Neighbour(String id, String path, String title) {}

  /**
   * Where an article stands in its reading order (a numbered series or a table of contents):
   * the note before and after it, either null at an end.
   */
  public record ReadingOrder(Neighbour previous, Neighbour next) {}

  /** One article, rendered; {@code series} is null for a note outside any reading order. */
  public record Full(
      String id,
      String path,
      String title,
      String category,
      List<String> tags,
      String summary,
      String date,
      String kind,
      long size,
      List<MarkdownRenderer.TocEntry> toc,
      String html,
      List<LinkRef> links,
      List<LinkRef> backlinks,
      List<Keyword> keywords,
      ReadingOrder series) {}

  /** An article's Markdown source with what identifies it (for agents, which read Markdown better than HTML). */
  public record Source(String id, String path, String title, String category, List<String> tags, String markdown) {}

  /**
   * A category with its label and article count; {@code name} {@code ""} is the notes at the top of
   * the content folder (filtered with {@code category=/}).
   */
  public record Category(String name, String label, int count) {}
}
