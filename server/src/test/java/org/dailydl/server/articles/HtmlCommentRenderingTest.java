package org.dailydl.server.articles;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** HTML comments are the author's (a table-of-contents marker, a note to self): never shown, as on GitHub. */
class HtmlCommentRenderingTest {
  private final MarkdownRenderer renderer = new MarkdownRenderer();

  private Document render(String markdown) {
    return Jsoup.parse(renderer.render(markdown, "a.md", href -> null, path -> null).html());
  }

  @Test
  void comment_blocks_and_inline_comments_are_not_shown() {
    Document html = render("# 题\n\n<!-- GFM-TOC -->\n* [一](#一)\n<!-- GFM-TOC -->\n\n正文<!-- 待补充 -->继续。\n\n"
        + "<!--\n多行\n注释\n-->\n\n结尾\n");
    assertThat(html.body().text()).doesNotContain("<!--", "-->", "GFM-TOC", "待补充", "多行").contains("正文继续。", "结尾");
    assertThat(html.select("li a")).hasSize(1);
  }

  @Test
  void text_beside_a_comment_stays_and_other_raw_html_stays_escaped() {
    Document html = render("<!-- 注 --> 可见的话\n\n<script>alert(1)</script>\n");
    assertThat(html.body().text()).contains("可见的话").doesNotContain("注 ");
    assertThat(html.select("script")).isEmpty();
    assertThat(html.body().text()).contains("<script>alert(1)</script>");
  }
}
