package org.dailydl.server.articles;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Very long paragraphs are cut before parsing (flexmark is quadratic in them) without losing a link or a container. */
class LongParagraphRenderingTest {
  private final MarkdownRenderer renderer = new MarkdownRenderer();

  private Document render(String markdown) {
    return Jsoup.parse(renderer.render(markdown, "a.md", href -> null, path -> null).html());
  }

  @Test
  void fifty_thousand_links_on_one_line_all_render() {
    StringBuilder line = new StringBuilder("# 链接\n\n");
    for (int i = 0; i < 50_000; i++) {
      line.append("[第").append(i).append(" 篇](b.md) ");
    }
    Document html = render(line.append("\n").toString());
    assertThat(html.select("a[href]")).hasSize(50_000);
    assertThat(html.select("a[href]").last().text()).isEqualTo("第49999 篇");
    assertThat(html.select("p").size()).isGreaterThan(100);
  }

  @Test
  void a_long_quote_stays_one_quote_and_a_long_item_one_item() {
    String words = "注意力 权重 ".repeat(3_000);
    Document quote = render("> " + words + "\n");
    assertThat(quote.select("blockquote")).hasSize(1);
    assertThat(quote.select("blockquote > p").size()).isGreaterThan(2);
    assertThat(quote.select("body > p")).isEmpty();

    Document list = render("- " + words + "\n- 第二项\n");
    assertThat(list.select("li")).hasSize(2);
    assertThat(list.select("li").first().select("p").size()).isGreaterThan(2);
    assertThat(list.select("body > p")).isEmpty();
  }
}
