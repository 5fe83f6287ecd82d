package org.dailydl.server.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dailydl.indexer.collection.Article;
import org.dailydl.indexer.collection.MarkdownArticleParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The ids {@code index --check} checks anchors against are the ids of the reader's HTML. */
class HeadingIdsAgreementTest {
  private static final String MARKDOWN = String.join("\n",
      "# 注意力机制（Attention）", "", "## Scaled Dot-Product  Attention", "", "## 小结", "", "### 小结", "",
      "## `nn.Linear` 的 *用法*", "", "## 公式 $QK^T$ 与 [链接](other.md)", "", "## C++ & Python: 1.2 版", "",
      "## 小结", "");

  @Test
  void the_indexer_and_the_renderer_give_every_heading_the_same_id() {
    List<String> indexed = new MarkdownArticleParser().parse(MARKDOWN).headings().stream()
        .map(Article.Heading::id).toList();
    MarkdownRenderer.Rendered rendered = new MarkdownRenderer().render(MARKDOWN, "a.md", href -> null, path -> null);
    List<String> html = Jsoup.parse(rendered.html()).select("h1, h2, h3").stream().map(Element::id).toList();

    assertThat(html).hasSize(8).doesNotHaveDuplicates();
    assertThat(indexed).containsExactlyElementsOf(html);
    assertThat(rendered.toc()).extracting(MarkdownRenderer.TocEntry::anchor).containsExactlyElementsOf(html);
  }
}
