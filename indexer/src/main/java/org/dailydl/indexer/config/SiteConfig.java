package org.dailydl.indexer.config;

import java.util.List;

/**
 * What a content folder's {@code dailydl.yml} says about its site; a field is null (a list empty)
 * when the file does not set it, and {@link Site#resolve} then derives it from the folder.
 *
 * @param title the site's name (header, page titles)
 * @param subtitle a few words after the name in the browser's title bar and the footer
 * @param tagline one line on the home page
 * @param description a sentence or two under it (and the page's meta description)
 * @param examples example queries offered on the home and search pages
 * @param categories category labels in display order; a label may be null (the folder name)
 * @param home the content path of the article shown on the home page
 * @param language the content's language as a BCP 47 tag ({@code zh-CN})
 */
public record SiteConfig(
    String title,
    String subtitle,
    String tagline,
    String description,
    List<String> examples,
    List<Site.Category> categories,
    String home,
    String language) {

  /** A folder without {@code dailydl.yml}: everything derived. */
  public static final SiteConfig NONE = new SiteConfig(null, null, null, null, List.of(), List.of(), null, null);

  public SiteConfig {
    examples = List.copyOf(examples);
    categories = List.copyOf(categories);
  }
}
