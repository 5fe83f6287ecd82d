package org.dailydl.indexer.collection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeadingIdsTest {
  private final MarkdownArticleParser parser = new MarkdownArticleParser();

  @Test
  void headings_get_github_like_ids_with_duplicates_numbered() {
    var parsed = parser.parse(String.join("\n",
        "# 注意力机制（Attention）", "", "## Scaled Dot-Product  Attention", "", "## 小结", "", "### 小结", "",
        "## `nn.Linear` 的 *用法*", "", "## 公式 $QK^T$", ""));
    assertThat(parsed.headings()).extracting(Article.Heading::id).containsExactly(
        "注意力机制attention", "scaled-dot-product--attention", "小结", "小结-1", "nnlinear-的-用法", "公式-");
    // formulas are left out of ids, as in the reader's HTML (MarkdownRenderer shares this definition)
  }

  @Test
  void ids_are_those_github_gives_so_tables_of_contents_written_for_github_pass_the_check() {
    var parsed = parser.parse(String.join("\n",
        "## 七、J.U.C - AQS", "", "### 限期等待（TIMED_WAITING）", "", "## :floppy_disk: 数据库", "",
        "## snake_case 与 kebab-case", ""));
    assertThat(parsed.headings()).extracting(Article.Heading::id).containsExactly(
        "七juc---aqs", "限期等待timed_waiting", "floppy_disk-数据库", "snake_case-与-kebab-case");
  }

  @Test
  void fragments_are_percent_decoded_and_an_empty_one_names_nothing() {
    assertThat(HeadingIds.fromFragment("#%E5%B0%8F%E7%BB%93")).isEqualTo("小结");
    assertThat(HeadingIds.fromFragment("#a+b")).isEqualTo("a+b");
    assertThat(HeadingIds.fromFragment("#")).isNull();
    assertThat(HeadingIds.fromFragment("#%zz")).isEqualTo("%zz");
  }
}
