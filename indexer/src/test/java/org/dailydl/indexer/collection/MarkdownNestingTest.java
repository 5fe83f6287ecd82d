package org.dailydl.indexer.collection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownNestingTest {
  @Test
  void quotes_list_markers_and_indentation_each_count_as_a_level() {
    assertThat(MarkdownNesting.depth("- 一项\n")).isEqualTo(1);
    assertThat(MarkdownNesting.depth("  - 二层\n")).isEqualTo(2);
    assertThat(MarkdownNesting.depth("- - - 三层\n")).isEqualTo(3);
    assertThat(MarkdownNesting.depth("1. 2) 3. x\n")).isEqualTo(3);
    assertThat(MarkdownNesting.depth("> > - x\n")).isEqualTo(4);
    assertThat(MarkdownNesting.depth("-1 不是列表，2.5 也不是\n")).isEqualTo(0);
  }

  @Test
  void ordinary_markdown_is_not_changed() {
    String note = "# 标题\n\n- 一\n  - 二\n    1. 三\n\n> 引用 *强调* [链接](a.md)\n\n* * *\n";
    assertThat(MarkdownNesting.flatten(note)).isSameAs(note);
  }

  @Test
  void list_markers_beyond_the_limit_are_left_out_and_the_words_kept() {
    String flat = MarkdownNesting.flatten("- ".repeat(10_000) + "最深处\n");
    assertThat(flat).isEqualTo("- ".repeat(MarkdownNesting.MAX_DEPTH) + "最深处\n");
    assertThat(MarkdownNesting.depth(flat)).isEqualTo(MarkdownNesting.MAX_DEPTH);

    String mixed = MarkdownNesting.flatten("> 1. ".repeat(1_000) + "x\n");
    assertThat(MarkdownNesting.depth(mixed)).isLessThanOrEqualTo(MarkdownNesting.MAX_DEPTH);
    assertThat(mixed).endsWith("x\n").startsWith("> 1. > 1.");
  }

  @Test
  void the_parser_reads_a_flattened_ten_thousand_deep_list() {
    MarkdownArticleParser.Parsed parsed = new MarkdownArticleParser()
        .parse(MarkdownNesting.flatten("# 列表\n\n" + "- ".repeat(10_000) + "最深处\n"));
    assertThat(parsed.body()).contains("最深处");
  }
}
