package org.dailydl.server.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dailydl.indexer.collection.ArticleIds;
import org.dailydl.server.TestIndex;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
class ArticleServiceTest {
  @TempDir static Path temp;
  static TestIndex index;
  static ArticleService articles;

  @BeforeAll
  static void open() throws Exception {
    index = TestIndex.ofFixtures(temp);
    Files.writeString(index.content.resolve("深度学习/危险.md"), String.join("\n",
        "---", "title: 危险<script>alert(1)</script>", "tags: [\"<img src=x onerror=alert(1)>\"]", "---", "",
        "# 危险的文章", "", "<script>alert('x')</script>", "", "<iframe src=\"https://evil.example\"></iframe>", "",
        "[点我](javascript:alert(1)) [大写](JaVaScRiPt:alert(1)) [数据](data:text/html,<b>x</b>)", "",
        "<img src=x onerror=\"alert(1)\">", "", "正常的链接：[卷积](CNN.md#输出尺寸) 和 [外部](https://example.org)。", "",
        "- [x] 已完成", "- [ ] 未完成", "", "| a | b |", "|---|---|", "| 1 | 2 |", "",
        "行内公式 $a_i * b_i$ 与 $x^2$，以及", "", "$$", "\\sum_{i=1}^{n} x_i", "$$", "", "```math", "E = mc^2", "```", "",
        "```python", "print('<b>')", "```", ""));
    index.handle.reindex(false);
    articles = new ArticleService(index.handle);
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  private static ArticleView.Full get(String path) throws Exception {
    return articles.byPath(path).orElseThrow();
  }

  @Test
  void article_has_metadata_toc_links_and_backlinks() throws Exception {
    ArticleView.Full a = get("深度学习/注意力机制.md");
    assertThat(a.title()).isEqualTo("注意力机制（Attention）");
    assertThat(a.tags()).containsExactly("注意力", "Transformer", "NLP");
    assertThat(a.toc()).extracting(MarkdownRenderer.TocEntry::text)
        .containsExactly("注意力机制（Attention）", "缩放点积注意力", "多头注意力");
    assertThat(a.html()).contains("id=\"" + a.toc().get(1).anchor() + "\"");
    assertThat(a.links()).extracting(ArticleView.LinkRef::path).containsExactly("08-LLM/Bert/核心解析.md", "深度学习/CNN.md");
    assertThat(a.backlinks()).extracting(ArticleView.LinkRef::path)
        .contains("README.md", "深度学习/CNN.md", "08-LLM/Bert/核心解析.md", "数据分析/Pandas入门.ipynb");
  }

  @Test
  void internal_links_point_to_the_reader_and_keep_their_anchor() throws Exception {
    String cnnId = ArticleIds.of("深度学习/CNN.md");
    assertThat(get("深度学习/危险.md").html()).contains("href=\"/articles/" + cnnId + "#输出尺寸\"")
        .contains("href=\"https://example.org\"");
  }

  @Test
  void math_survives_markdown_intact_for_katex() throws Exception {
    String html = get("深度学习/危险.md").html();
    assertThat(html).contains("<span class=\"math math-inline\">a_i * b_i</span>")
        .contains("<div class=\"math math-display\">\n\\sum_{i=1}^{n} x_i\n</div>")
        .contains("<div class=\"math math-display\">E = mc^2\n</div>")
        .doesNotContain("<em>");
  }

  @Test
  void code_tables_and_task_lists_render() throws Exception {
    String html = get("深度学习/危险.md").html();
    assertThat(html).contains("<code class=\"language-python\">print('&lt;b&gt;')")
        .contains("<table>").contains("type=\"checkbox\"");
  }

  @Test
  void raw_html_and_dangerous_links_are_inert() throws Exception {
    ArticleView.Full a = get("深度学习/危险.md");
    Document dom = Jsoup.parseBodyFragment(a.html());
    assertThat(dom.select("script, iframe, img, object, embed, style, form")).isEmpty();
    for (Element e : dom.getAllElements()) {
      for (Attribute attribute : e.attributes()) {
        assertThat(attribute.getKey()).doesNotStartWith("on");
        assertThat(attribute.getValue().toLowerCase().replaceAll("\\s", "")).doesNotStartWith("javascript:")
            .doesNotStartWith("data:").doesNotStartWith("vbscript:");
      }
    }
    assertThat(a.html()).contains("&lt;script&gt;");
  }

  @Test
  void notebooks_render_markdown_and_code_cells_in_order() throws Exception {
    String html = get("数据分析/Pandas入门.ipynb").html();
    assertThat(html.indexOf("Pandas 快速上手")).isLessThan(html.indexOf("pd.read_csv"));
    assertThat(html.indexOf("pd.read_csv")).isLessThan(html.indexOf("分组聚合</h2>"));
    assertThat(html).doesNotContain("iVBORw0KGgo");
  }

  @Test
  void lists_and_categories_count_articles() throws Exception {
    assertThat(articles.list(null)).hasSize(11);
    assertThat(articles.list("深度学习")).extracting(ArticleView.Summary::path)
        .containsExactly("深度学习/CNN.md", "深度学习/危险.md", "深度学习/注意力机制.md");
    assertThat(articles.categories()).contains(new ArticleView.Category("深度学习", "深度学习", 3));
  }

  @Test
  void unknown_ids_and_paths_are_empty() throws Exception {
    assertThat(articles.byId("no-such-id")).isEmpty();
    assertThat(articles.byPath("../../etc/passwd")).isEmpty();
  }
}
