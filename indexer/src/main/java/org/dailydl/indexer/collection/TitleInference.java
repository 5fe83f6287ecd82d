package org.dailydl.indexer.collection;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chooses an article's title so that it names the subject: the front-matter title, else the first
 * H1, else the file name made readable ({@code 05_ResNet.md} → ResNet, {@code Bert/核心解析.md} →
 * Bert 核心解析). Numbered or generic headings ({@code 1. 列表}, {@code 题目}, {@code 一、背景}) are never
 * titles, and a generic file name borrows its folder's name.
 */
public final class TitleInference {
  private static final Pattern NUMBERED =
      Pattern.compile(
          "^\\s*(?:\\d+(?:\\.\\d+)*[.、)）:：\\s]|[(（]?[一二三四五六七八九十百]+[)）]?[、.．:：\\s]"
              + "|第[0-9一二三四五六七八九十百]+[章节课讲天部篇回]|(?:day|chapter|part|lesson|step)\\s*\\d+\\b)",
          Pattern.CASE_INSENSITIVE);

  private static final Set<String> GENERIC =
      Set.of(
          "题目", "目录", "背景", "简介", "概述", "前言", "总结", "小结", "参考", "参考资料", "参考文献", "引言", "介绍",
          "答案", "解析", "核心解析", "笔记", "学习笔记", "说明", "正文", "代码", "示例", "例子", "练习", "习题", "附录",
          "readme", "index", "notes", "note", "summary", "overview", "introduction", "intro", "contents",
          "table of contents", "toc", "references", "reference", "code", "main", "untitled", "draft", "todo",
          "home", "首页", "主页");

  private TitleInference() {}

  /**
   * @param frontMatterTitle the front-matter title, or null
   * @param firstH1 the text of the first level-1 heading, or null
   * @param path the article path, relative, {@code /}-separated, with extension
   */
  public static String infer(String frontMatterTitle, String firstH1, String path) {
    if (frontMatterTitle != null && !frontMatterTitle.isBlank()) {
      return clean(frontMatterTitle);
    }
    if (firstH1 != null && isSubject(firstH1)) {
      return clean(firstH1);
    }
    return fromPath(path);
  }

  /** Whether a heading can serve as a title: not numbered, not generic, not empty. */
  public static boolean isSubject(String heading) {
    String text = clean(heading);
    return !text.isEmpty() && !NUMBERED.matcher(text).find() && !isGeneric(text);
  }

  /** The file name made readable, prefixed with its folder's name when the file name alone is generic. */
  public static String fromPath(String path) {
    String[] parts = path.split("/");
    String stem = readable(parts[parts.length - 1].replaceFirst("\\.[A-Za-z0-9]+$", ""));
    String folder = parts.length > 1 ? readable(parts[parts.length - 2]) : "";
    if (stem.isEmpty() || isGeneric(stem) || stem.matches("(?i)day\\s*\\d+")) {
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
