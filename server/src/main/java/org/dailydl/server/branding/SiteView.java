package org.dailydl.server.branding;

import java.util.List;
import org.dailydl.indexer.config.Site;

/**
 * The site as the API and the page see it ({@code GET /api/site}).
 *
 * @param categories in display order; {@code name} {@code ""} is the top of the content folder,
 *     filtered with {@code category=/}
 */
public record SiteView(String title, String subtitle, String tagline, String description, List<String> examples,
    List<Site.Category> categories, String home, String language, String rootCategory) {

  /** The {@code category} parameter value that selects the notes at the top of the content folder. */
  public static final String ROOT_PARAM = "/";

  public static SiteView of(Site site) {
    return new SiteView(site.title(), site.subtitle(), site.tagline(), site.description(), site.examples(), site.categories(),
        site.home(), site.language(), ROOT_PARAM);
  }
}
