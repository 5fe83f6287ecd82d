package org.dailydl.server.pages;

/**
 * What the page's head, the sitemap and the feed say of one article.
 *
 * @param id article id (its page is {@code /articles/{id}})
 * @param title its title
 * @param description its front-matter summary, else the opening of its text; null where not asked for
 * @param modified last-modified time of its file in millis, or -1 when unknown
 * @param date front-matter date as written, or null
 */
public record ArticleMeta(String id, String title, String description, long modified, String date) {
  /** The page's path. */
  public String path() {
    return "/articles/" + id;
  }
}
