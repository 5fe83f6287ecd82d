package org.dailydl.server.branding;

import io.javalin.openapi.OpenApiName;
import io.javalin.openapi.OpenApiNullable;
import java.util.List;
import org.dailydl.indexer.config.Site;

/**
 * The site as the API and the page see it ({@code GET /api/site}); what {@code dailydl.yml} does
 * not set and the folder cannot tell is null.
 *
 * @param categories in display order; {@code name} {@code ""} is the top of the content folder,
 *     filtered with {@code category=/}
 * @param home content path of the home page article, or null when there is none
 */
@OpenApiName("Site")
public record SiteView(String title, @OpenApiNullable String subtitle, @OpenApiNullable String tagline,
    @OpenApiNullable String description, List<String> examples, List<CategoryLabel> categories,
    @OpenApiNullable String home, String language, String rootCategory) {

  /** The {@code category} parameter value that selects the notes at the top of the content folder. */
  public static final String ROOT_PARAM = "/";

  /** A category and the label the site shows for it. */
  public record CategoryLabel(String name, String label) {}

  public static SiteView of(Site site) {
    List<CategoryLabel> categories = site.categories().stream().map(c -> new CategoryLabel(c.name(), c.label())).toList();
    return new SiteView(site.title(), site.subtitle(), site.tagline(), site.description(), site.examples(), categories,
        site.home(), site.language(), ROOT_PARAM);
  }
}
