package org.dailydl.indexer.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LongParagraphsTest {
  private final MarkdownArticleParser parser = new MarkdownArticleParser();

  private static String links(int count) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < count; i++) {
      line.append("[第").append(i).append(" 篇](../深度学习/CNN.md) ");
    }
    return line.toString();
  }

  private static List<String> paragraphs(String text) {
    return Arrays.stream(text.split("\n[> ]*\n")).toList();
  }

  @Test
  void ordinary_notes_are_left_as_written() {
    String note = "# 标题\n\n" + "梯度下降沿负梯度方向更新参数。".repeat(250) + "\n\n" + links(100) + "\n";
    LongParagraphs.Split split = LongParagraphs.split(note);
    assertThat(split.text()).isSameAs(note);
    assertThat(split.addedNewlines()).isEmpty();
  }

  @Test
  void fifty_thousand_links_on_one_line_are_all_read_on_that_line() {
    String note = "# 链接\n\n" + links(50_000) + "\n\n## 后记\n";
    LongParagraphs.Split split = LongParagraphs.split(note);
    assertThat(paragraphs(split.text())).allSatisfy(p -> assertThat(p.length()).isLessThan(LongParagraphs.PART + 100));

    MarkdownArticleParser.Parsed parsed = parser.parse(note);
    assertThat(parsed.links()).hasSize(50_000).allSatisfy(link -> {
      assertThat(link.href()).isEqualTo("../深度学习/CNN.md");
      assertThat(link.line()).isEqualTo(3);
    });
    assertThat(parsed.links().get(49_999).text()).isEqualTo("第49999 篇");
    assertThat(parsed.headings()).extracting(Article.Heading::text, Article.Heading::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("链接", 1), org.assertj.core.groups.Tuple.tuple("后记", 5));
  }

  @Test
  void a_paragraph_of_many_short_lines_is_cut_between_lines_and_keeps_its_line_numbers() {
    StringBuilder note = new StringBuilder("# 目录\n\n");
    for (int i = 0; i < 20_000; i++) {
      note.append("[笔记 ").append(i).append("](笔记").append(i).append(".md)\n");
    }
    note.append("\n## 结尾\n");
    LongParagraphs.Split split = LongParagraphs.split(note.toString());
    assertThat(split.addedNewlines()).isNotEmpty();
    assertThat(paragraphs(split.text())).allSatisfy(p -> assertThat(p.length()).isLessThan(LongParagraphs.PART + 100));

    MarkdownArticleParser.Parsed parsed = parser.parse(note.toString());
    assertThat(parsed.links()).hasSize(20_000);
    assertThat(parsed.links().get(12_345).line()).isEqualTo(3 + 12_345);
    assertThat(parsed.headings().get(1).line()).isEqualTo(3 + 20_000 + 1);
  }

  @Test
  void chinese_without_spaces_is_cut_after_full_stops() {
    String sentence = "注意力机制让模型关注序列中的重要位置，卷积网络提取局部特征。";
    String note = "# 长文\n\n" + sentence.repeat(2_000) + "\n";
    LongParagraphs.Split split = LongParagraphs.split(note);
    List<String> parts = paragraphs(split.text());
    assertThat(parts.size()).isGreaterThan(10);
    assertThat(parts.subList(1, parts.size())).allSatisfy(p -> assertThat(p.strip()).endsWith("。"));
    assertThat(split.text().replaceAll("\\s", "")).isEqualTo(note.replaceAll("\\s", ""));
  }

  @Test
  void link_text_code_spans_and_formulas_are_never_cut() {
    String words = "很长的链接文字 ".repeat(2_000);
    String code = "`" + "x = y + 1; ".repeat(2_000) + "`";
    String formula = "$" + "a + b ".repeat(2_000) + "$";
    for (String piece : List.of("[" + words + "](a.md)", code, formula)) {
      String note = "# 题\n\n" + piece + "\n";
      assertThat(LongParagraphs.split(note).text()).as(piece.substring(0, 20)).isEqualTo(note);
    }
  }

  @Test
  void code_blocks_formula_blocks_tables_and_html_are_never_cut() {
    String spaced = "word ".repeat(4_000);
    List<String> notes = List.of(
        "```\n" + spaced + "\n```\n",
        "$$\n" + spaced + "\n$$\n",
        "| a | b |\n|---|---|\n| " + spaced + " | x |\n",
        "<div>\n" + spaced + "\n</div>\n",
        "    " + spaced + "\n",
        "# " + spaced + "\n");
    for (String note : notes) {
      assertThat(LongParagraphs.split(note).text()).as(note.substring(0, 8)).isEqualTo(note);
    }
  }

  @Test
  void parts_stay_inside_their_quote_or_list_item() {
    String words = "文字 ".repeat(5_000);
    String quoted = LongParagraphs.split("> " + words + "\n").text();
    assertThat(quoted.split("\n")).hasSizeGreaterThan(3).allSatisfy(line -> assertThat(line).startsWith(">"));

    String listed = LongParagraphs.split("- " + words + "\n").text();
    String[] lines = listed.split("\n");
    assertThat(lines[0]).startsWith("- ");
    assertThat(Arrays.stream(lines).skip(1).filter(l -> !l.isBlank())).allSatisfy(l -> assertThat(l).startsWith("  文字"));
  }

  @Test
  void front_matter_is_left_alone() {
    String note = "---\ntitle: " + "长 ".repeat(6_000) + "\n---\n\n# 题\n";
    assertThat(LongParagraphs.split(note).text()).isEqualTo(note);
  }
}
