package org.dailydl.benchmarks.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.dailydl.benchmarks.corpus.Vocabulary.Section;
import org.dailydl.benchmarks.corpus.Vocabulary.Term;

/**
 * Where every generated article goes and what it is about, decided before any text is written so
 * that articles can link to one another: one category per glossary section ({@code 07-Attention-
 * And-Transformer}), topic subfolders named after their first term ({@code 自注意力}, {@code
 * MultiHeadAttention}), some with a nested folder ({@code 面试题}), and file names in the styles of
 * real notes ({@code 05_ResNet.md}, {@code 词袋模型-TFIDF.md}). Deterministic for a seed. Immutable.
 */
public final class CorpusPlan {
  /** Median article size; sizes are log-normal around it, so a few articles are several times larger. */
  static final int MEDIAN_BYTES = 8_000;
  static final double SIZE_SIGMA = 0.55;
  static final int MIN_BYTES = 2_300;
  static final int MAX_BYTES = 120_000;
  /** Share of articles without front matter (their title comes from the H1). */
  static final double NO_FRONT_MATTER = 0.1;

  private static final String[] NESTED = {"面试题", "代码实现", "论文笔记", "进阶", "Advanced", "Examples"};
  private static final String[] ASPECTS = {"原理", "推导", "代码实现", "笔记", "总结", "入门", "详解", "面试题",
      "实践", "对比", "优化技巧", "常见问题"};

  /** A folder of the corpus and the terms its articles are mostly about. */
  public record Folder(String path, Section section, List<Term> theme) {}

  /** One article to write: its path, folder, main topic, target size in UTF-8 bytes. */
  public record Spec(int index, String path, Folder folder, Term topic, int targetBytes, boolean frontMatter) {}

  private final List<Spec> specs;
  private final List<Folder> folders;
  private final Map<String, List<Spec>> byFolder;
  private final Map<String, List<Spec>> byCategory;

  private CorpusPlan(List<Spec> specs, List<Folder> folders) {
    this.specs = List.copyOf(specs);
    this.folders = List.copyOf(folders);
    Map<String, List<Spec>> folderMap = new LinkedHashMap<>();
    Map<String, List<Spec>> categoryMap = new LinkedHashMap<>();
    for (Spec spec : specs) {
      folderMap.computeIfAbsent(spec.folder().path(), k -> new ArrayList<>()).add(spec);
      categoryMap.computeIfAbsent(categoryOf(spec.path()), k -> new ArrayList<>()).add(spec);
    }
    this.byFolder = folderMap;
    this.byCategory = categoryMap;
  }

  /** Plans {@code articles} articles over the vocabulary's sections, in proportion to their sizes. */
  public static CorpusPlan create(Vocabulary vocabulary, int articles, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Section> sections = vocabulary.sections();
    int[] quota = quotas(sections, articles);
    List<Spec> specs = new ArrayList<>(articles);
    List<Folder> allFolders = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (int s = 0; s < sections.size(); s++) {
      Section section = sections.get(s);
      List<Folder> folders = folders(section, String.format(Locale.ROOT, "%02d-%s", s + 1, slug(section.enName())),
          random);
      allFolders.addAll(folders);
      for (int k = 0; k < quota[s]; k++) {
        Folder folder = folders.get(random.nextInt(folders.size()));
        Term topic = folder.theme().get(random.nextInt(folder.theme().size()));
        String path = uniquePath(folder.path(), fileName(topic, random), taken);
        specs.add(new Spec(specs.size(), path, folder, topic, targetBytes(random),
            random.nextDouble() >= NO_FRONT_MATTER));
      }
    }
    return new CorpusPlan(specs, allFolders);
  }

  /** Largest-remainder split of {@code total} in proportion to the sections' term counts. */
  private static int[] quotas(List<Section> sections, int total) {
    int terms = sections.stream().mapToInt(s -> s.terms().size()).sum();
    int[] quota = new int[sections.size()];
    double[] remainder = new double[sections.size()];
    int assigned = 0;
    for (int i = 0; i < quota.length; i++) {
      double exact = (double) total * sections.get(i).terms().size() / terms;
      quota[i] = (int) exact;
      remainder[i] = exact - quota[i];
      assigned += quota[i];
    }
    for (; assigned < total; assigned++) {
      int best = 0;
      for (int i = 1; i < quota.length; i++) {
        best = remainder[i] > remainder[best] ? i : best;
      }
      quota[best]++;
      remainder[best] = -1;
    }
    return quota;
  }

  /** The category folder itself, a topic subfolder per slice of related terms, some nested folders. */
  private static List<Folder> folders(Section section, String category, SplittableRandom random) {
    List<Folder> folders = new ArrayList<>();
    folders.add(new Folder(category, section, section.terms()));
    List<Term> terms = section.terms();
    int count = Math.max(2, Math.min(8, terms.size() / 6));
    int slice = terms.size() / count;
    Set<String> names = new HashSet<>();
    for (int i = 0; i < count; i++) {
      List<Term> theme = terms.subList(i * slice, i == count - 1 ? terms.size() : (i + 1) * slice);
      Term first = theme.get(0);
      String name = random.nextBoolean() ? safe(first.zhName()) : camel(first.enName(0));
      while (!names.add(name)) {
        name = name + "2";
      }
      Folder sub = new Folder(category + "/" + name, section, theme);
      folders.add(sub);
      if (random.nextDouble() < 0.25) {
        folders.add(new Folder(sub.path() + "/" + NESTED[random.nextInt(NESTED.length)], section, theme));
      }
    }
    return folders;
  }

  private static String fileName(Term topic, SplittableRandom random) {
    double style = random.nextDouble();
    String zh = safe(topic.zhName());
    String en = camel(topic.enName(random.nextInt(4)));
    if (style < 0.35) {
      return zh + "-" + ASPECTS[random.nextInt(ASPECTS.length)] + ".md";
    } else if (style < 0.6) {
      return String.format(Locale.ROOT, "%02d_%s.md", 1 + random.nextInt(30), en);
    } else if (style < 0.8) {
      return zh + "-" + en + ".md";
    }
    return en.toLowerCase(Locale.ROOT) + ".md";
  }

  private static String uniquePath(String folder, String name, Set<String> taken) {
    String path = folder + "/" + name;
    String stem = path.substring(0, path.length() - 3);
    for (int n = 2; !taken.add(path.toLowerCase(Locale.ROOT)); n++) {
      path = stem + "-" + n + ".md";
    }
    return path;
  }

  private static int targetBytes(SplittableRandom random) {
    double size = MEDIAN_BYTES * Math.exp(SIZE_SIGMA * random.nextGaussian());
    return (int) Math.max(MIN_BYTES, Math.min(MAX_BYTES, size));
  }

  /** {@code multi-head attention} → {@code MultiHeadAttention}. */
  static String camel(String words) {
    StringBuilder out = new StringBuilder();
    for (String part : words.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.isEmpty() ? "Note" : out.toString();
  }

  /** {@code attention and transformer} → {@code Attention-And-Transformer} (at most four words). */
  static String slug(String words) {
    List<String> parts = new ArrayList<>();
    for (String part : words.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty() && parts.size() < 4) {
        parts.add(Character.toUpperCase(part.charAt(0)) + part.substring(1));
      }
    }
    return String.join("-", parts);
  }

  /** Keeps Han, letters and digits: a folder or file name without spaces, slashes or brackets. */
  static String safe(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
    return out.isEmpty() ? "note" : out.toString();
  }

  static String categoryOf(String path) {
    return path.substring(0, path.indexOf('/'));
  }

  /** A link destination from the file at {@code fromPath} to {@code toPath}, relative, {@code /}-separated. */
  public static String relativeLink(String fromPath, String toPath) {
    Path from = Path.of(fromPath).getParent();
    Path relative = from.relativize(Path.of(toPath));
    return relative.toString().replace('\\', '/');
  }

  public List<Spec> specs() {
    return specs;
  }

  public List<Folder> folders() {
    return folders;
  }

  public List<Spec> inFolder(String folderPath) {
    return byFolder.getOrDefault(folderPath, List.of());
  }

  public List<Spec> inCategory(String category) {
    return byCategory.getOrDefault(category, List.of());
  }

  /** Category names in order. */
  public List<String> categories() {
    return List.copyOf(byCategory.keySet());
  }
}
