package org.dailydl.indexer.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.dailydl.indexer.analysis.Analysis;
import org.dailydl.indexer.collection.Article;
import org.dailydl.indexer.collection.ContentRoot;
import org.dailydl.indexer.collection.MarkdownArticleParser;
import org.dailydl.indexer.collection.TextDecoder;

/**
 * What a folder without (parts of) {@code dailydl.yml} is called and offers, derived from the
 * folder alone: its README's one top heading as the title (else the folder's name), the README as
 * the home page, and example queries from the words its article titles share most.
 */
public final class SiteDefaults {
  /** How many example queries are derived. */
  static final int EXAMPLES = 6;
  /** Home page candidates, in order. */
  private static final List<String> HOMES = List.of("README.md", "readme.md", "Readme.md", "index.md");
  /** Title words that name no subject a reader would search for. */
  private static final Set<String> GENERIC = Set.of(
      "day", "part", "chapter", "lesson", "note", "notes", "readme", "index", "intro", "introduction", "summary",
      "笔记", "学习笔记", "总结", "小结", "简介", "介绍", "概述", "目录", "题目", "练习", "习题", "答案", "解析", "附录", "第");
  private static final Pattern DIGITS = Pattern.compile("[\\d.]+");
  /** GitHub's emoji codes in headings ({@code :pencil2:}, {@code :floppy_disk:}). */
  private static final Pattern EMOJI_CODE = Pattern.compile("(?<![\\w:]):[a-z][a-z0-9_+-]*:(?![\\w:])");
  /** Numbered parts of a series ({@code Day01}, {@code part2}). */
  private static final Pattern NUMBERED = Pattern.compile("(?:day|part|chapter|lesson|step|week)\\d*");

  private SiteDefaults() {}

  /**
   * The README's title, else the folder's own name. The title is the README's one top heading: the
   * first heading of the shallowest level when no other heading shares that level (a README made of
   * several {@code ## 算法}, {@code ## 网络} sections has none). GitHub's emoji codes
   * ({@code :pencil2:}) are left out.
   */
  public static String title(Path contentRoot) {
    String home = home(contentRoot);
    if (home != null) {
      try {
        byte[] bytes = Files.readAllBytes(contentRoot.resolve(home));
        var parsed = new MarkdownArticleParser().parse(TextDecoder.decode(bytes).text());
        List<String> top = new ArrayList<>();
        int level = Integer.MAX_VALUE;
        for (Article.Heading heading : parsed.headings()) {
          String text = EMOJI_CODE.matcher(heading.text()).replaceAll("").replaceAll("[*_`]+", "").strip();
          if (text.isEmpty() || heading.level() > level) {
            continue;
          }
          if (heading.level() < level) {
            level = heading.level();
            top.clear();
          }
          top.add(text);
        }
        if (top.size() == 1) {
          return top.get(0);
        }
      } catch (IOException | TextDecoder.NotTextException e) {
        // an unreadable README names nothing: fall back to the folder
      }
    }
    Path name = contentRoot.toAbsolutePath().normalize().getFileName();
    return name == null ? "笔记" : name.toString();
  }

  /** The README (or index.md) at the top of the folder, or null when there is none. */
  public static String home(Path contentRoot) {
    ContentRoot root = new ContentRoot(contentRoot);
    for (String candidate : HOMES) {
      var file = root.resolve(candidate);
      if (file.isPresent() && Files.isRegularFile(file.get())) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * The words most titles share, most shared first (ties: longer first, then first seen first), as
   * written in the titles ({@code PyTorch}, not {@code pytorch}); no stop words, numbers or generic words.
   */
  public static List<String> examples(List<String> titles) {
    Analysis analysis = Analysis.standard();
    CharArraySet stop = analysis.stopWords();
    Map<String, Integer> frequency = new LinkedHashMap<>();
    for (String title : titles) {
      Set<String> seen = new HashSet<>();
      for (String token : analysis.tokens(analysis.word(), title)) {
        if (token.codePointCount(0, token.length()) >= 2 && !stop.contains(token) && !GENERIC.contains(token)
            && !DIGITS.matcher(token).matches() && !NUMBERED.matcher(token).matches() && seen.add(token)) {
          frequency.merge(token, 1, Integer::sum);
        }
      }
    }
    List<String> words = new ArrayList<>(frequency.keySet());
    // shared by more titles first; then the longer (more specific: Dijkstra before 问题); stable, so
    // among those the first seen stays first
    words.sort((a, b) -> frequency.get(a).equals(frequency.get(b))
        ? Integer.compare(b.codePointCount(0, b.length()), a.codePointCount(0, a.length()))
        : Integer.compare(frequency.get(b), frequency.get(a)));
    List<String> examples = new ArrayList<>();
    for (String word : words.subList(0, Math.min(EXAMPLES, words.size()))) {
      examples.add(asWritten(word, titles));
    }
    return examples;
  }

  /** A lower-cased token as the first title that contains it spells it. */
  private static String asWritten(String token, List<String> titles) {
    Pattern pattern = Pattern.compile(Pattern.quote(token), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    for (String title : titles) {
      Matcher m = pattern.matcher(title);
      if (m.find()) {
        return m.group();
      }
    }
    return token.toLowerCase(Locale.ROOT);
  }
}
