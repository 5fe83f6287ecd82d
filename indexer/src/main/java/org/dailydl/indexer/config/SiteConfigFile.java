package org.dailydl.indexer.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dailydl.indexer.collection.ContentRoot;
import org.dailydl.indexer.collection.ContentWalker;
import org.dailydl.indexer.collection.Problem;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads {@code dailydl.yml} at the top of a content folder. An author's typo never stops a build:
 * an unknown key, a value of the wrong kind, a folder or home page that does not exist, or YAML
 * that does not parse each become a warning with its line, and the setting falls back to what the
 * folder suggests. Thread-safe (stateless).
 *
 * <pre>
 * title: 我的笔记
 * subtitle: 算法题解
 * tagline: 每天一点
 * description: 机器学习与深度学习的读书笔记。
 * examples: [梯度下降, attention, KNN]
 * categories:            # display order; a label per top folder ("/" is the top of the folder itself)
 *   01-Python: Python 基础
 *   02-ML: 机器学习
 * home: README.md
 * language: zh-CN
 * </pre>
 */
public final class SiteConfigFile {
  /** The file's name at the top of the content folder. */
  public static final String NAME = "dailydl.yml";
  /** The key of the content root in {@code categories}. */
  public static final String ROOT_KEY = "/";

  static final int MAX_BYTES = 64 * 1024;
  static final int MAX_TEXT = 200;
  static final int MAX_DESCRIPTION = 1000;
  static final int MAX_EXAMPLES = 20;
  static final int MAX_EXAMPLE = 64;
  private static final List<String> KEYS =
      List.of("title", "subtitle", "tagline", "description", "examples", "categories", "home", "language");
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*");

  /**
   * What the file said and what was wrong with it.
   *
   * @param config the settings (all unset when the file is absent or unreadable)
   * @param present whether the folder has the file
   * @param warnings one per problem, path {@value #NAME}, with its line (0 for the whole file)
   */
  public record Loaded(SiteConfig config, boolean present, List<Problem> warnings) {
    public Loaded {
      warnings = List.copyOf(warnings);
    }
  }

  private SiteConfigFile() {}

  /** Reads the file of {@code contentRoot}; never throws for anything the file contains. */
  public static Loaded read(Path contentRoot) {
    ContentRoot root = new ContentRoot(contentRoot);
    Path file = root.path().resolve(NAME);
    if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return new Loaded(SiteConfig.NONE, false, List.of());
    }
    Reading reading = new Reading(root);
    if (!root.contains(file) || !Files.isRegularFile(file)) {
      reading.warn(0, "not read: not a file inside the content folder");
      return reading.done();
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        reading.warn(0, "not read: larger than " + MAX_BYTES / 1024 + " KB");
        return reading.done();
      }
      reading.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      reading.warn(0, "not read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      return new Loaded(SiteConfig.NONE, true, reading.warnings);
    }
    return reading.done();
  }

  /** One reading of the file: the settings found so far and the warnings. */
  private static final class Reading {
    private final ContentRoot root;
    private final List<Problem> warnings = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private String title;
    private String subtitle;
    private String tagline;
    private String description;
    private List<String> examples = List.of();
    private List<Site.Category> categories = List.of();
    private String home;
    private String language;

    Reading(ContentRoot root) {
      this.root = root;
    }

    Loaded done() {
      return new Loaded(new SiteConfig(title, subtitle, tagline, description, examples, categories, home, language), true,
          warnings);
    }

    void warn(int line, String message) {
      warnings.add(new Problem(NAME, line, message, Problem.Severity.WARNING));
    }

    void parse(String text) {
      LoaderOptions limits = new LoaderOptions();
      limits.setMaxAliasesForCollections(20);
      limits.setAllowDuplicateKeys(true);
      YAMLFactory factory = YAMLFactory.builder().loaderOptions(limits).build();
      ObjectMapper mapper = new ObjectMapper(factory);
      try (JsonParser parser = factory.createParser(text)) {
        JsonToken token = parser.nextToken();
        if (token == null || token == JsonToken.VALUE_NULL) {
          return; // an empty file sets nothing
        }
        if (token != JsonToken.START_OBJECT) {
          warn(line(parser.currentTokenLocation()), "not read: expected lines of key: value (title: …, examples: …)");
          return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          int line = line(parser.currentTokenLocation());
          parser.nextToken();
          JsonNode value = mapper.readTree(parser);
          setting(key, value == null ? mapper.nullNode() : value, line);
        }
      } catch (JsonProcessingException e) {
        warn(line(e.getLocation()), "not valid YAML, settings after this line are ignored: " + e.getOriginalMessage());
      } catch (IOException e) {
        warn(0, "not read: " + e.getMessage());
      }
    }

    private static int line(JsonLocation location) {
      return location == null ? 0 : Math.max(0, location.getLineNr());
    }

    private void setting(String key, JsonNode value, int line) {
      if (!seen.add(key)) {
        warn(line, "'" + key + "' is given twice; the last one counts");
      }
      if (value.isNull()) {
        return;
      }
      switch (key) {
        case "title" -> title = text(key, value, line, MAX_TEXT);
        case "subtitle" -> subtitle = text(key, value, line, MAX_TEXT);
        case "tagline" -> tagline = text(key, value, line, MAX_TEXT);
        case "description" -> description = text(key, value, line, MAX_DESCRIPTION);
        case "examples" -> examples = examples(value, line);
        case "categories" -> categories = categories(value, line);
        case "home" -> home = home(value, line);
        case "language" -> language = language(value, line);
        default -> warn(line, "unknown key '" + key + "'" + suggestion(key) + "; known keys: " + String.join(", ", KEYS));
      }
    }

    private String text(String key, JsonNode value, int line, int max) {
      if (!value.isValueNode()) {
        warn(line, "'" + key + "' must be text, not a " + (value.isArray() ? "list" : "mapping") + "; ignored");
        return null;
      }
      String text = value.asText().strip();
      if (text.isEmpty()) {
        return null;
      }
      if (text.length() > max) {
        warn(line, "'" + key + "' is longer than " + max + " characters; ignored");
        return null;
      }
      return text;
    }

    private List<String> examples(JsonNode value, int line) {
      if (value.isValueNode()) {
        warn(line, "'examples' should be a list ([a, b] or lines starting with '- '); read as one example");
        String one = text("examples", value, line, MAX_EXAMPLE);
        return one == null ? List.of() : List.of(one);
      }
      if (!value.isArray()) {
        warn(line, "'examples' must be a list of queries; ignored");
        return List.of();
      }
      List<String> result = new ArrayList<>();
      for (JsonNode item : value) {
        String query = item.isValueNode() && !item.isNull() ? item.asText().strip() : null;
        if (query == null || query.isEmpty() || query.length() > MAX_EXAMPLE) {
          warn(line, "'examples': an entry is not a query of 1 to " + MAX_EXAMPLE + " characters; left out");
        } else if (result.size() == MAX_EXAMPLES) {
          warn(line, "'examples': more than " + MAX_EXAMPLES + " queries; the rest are left out");
          break;
        } else if (!result.contains(query)) {
          result.add(query);
        }
      }
      return result;
    }

    private List<Site.Category> categories(JsonNode value, int line) {
      List<Site.Category> result = new ArrayList<>();
      Set<String> folders = topFolders();
      if (value.isObject()) {
        for (Map.Entry<String, JsonNode> e : value.properties()) {
          String label = e.getValue().isNull() ? null : text("categories: " + e.getKey(), e.getValue(), line, MAX_TEXT);
          category(e.getKey(), label, folders, line, result);
        }
      } else if (value.isArray()) {
        for (JsonNode item : value) {
          if (item.isValueNode() && !item.isNull()) {
            category(item.asText().strip(), null, folders, line, result);
          } else {
            warn(line, "'categories': a list entry must be a folder name; left out");
          }
        }
      } else {
        warn(line, "'categories' must map folder names to labels (01-Python: Python 基础); ignored");
      }
      return result;
    }

    private void category(String folder, String label, Set<String> folders, int line, List<Site.Category> result) {
      String name = folder.equals(ROOT_KEY) ? Site.ROOT : folder;
      if (!name.equals(Site.ROOT) && !folders.contains(name)) {
        warn(line, "'categories': no folder '" + folder + "' at the top of the content folder" + near(folder, folders));
        return;
      }
      result.add(new Site.Category(name, label));
    }

    private Set<String> topFolders() {
      Set<String> folders = new TreeSet<>();
      try (Stream<Path> children = Files.list(root.path())) {
        children.filter(Files::isDirectory).filter(root::contains)
            .map(p -> p.getFileName().toString())
            .filter(name -> !ContentWalker.isSkippedFolder(name))
            .forEach(folders::add);
      } catch (IOException e) {
        // no folders to check against: every name is then reported
      }
      return folders;
    }

    private String home(JsonNode value, int line) {
      String path = text("home", value, line, 1024);
      if (path == null) {
        return null;
      }
      Optional<Path> file = root.resolve(path);
      if (!ContentWalker.isArticleFile(path) || file.isEmpty() || !Files.isRegularFile(file.get())) {
        warn(line, "'home': no article '" + path + "' in the content folder (a path like README.md); ignored");
        return null;
      }
      return path;
    }

    private String language(JsonNode value, int line) {
      String tag = text("language", value, line, 35);
      if (tag == null) {
        return null;
      }
      if (!LANGUAGE.matcher(tag).matches() || Locale.forLanguageTag(tag).getLanguage().isEmpty()) {
        warn(line, "'language': '" + tag + "' is not a language tag like zh-CN or en; ignored");
        return null;
      }
      return Locale.forLanguageTag(tag).toLanguageTag();
    }
  }

  /** " (did you mean 'title'?)" for a near miss of a known key, else "". */
  static String suggestion(String key) {
    return near(key, KEYS);
  }

  private static String near(String name, java.util.Collection<String> known) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String candidate : known) {
      if (distance(lower, candidate.toLowerCase(Locale.ROOT)) <= Math.max(1, candidate.length() / 4)) {
        return " (did you mean '" + candidate + "'?)";
      }
    }
    return "";
  }

  /** Levenshtein distance: small names only. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
