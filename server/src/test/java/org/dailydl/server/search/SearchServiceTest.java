package org.dailydl.server.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.dailydl.server.SharedCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SearchServiceTest {
  @RegisterExtension static final SharedCorpus index = SharedCorpus.fixtures();
  static SearchService search;

  @BeforeAll
  static void open() {
    search = SearchService.create(index.handle(), index.glossary());
  }


  private static SearchResult run(String q) throws Exception {
    return search.search(SearchRequest.of(q));
  }

  private static SearchResult run(String q, String category, String tag, int page, int size) throws Exception {
    return search.search(new SearchRequest(q, page, size, category, tag, false));
  }

  @Test
  void search_for_chinese_phrase_ranks_title_match_first() throws Exception {
    SearchResult result = run("注意力机制");
    assertThat(result.hits()).isNotEmpty();
    assertThat(result.hits().get(0).path()).isEqualTo("深度学习/注意力机制.md");
    assertThat(result.hits().get(0).snippet()).contains("<mark>");
    assertThat(result.allTermsMatched()).isTrue();
    assertThat(result.semanticEnabled()).as("this service has no dense retrieval").isFalse();
    assertThat(result.mode()).isEqualTo(Mode.LEXICAL);
  }

  @Test
  void a_snippet_shows_a_placeholder_for_a_formula_not_its_flattened_tex() throws Exception {
    // "维度" stands right after the formula d_k, and "softmax" inside the displayed formula
    String snippet = run("键向量的维度 softmax 饱和").hits().get(0).snippet();
    assertThat(snippet).contains("〔公式〕").contains("<mark>").doesNotContain("d k").doesNotContain("QK T");
  }

  @Test
  void every_hit_carries_id_path_title_category_snippet_and_score() throws Exception {
    SearchResult.Hit hit = run("卷积").hits().get(0);
    assertThat(hit.path()).isEqualTo("深度学习/CNN.md");
    assertThat(hit.id()).matches("[a-z0-9-]+");
    assertThat(hit.title()).isEqualTo("卷积神经网络（CNN）");
    assertThat(hit.category()).isEqualTo("深度学习");
    assertThat(hit.score()).isPositive();
  }

  @Test
  void english_query_finds_article_written_in_chinese_through_the_glossary() throws Exception {
    assertThat(run("support vector machine").hits()).extracting(SearchResult.Hit::path)
        .first().isEqualTo("机器学习/支持向量机.md");
    assertThat(run("gradient descent").hits()).extracting(SearchResult.Hit::path)
        .contains("笔记 草稿/梯度 下降.md");
  }

  @Test
  void chinese_query_finds_article_that_names_the_concept_in_english() throws Exception {
    assertThat(run("合页损失").hits()).extracting(SearchResult.Hit::path).contains("机器学习/支持向量机.md");
    assertThat(run("K最近邻").hits()).extracting(SearchResult.Hit::path).first().isEqualTo("机器学习/05_KNN.md");
  }

  @Test
  void code_identifiers_match_as_developers_write_them() throws Exception {
    assertThat(run("read_csv").hits()).extracting(SearchResult.Hit::path).first()
        .isEqualTo("数据分析/Pandas入门.ipynb");
    assertThat(run("KNeighborsClassifier").hits()).extracting(SearchResult.Hit::path).first()
        .isEqualTo("机器学习/05_KNN.md");
    assertThat(run("scaled_dot_product_attention").hits()).extracting(SearchResult.Hit::path).first()
        .isEqualTo("深度学习/注意力机制.md");
  }

  @Test
  void anchor_text_and_file_name_words_find_articles() throws Exception {
    // "论文精读" is written only in the home page's link to the BERT article (and so in its anchor text)
    assertThat(run("论文精读").hits()).extracting(SearchResult.Hit::path).contains("08-LLM/Bert/核心解析.md");
    // the file name 05_KNN.md gives the word knn to the path field
    assertThat(run("05_KNN").hits()).extracting(SearchResult.Hit::path).first().isEqualTo("机器学习/05_KNN.md");
  }

  @Test
  void a_typo_with_no_results_is_corrected_and_said() throws Exception {
    SearchResult result = run("scaled_dot_prodct_attention");
    assertThat(result.suggestion()).isEqualTo("scaled_dot_product_attention");
    assertThat(result.suggestionApplied()).isTrue();
    assertThat(result.hits()).extracting(SearchResult.Hit::path).first().isEqualTo("深度学习/注意力机制.md");
  }

  @Test
  void query_matching_nothing_has_no_hits_and_no_error() throws Exception {
    SearchResult result = run("量子纠缠态");
    assertThat(result.total()).isZero();
    assertThat(result.hits()).isEmpty();
    assertThat(run("？？？ ！！").total()).isZero();
  }

  @Test
  void lucene_syntax_characters_are_plain_text_by_default() throws Exception {
    assertThat(run("attention AND (\"transformer").total()).isPositive();
    // syntax characters are dropped like any punctuation: the same answer as the bare words
    assertThat(run("*:* OR title:[a TO z]").hits()).extracting(SearchResult.Hit::path)
        .isEqualTo(run("OR title a TO z").hits().stream().map(SearchResult.Hit::path).toList());
    assertThat(run("attention AND (\"transformer").hits()).extracting(SearchResult.Hit::path)
        .isEqualTo(run("attention AND transformer").hits().stream().map(SearchResult.Hit::path).toList());
  }

  @Test
  void lucene_syntax_errors_are_reported_as_invalid_queries() throws Exception {
    assertThatThrownBy(() -> search.search(new SearchRequest("title:(注意力", 1, 10, null, null, true)))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("syntax");
    assertThat(search.search(new SearchRequest("title:注意力", 1, 10, null, null, true)).hits())
        .extracting(SearchResult.Hit::path).contains("深度学习/注意力机制.md");
  }

  @Test
  void facets_count_categories_and_filters_narrow_results() throws Exception {
    SearchResult all = run("算法", null, null, 1, 10);
    SearchResult filtered = run("注意力", "深度学习", null, 1, 10);
    assertThat(filtered.hits()).allSatisfy(h -> assertThat(h.category()).isEqualTo("深度学习"));
    assertThat(filtered.facets().category()).extracting(SearchResult.FacetValue::value).contains("深度学习");
    assertThat(all.facets().category()).allSatisfy(f -> assertThat(f.count()).isPositive());
    SearchResult tagged = run("注意力", null, "transformer", 1, 10);
    assertThat(tagged.hits()).extracting(SearchResult.Hit::path).containsExactly("深度学习/注意力机制.md");
  }

  @Test
  void pagination_reports_total_and_pages_do_not_overlap() throws Exception {
    SearchResult first = run("注意力", null, null, 1, 2);
    SearchResult second = run("注意力", null, null, 2, 2);
    assertThat(first.total()).isGreaterThan(2);
    assertThat(first.hits()).hasSize(2);
    assertThat(second.hits()).extracting(SearchResult.Hit::id)
        .doesNotContainAnyElementsOf(first.hits().stream().map(SearchResult.Hit::id).toList());
  }

  @Test
  void results_are_deterministic() throws Exception {
    assertThat(run("网络").hits()).isEqualTo(run("网络").hits());
  }
}
