package org.dailydl.server.search;

import java.util.Objects;

/**
 * A validated search request.
 *
 * @param query the text as typed (plain text unless {@code luceneSyntax})
 * @param page 1-based page
 * @param size hits per page
 * @param category only this category, or null
 * @param tag only articles with this tag (case-insensitive), or null
 * @param luceneSyntax parse {@code query} with Lucene's query parser
 * @param mode which signals rank
 */
public record SearchRequest(String query, int page, int size, String category, String tag, boolean luceneSyntax,
    Mode mode) {
  public static final int MAX_QUERY_LENGTH = 256;
  public static final int MAX_SIZE = 100;
  /** Deep paging is pointless for readers and costly: page × size stays under this. */
  public static final int MAX_WINDOW = 10_000;

  public SearchRequest(String query, int page, int size, String category, String tag, boolean luceneSyntax) {
    this(query, page, size, category, tag, luceneSyntax, Mode.HYBRID);
  }

  public SearchRequest {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(mode, "mode");
    if (page < 1 || size < 1 || size > MAX_SIZE || (long) page * size > MAX_WINDOW) {
      throw new IllegalArgumentException("page/size out of range");
    }
  }

  public static SearchRequest of(String query) {
    return new SearchRequest(query, 1, 10, null, null, false);
  }

  /** Index of the first hit of the page among all ranked results. */
  int offset() {
    return (page - 1) * size;
  }
}
