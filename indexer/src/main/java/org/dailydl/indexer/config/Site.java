package org.dailydl.indexer.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The site a content folder is served as: what {@code dailydl.yml} sets, and for everything else
 * what the folder itself suggests ({@link SiteDefaults}) — never the branding of another folder.
 * Immutable.
 *
 * @param title never blank
 * @param subtitle null when not set
 * @param tagline null when not set
 * @param description null when not set
 * @param examples example queries (may be empty)
 * @param categories every category that has articles, in display order, each with its label;
 *     {@code ""} is the content root
 * @param home content path of the home page article, or null when there is none
 * @param language BCP 47 tag of the content
 */
public record Site(
    String title,
    String subtitle,
    String tagline,
    String description,
    List<String> examples,
    List<Category> categories,
    String home,
    String language) {

  /** The category of the notes at the top of the folder, as the API names it. */
  public static final String ROOT = "";
  /** Its label unless {@code dailydl.yml} gives one. */
  public static final String ROOT_LABEL = "根目录";
  public static final String DEFAULT_LANGUAGE = "zh-CN";

  /** A category (top folder, or {@link #ROOT}) and the label readers see. */
  public record Category(String name, String label) {}

  public Site {
    Objects.requireNonNull(title, "title");
    examples = List.copyOf(examples);
    categories = List.copyOf(categories);
    Objects.requireNonNull(language, "language");
  }

  /**
   * The site of a folder: {@code config} where it says something, defaults from the folder and its
   * articles elsewhere.
   *
   * @param categories the categories that have articles ({@link #ROOT} included when root notes exist)
   * @param titles the titles of its articles (for example queries)
   */
  public static Site resolve(SiteConfig config, Path contentRoot, Set<String> categories, List<String> titles) {
    String title = config.title() != null ? config.title() : SiteDefaults.title(contentRoot);
    // the home page's title names the site, not a subject to search for
    List<String> examples = !config.examples().isEmpty() ? config.examples()
        : SiteDefaults.examples(titles.stream().filter(t -> !t.equals(title)).toList());
    String home = config.home() != null ? config.home() : SiteDefaults.home(contentRoot);
    String language = config.language() != null ? config.language() : DEFAULT_LANGUAGE;
    return new Site(title, config.subtitle(), config.tagline(), config.description(), examples, order(config.categories(), categories),
        home, language);
  }

  /** Configured categories first, in their order; then the others by name, the root last. */
  private static List<Category> order(List<Category> configured, Set<String> present) {
    Map<String, Category> result = new LinkedHashMap<>();
    for (Category c : configured) {
      if (present.contains(c.name())) {
        result.putIfAbsent(c.name(), new Category(c.name(), c.label() != null ? c.label() : defaultLabel(c.name())));
      }
    }
    List<String> rest = new ArrayList<>(present);
    rest.sort(String::compareTo);
    if (rest.remove(ROOT)) {
      rest.add(ROOT);
    }
    for (String name : rest) {
      result.putIfAbsent(name, new Category(name, defaultLabel(name)));
    }
    return List.copyOf(result.values());
  }

  private static String defaultLabel(String name) {
    return name.equals(ROOT) ? ROOT_LABEL : name;
  }

  /** The label of a category: its configured label, else the folder name ({@link #ROOT_LABEL} for the root). */
  public String labelOf(String category) {
    for (Category c : categories) {
      if (c.name().equals(category)) {
        return c.label();
      }
    }
    return defaultLabel(category);
  }
}
