package org.dailydl.indexer.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.dailydl.indexer.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleParserTest {
  private final Path corpus = Fixtures.corpus();
  private final ArticleParser parser = new ArticleParser(corpus);

  private Article parse(String path) {
    ArticleParser.Result result = parser.parse(new ContentFile(corpus.resolve(path), path, 0));
    assertThat(result.problems()).isEmpty();
    return result.article();
  }

  @Test
  void front_matter_gives_title_tags_summary_and_date() {
    Article article = parse("深度学习/注意力机制.md");
    assertThat(article.title()).isEqualTo("注意力机制（Attention）");
    assertThat(article.frontMatter().tags()).containsExactly("注意力", "Transformer", "NLP");
    assertThat(article.frontMatter().summary()).startsWith("从查询、键、值");
    assertThat(article.frontMatter().date()).isEqualTo("2024-05-01");
    assertThat(article.category()).isEqualTo("深度学习");
    assertThat(article.kind()).isEqualTo(Article.Kind.MARKDOWN);
  }

  @Test
  void quoted_front_matter_values_are_unquoted() {
    Article article = parse("笔记 草稿/梯度 下降.md");
    assertThat(article.title()).isEqualTo("梯度下降法");
    assertThat(article.frontMatter().tags()).containsExactly("优化", "梯度下降");
  }

  @Test
  void title_is_first_h1_when_there_is_no_front_matter() {
    assertThat(parse("深度学习/CNN.md").title()).isEqualTo("卷积神经网络（CNN）");
    assertThat(parse("数据结构/Day01.md").title()).isEqualTo("线性表");
  }

  @Test
  void numbered_and_generic_headings_are_never_titles() {
    assertThat(parse("08-LLM/Bert/核心解析.md").title()).isEqualTo("Bert 核心解析");
    assertThat(parse("机器学习/05_KNN.md").title()).isEqualTo("KNN");
    assertThat(parse("Python/Day01.md").title()).isEqualTo("Python Day01");
  }

  @Test
  void math_keeps_its_words_without_tex_markup() {
    Article article = parse("深度学习/注意力机制.md");
    assertThat(MathText.indexed(article.body())).contains("Attention (Q, K, V) = softmax").contains("d k").contains("a i")
        .doesNotContain("\\mathrm").doesNotContain("\\sqrt").doesNotContain("frac");
  }

  @Test
  void a_reader_sees_a_placeholder_where_a_formula_stands_and_the_prose_around_it() {
    String shown = MathText.shown(parse("深度学习/注意力机制.md").body());
    assertThat(shown).contains(MathText.PLACEHOLDER).contains("缩放点积注意力")
        .doesNotContain("Attention (Q, K, V) = softmax").doesNotContain("d k").doesNotContain("\uE000").doesNotContain("\uE001");
  }

  @Test
  void formula_marks_written_in_the_text_itself_are_not_taken_for_formulas(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("stray.md"), "# 标记\n\n正文\uE000里\uE001的字，以及 $x^2$ 公式。\n");
    Article article = new ArticleParser(root).parse(new ContentFile(root.resolve("stray.md"), "stray.md", 0)).article();
    assertThat(MathText.shown(article.body())).contains("正文 里 的字，以及 " + MathText.PLACEHOLDER + " 公式。");
    assertThat(MathText.indexed(article.body())).containsPattern("正文 里 的字，以及\\s+x 2\\s+公式。");
  }

  @Test
  void code_blocks_go_to_the_code_field_not_the_body() {
    Article article = parse("深度学习/注意力机制.md");
    assertThat(article.code()).contains("def scaled_dot_product_attention(q, k, v):");
    assertThat(article.body()).doesNotContain("def scaled_dot_product_attention").contains("缩放点积注意力");
    assertThat(article.body()).contains("RNN").contains("自注意力");
  }

  @Test
  void headings_keep_level_text_and_line() {
    Article article = parse("深度学习/注意力机制.md");
    assertThat(article.headings()).extracting(Article.Heading::text)
        .containsExactly("注意力机制（Attention）", "缩放点积注意力", "多头注意力");
    assertThat(article.headings().get(1).level()).isEqualTo(2);
    assertThat(article.headings().get(1).line()).isEqualTo(12);
  }

  @Test
  void links_are_resolved_relative_to_the_file_with_anchors_dropped() {
    Article article = parse("深度学习/注意力机制.md");
    assertThat(article.links()).extracting(Link::target).containsExactly(
        "08-LLM/Bert/核心解析.md", "深度学习/CNN.md", "深度学习/不存在的文章.md");
    Link broken = article.links().get(2);
    assertThat(broken.broken()).isTrue();
    assertThat(broken.line()).isEqualTo(34);
    assertThat(broken.text()).isEqualTo("一篇不存在的文章");
    assertThat(article.links().get(0).text()).isEqualTo("Transformer 结构");
    assertThat(article.links().get(0).toArticle()).isTrue();
  }

  @Test
  void url_encoded_links_and_folder_links_resolve() {
    assertThat(parse("机器学习/05_KNN.md").links()).singleElement()
        .satisfies(link -> {
          assertThat(link.target()).isEqualTo("机器学习/支持向量机.md");
          assertThat(link.exists()).isTrue();
        });
    assertThat(parse("08-LLM/Bert/核心解析.md").links()).extracting(Link::target)
        .containsExactly("深度学习/注意力机制.md", "README.md");
  }

  @Test
  void external_links_have_no_target_and_are_never_broken() {
    List<Link> links = parse("README.md").links();
    Link external = links.get(links.size() - 1);
    assertThat(external.target()).isNull();
    assertThat(external.broken()).isFalse();
    assertThat(links).filteredOn(Link::broken).extracting(Link::href, Link::line)
        .containsExactly(Tuple.tuple("深度学习/RNN.md", 14));
  }

  @Test
  void notebooks_give_markdown_and_code_cells_and_drop_outputs() {
    Article article = parse("数据分析/Pandas入门.ipynb");
    assertThat(article.kind()).isEqualTo(Article.Kind.NOTEBOOK);
    assertThat(article.title()).isEqualTo("Pandas 快速上手");
    assertThat(article.code()).contains("df.groupby('city').mean()");
    assertThat(article.body()).contains("分组聚合").doesNotContain("iVBORw0KGgo");
    assertThat(article.headings()).extracting(Article.Heading::text).containsExactly("Pandas 快速上手", "分组聚合");
    assertThat(article.links()).singleElement().satisfies(link -> {
      assertThat(link.target()).isEqualTo("深度学习/注意力机制.md");
      assertThat(link.line()).isPositive();
    });
  }

  @Test
  void ids_are_url_safe_stable_and_differ_for_same_file_names() {
    String a = ArticleIds.of("Python/Day01.md");
    String b = ArticleIds.of("数据结构/Day01.md");
    assertThat(a).isNotEqualTo(b).matches("[a-z0-9-]+").startsWith("python-day01-");
    assertThat(b).matches("[a-z0-9-]+");
    assertThat(ArticleIds.of("Python/Day01.md")).isEqualTo(a);
  }
}
