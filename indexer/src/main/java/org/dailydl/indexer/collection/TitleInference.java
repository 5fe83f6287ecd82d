package org.dailydl.indexer.collection;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dailydl.indexer.analysis.Analysis;

/**
 * Chooses an article's title so that it names the subject, in this order: the front-matter title;
 * the note's own first heading when it is the one heading at the top of the outline (a chapter
 * number such as {@code 第2章}, {@code 1.} or {@code Chapter 5:} stripped); the words other notes use
 * to link to it from a table of contents (applied when the index is written: see
 * {@link #fromLinkText}); the opening sentence of a generic first section ({@code ## 题目} → the
 * problem); an introduction's heading with the sections under it ({@code # 简介} → 简介：属性、方法);
 * and only then the file name made readable ({@code 05_ResNet.md} → ResNet,
 * {@code Bert/核心解析.md} → Bert 核心解析). Numbered section headings ({@code 1. 列表} among
 * {@code 2. 元组}), generic headings ({@code 题目}, {@code 一、背景}) and day numbers ({@code Day03})
 * are never titles. A title that tells its part of a series by a number only is qualified by its
 * first sections ({@link #qualifyPart}). Stateless and thread-safe.
 */
public final class TitleInference {
  /** Leading numbering of a heading: 1. / 1.2 / 第3章 / 一、 / (二) / Chapter 5: / Day 3. */
  private static final Pattern NUMBERING =
      Pattern.compile(
          "^\\s*(?:\\d+(?:\\.\\d+)*(?:[.、)）:：]|\\s|(?=\\D))"
              + "|[(（]?[一二三四五六七八九十百]+[)）]?[、.．:：\\s]"
              + "|第\\s*[0-9一二三四五六七八九十百]+\\s*[章节课讲天部篇回][、.．:：\\s]*"
              + "|(?:day|chapter|part|lesson|step|section|lecture)\\s*\\d+\\b[.:：\\s-]*)\\s*",
          Pattern.CASE_INSENSITIVE);

  /** A file name that is only a number or a day number ({@code 03}, {@code Day03}, {@code chapter05}). */
  private static final Pattern NUMBER_NAME =
      Pattern.compile("(?i)(?:day|chapter|ch|lesson|lecture|part)?\\s*\\d+(?:[._-]\\d+)*");

  private static final Set<String> GENERIC =
      Set.of(
          "题目", "题目描述", "问题", "问题描述", "目录", "背景", "简介", "概述", "前言", "总结", "小结", "参考", "参考资料",
          "参考文献", "引言", "介绍", "答案", "解析", "核心解析", "笔记", "学习笔记", "说明", "正文", "代码", "示例", "例子",
          "练习", "习题", "附录", "思路", "解题思路", "题目链接", "链接", "这里", "详见", "点击", "更多",
          "上一篇", "下一篇", "上一节", "下一节", "上一章", "下一章", "返回", "返回目录", "回到顶部", "原文", "原文链接",
          "previous", "next", "back", "top",
          "readme", "index", "notes", "note", "summary", "overview", "introduction", "intro", "contents",
          "table of contents", "toc", "references", "reference", "code", "main", "untitled", "draft", "todo",
          "home", "首页", "主页", "problem", "description", "here", "link", "more");

  /** Headings that open a note by stating its problem: the sentence after them names the subject. */
  private static final Set<String> PROBLEM_HEADINGS =
      Set.of("题目", "题目描述", "问题", "问题描述", "problem", "description", "题意");

  /** A title made from an opening sentence is cut to about this many characters. */
  static final int OPENING_CHARS = 30;

  private TitleInference() {}

  /**
   * The title as far as the note itself tells (link text from other notes comes later).
   *
   * @param frontMatterTitle the front-matter title, or null
   * @param headings the note's headings in order
   * @param opening the first paragraph after the first heading, or null
   * @param path the article path, relative, {@code /}-separated, with extension
   */
  public static Article.Title infer(String frontMatterTitle, List<Article.Heading> headings, String opening,
      String path) {
    if (frontMatterTitle != null && !frontMatterTitle.isBlank()) {
      return new Article.Title(clean(frontMatterTitle), Article.TitleSource.FRONT_MATTER);
    }
    Optional<String> heading = fromHeadings(headings);
    if (heading.isPresent()) {
      return new Article.Title(heading.get(), Article.TitleSource.HEADING);
    }
    if (!headings.isEmpty() && isProblemHeading(headings.get(0).text()) && opening != null) {
      String sentence = firstSentence(opening);
      if (sentence.length() >= 4) {
        return new Article.Title(sentence, Article.TitleSource.OPENING);
      }
    }
    Optional<String> introduced = fromIntroduction(headings);
    if (introduced.isPresent()) {
      return new Article.Title(introduced.get(), Article.TitleSource.SECTIONS);
    }
    return new Article.Title(fromPath(path), Article.TitleSource.FILE_NAME);
  }

  /** The {@link #infer} overload with only the first heading known (tests, simple callers). */
  public static String infer(String frontMatterTitle, String firstH1, String path) {
    List<Article.Heading> headings = firstH1 == null ? List.of() : List.of(new Article.Heading(1, firstH1, 1));
    return infer(frontMatterTitle, headings, null, path).text();
  }

  /**
   * The first heading, when it is the only heading at the outline's top level: the note's own name
   * for itself, numbering stripped. Several headings at that level are sections, not a title.
   */
  static Optional<String> fromHeadings(List<Article.Heading> headings) {
    Optional<Article.Heading> first = soleTopHeading(headings);
    if (first.isEmpty() || numbersSections(headings)) {
      return Optional.empty();
    }
    String text = stripNumbering(clean(first.get().text()));
    return isSubjectText(text) ? Optional.of(qualifyPart(text, headings)) : Optional.empty();
  }

  private static final Pattern SECTION_NUMBER = Pattern.compile("^\\s*(\\d+)[.、)）:：\\s]");

  /**
   * A trailing part number: one note of several under one name ({@code NumPy的应用-2},
   * {@code 并发编程 3}, {@code 数据结构（上）}, {@code 排序之二}, {@code Part 2}).
   */
  private static final Pattern PART_NUMBER = Pattern.compile(
      "(?:(?:[-_–—·]|\\s)\\s*(?:part\\s*)?(?:\\d{1,2}|[一二三四五六七八九十]{1,2})"
          + "|[(（](?:\\d{1,2}|[一二三四五六七八九十]{1,2}|[上中下])[)）]"
          + "|之[一二三四五六七八九十]{1,2})$",
      Pattern.CASE_INSENSITIVE);

  /** Sections a part's title is qualified with (see {@link #qualifyPart}). */
  private static final int PART_SECTIONS = 2;

  /** A qualified title takes a second section only while it stays within this many characters. */
  static final int QUALIFIED_CHARS = 40;

  /** Headings that introduce a note rather than name it; its sections do (see {@link #fromIntroduction}). */
  private static final Set<String> INTRODUCTIONS =
      Set.of("简介", "概述", "前言", "引言", "介绍", "背景", "导言", "序言", "introduction", "overview", "intro");

  /**
   * Words that make a heading a section's label rather than its subject ({@code Excel简介}, {@code 本章小结}):
   * the section labels of {@link Analysis#sectionLabels()} and the introductions.
   */
  private static final List<String> SECTION_LABELS = Stream.concat(
      Analysis.standard().sectionLabels().stream(), INTRODUCTIONS.stream()).distinct().sorted().toList();

  /**
   * A title that names one part of a series says which part by a number only: it is qualified by
   * the note's first sections that name a subject (the level right under the title, none labelled
   * 简介, 小结 …), so each part's title tells what it holds: {@code NumPy的应用-1} over
   * {@code 准备工作}, {@code 创建数组对象} → NumPy的应用-1：准备工作、创建数组对象.
   */
  static String qualifyPart(String title, List<Article.Heading> headings) {
    String name = title.strip();
    var part = PART_NUMBER.matcher(name);
    if (!part.find() || part.start() == 0
        || !name.substring(0, part.start()).codePoints().anyMatch(Character::isLetter)) {
      return title;
    }
    return withSections(title, headings).orElse(title);
  }

  /**
   * {@code label：} and the names of the note's first sections that name a subject (the level under
   * the first heading, none labelled 简介, 小结 …), at most {@link #PART_SECTIONS} and the second only
   * while the title stays within {@link #QUALIFIED_CHARS} characters; empty when no section names one.
   */
  private static Optional<String> withSections(String label, List<Article.Heading> headings) {
    if (headings.size() < 2) {
      return Optional.empty();
    }
    List<Article.Heading> sections = headings.subList(1, headings.size());
    int level = sections.stream().mapToInt(Article.Heading::level).min().orElseThrow();
    List<String> named = sections.stream().filter(h -> h.level() == level)
        .map(h -> stripNumbering(clean(h.text())))
        .filter(t -> isSubjectText(t) && SECTION_LABELS.stream().noneMatch(t.toLowerCase(Locale.ROOT)::contains))
        .limit(PART_SECTIONS).toList();
    if (named.isEmpty()) {
      return Optional.empty();
    }
    String title = label + "：" + named.get(0);
    for (String more : named.subList(1, named.size())) {
      if (title.length() + 1 + more.length() <= QUALIFIED_CHARS) {
        title += "、" + more;
      }
    }
    return Optional.of(title);
  }

  /**
   * A note that opens with an introduction's heading ({@code # 简介}, {@code # 前言}) names its
   * subject in the sections under it: {@code 简介} over {@code 属性 attributes} and {@code 方法
   * methods} → 简介：属性 attributes、方法 methods.
   */
  static Optional<String> fromIntroduction(List<Article.Heading> headings) {
    return soleTopHeading(headings).map(first -> stripNumbering(clean(first.text())))
        .filter(label -> INTRODUCTIONS.contains(label.toLowerCase(Locale.ROOT)))
        .flatMap(label -> withSections(label, headings));
  }

  /** The first heading when it is the only one at the outline's top level (the note's own name for itself). */
  private static Optional<Article.Heading> soleTopHeading(List<Article.Heading> headings) {
    if (headings.isEmpty()) {
      return Optional.empty();
    }
    Article.Heading first = headings.get(0);
    int top = headings.stream().mapToInt(Article.Heading::level).min().orElseThrow();
    return first.level() == top && headings.stream().filter(h -> h.level() == top).count() == 1
        ? Optional.of(first) : Optional.empty();
  }

  /**
   * Whether the first heading is section 1 of numbered sections ({@code 1. 算法简介} followed by
   * {@code 2. 距离度量}) rather than a chapter's name ({@code 1 语言处理} over {@code 1.1 …}).
   */
  private static boolean numbersSections(List<Article.Heading> headings) {
    var first = SECTION_NUMBER.matcher(clean(headings.get(0).text()));
    if (!first.find()) {
      return false;
    }
    String next = Integer.toString(Integer.parseInt(first.group(1)) + 1);
    for (Article.Heading h : headings.subList(1, headings.size())) {
      var m = SECTION_NUMBER.matcher(clean(h.text()));
      if (m.find() && m.group(1).equals(next)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The words of a link pointing to the note, as a title: only when they name a subject (not
   * "详见", a file name, a number or a URL).
   */
  public static Optional<String> fromLinkText(String linkText) {
    if (linkText == null) {
      return Optional.empty();
    }
    String text = stripNumbering(clean(linkText));
    if (text.length() > 60 || text.contains("://") || ContentWalker.isArticleFile(text) || text.contains("/")) {
      return Optional.empty();
    }
    return isSubjectText(text) ? Optional.of(text) : Optional.empty();
  }

  /** Whether a heading can serve as a title: not numbered, not generic, not empty. */
  public static boolean isSubject(String heading) {
    String text = clean(heading);
    return !text.isEmpty() && !NUMBERING.matcher(text).lookingAt() && !isGeneric(text);
  }

  private static boolean isSubjectText(String text) {
    return !text.isEmpty() && !isGeneric(text) && !NUMBER_NAME.matcher(text).matches()
        && text.codePoints().anyMatch(Character::isLetter);
  }

  private static boolean isProblemHeading(String heading) {
    return PROBLEM_HEADINGS.contains(stripNumbering(clean(heading)).toLowerCase(Locale.ROOT));
  }

  /** Leading chapter or section numbering removed ({@code 第2章 k-近邻算法} → k-近邻算法). */
  static String stripNumbering(String text) {
    String stripped = NUMBERING.matcher(text).replaceFirst("").strip();
    return stripped.isEmpty() ? text : stripped;
  }

  /** The first sentence of a paragraph, cut near {@link #OPENING_CHARS} at a comma or a word. */
  static String firstSentence(String paragraph) {
    String text = clean(paragraph).replaceAll("^[：:，,\\s]+", "");
    int end = text.length();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '。' || c == '！' || c == '？' || c == '!' || c == '?' || c == '；' || c == ';' || c == '\n') {
        end = i;
        break;
      }
    }
    String sentence = text.substring(0, end).strip();
    if (sentence.length() <= OPENING_CHARS) {
      return sentence;
    }
    int cut = -1;
    for (int i = Math.min(sentence.length(), OPENING_CHARS + 8) - 1; i >= OPENING_CHARS / 2; i--) {
      char c = sentence.charAt(i);
      if (c == '，' || c == ',' || c == '、' || c == '：' || c == ':') {
        cut = i;
        break;
      }
    }
    return (cut > 0 ? sentence.substring(0, cut) : sentence.substring(0, OPENING_CHARS)).strip() + "…";
  }

  /** The file name made readable, prefixed with its folder's name when the file name alone is generic. */
  public static String fromPath(String path) {
    String[] parts = path.split("/");
    String stem = readable(parts[parts.length - 1].replaceFirst("\\.[A-Za-z0-9]+$", ""));
    String folder = parts.length > 1 ? readable(parts[parts.length - 2]) : "";
    if (stem.isEmpty() || isGeneric(stem) || NUMBER_NAME.matcher(stem).matches()) {
      if (folder.isEmpty()) {
        return stem.isEmpty() ? parts[parts.length - 1] : stem;
      }
      return stem.isEmpty() || stem.equalsIgnoreCase("readme") || stem.equalsIgnoreCase("index")
          ? folder
          : folder + " " + stem;
    }
    return stem;
  }

  private static boolean isGeneric(String text) {
    return GENERIC.contains(text.toLowerCase(Locale.ROOT).replaceAll("[\\s:：]+$", ""));
  }

  /** A folder or file name made readable: leading numbering dropped, {@code _} as spaces. */
  public static String readableName(String name) {
    return readable(name);
  }

  /** Drops leading numbering ({@code 05_}, {@code 01}, {@code 3-}) and turns {@code _} into spaces. */
  static String readable(String name) {
    String text = name.replaceFirst("^\\d+(?:[._\\-\\s]+|(?=\\D))", "");
    text = text.replace('_', ' ').replaceAll("\\s+", " ").strip();
    return text.isEmpty() ? name.strip() : text;
  }

  private static String clean(String title) {
    return title.replaceAll("[*_`#]+", "").replaceAll("\\s+", " ").strip();
  }
}
