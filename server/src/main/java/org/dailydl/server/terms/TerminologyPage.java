package org.dailydl.server.terms;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.indexer.analysis.GlossarySections;
import org.dailydl.indexer.schema.IndexedArticle;

/**
 * The terminology page, written from the glossary search uses: one table per section of the
 * glossary files, one row per group (术语, English, 缩写, 讲解文章), so the page and search can
 * never disagree. Deterministic: the same glossary and articles give the same bytes.
 */
public final class TerminologyPage {
  /** Where the page lives in the content folder unless told otherwise. */
  public static final String DEFAULT_PATH = "术语表.md";
  private static final Pattern LOWER_LATIN_WORD = Pattern.compile("\\s[a-z][a-z0-9\\-]*(\\s|$)");
  private static final String NONE = "—";

  private TerminologyPage() {}

  /**
   * @param pagePath the page's content path (links are relative to it; it never explains a term itself)
   * @param articles every article of the content folder, as indexed
   * @param mentions per article id, how often it mentions each concept (by canonical term)
   */
  public static String render(List<GlossarySections.Section> sections, Glossary glossary,
      List<IndexedArticle> articles, Map<String, Map<String, Integer>> mentions, String pagePath) {
    List<IndexedArticle> others = articles.stream().filter(a -> !a.path().equals(pagePath)).toList();
    ExplainingArticles explaining = new ExplainingArticles(glossary, others, mentions);
    Map<String, String> written = writtenForms(others);
    StringBuilder body = new StringBuilder();
    Set<String> shown = new HashSet<>();
    int rows = 0;
    for (GlossarySections.Section section : sections) {
      StringBuilder table = new StringBuilder();
      for (String first : section.firstTerms()) {
        List<String> group = glossary.group(first);
        // a line that shares a term with an earlier one was merged into it by the glossary
        if (group.isEmpty() || !shown.add(glossary.canonical(first))) {
          continue;
        }
        table.append(row(TermColumns.of(group, written), explaining.explaining(first), pagePath));
        rows++;
      }
      if (!table.isEmpty()) {
        body.append("\n## ").append(heading(section.title())).append("\n\n")
            .append("| 术语 | English | 缩写 | 讲解文章 |\n| --- | --- | --- | --- |\n").append(table);
      }
    }
    return intro(rows) + body;
  }

  private static String intro(int rows) {
    return """
        ---
        title: 术语表
        summary: 知识库的中英文术语对照表：每个术语的中文名、英文名、缩写和讲解它的文章，与搜索使用的术语表完全一致。
        ---

        # 术语表

        这里列出知识库用到的 %d 组术语：中文名、英文名、常用缩写，以及讲解它的文章。搜索用的正是这份术语表，\
        所以用中文搜能找到用英文写的文章，反过来也一样（搜“注意力”也会找到写作 attention 的段落）。

        本页由 `dailydl terms` 从搜索的术语表生成，不要手工修改：要增删术语，改术语表后重新生成即可。\
        “讲解文章”按同一条规则选出：标题里出现这个术语（任何一种写法）的文章中，术语在标题里出现得最靠前、其次标题最短的一篇；\
        没有的话，取以它为主题的小节（术语占小节标题的四成以上）中标题最短的那一节所在的文章；\
        再没有，取提到它次数最多（至少三次）的文章；都没有就留空。首页不算在内。
        """.formatted(rows);
  }

  private static String row(TermColumns columns, Optional<IndexedArticle> article, String pagePath) {
    String chinese = columns.chinese().isEmpty() ? NONE : String.join("、", columns.chinese());
    String english = columns.english().isEmpty() ? NONE : String.join(", ", columns.english());
    String abbreviation = columns.abbreviations().isEmpty() ? NONE : String.join(", ", columns.abbreviations());
    String link = article.map(a -> "[" + escape(a.title()) + "](" + href(pagePath, a.path()) + ")").orElse(NONE);
    return "| " + escape(chinese) + " | " + escape(english) + " | " + escape(abbreviation) + " | " + link + " |\n";
  }

  /** "基础概念 foundations" → "基础概念": the glossary's section comments end with an English gloss. */
  static String heading(String comment) {
    Matcher m = LOWER_LATIN_WORD.matcher(comment);
    String title = m.find() && m.start() > 0 ? comment.substring(0, m.start()) : comment;
    return escape(title.strip());
  }

  /** How the notes write terms, by normalised form: the spelling most articles use. */
  private static Map<String, String> writtenForms(List<IndexedArticle> articles) {
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    for (IndexedArticle a : articles) {
      for (String form : a.conceptForms().values()) {
        counts.computeIfAbsent(Glossary.normalize(form), f -> new HashMap<>()).merge(form, 1, Integer::sum);
      }
    }
    Map<String, String> written = new HashMap<>();
    // most articles first; among equals the spelling that sorts first, so the page is the same every time
    Comparator<Map.Entry<String, Integer>> order = Map.Entry.<String, Integer>comparingByValue()
        .thenComparing(Map.Entry.<String, Integer>comparingByKey().reversed());
    counts.forEach((normalized, forms) ->
        written.put(normalized, forms.entrySet().stream().max(order).orElseThrow().getKey()));
    return written;
  }

  /** The article's path relative to the page's folder, with what Markdown link syntax cannot hold escaped. */
  static String href(String pagePath, String articlePath) {
    Path from = Path.of(pagePath).getParent();
    String relative = from == null ? articlePath : from.relativize(Path.of(articlePath)).toString().replace('\\', '/');
    StringBuilder out = new StringBuilder();
    for (char c : relative.toCharArray()) {
      switch (c) {
        case ' ' -> out.append("%20");
        case '(' -> out.append("%28");
        case ')' -> out.append("%29");
        case '<' -> out.append("%3C");
        case '>' -> out.append("%3E");
        case '%' -> out.append("%25");
        case '|' -> out.append("%7C");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Text safe in a table cell: Markdown's active characters (and the math delimiter) escaped. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if ("\\`*_[]<>|$~#".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c == '\n' || c == '\r' ? ' ' : c);
    }
    return out.toString();
  }
}
