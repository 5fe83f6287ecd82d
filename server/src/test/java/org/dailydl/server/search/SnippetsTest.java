package org.dailydl.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dailydl.indexer.analysis.Analysis;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.Judgments;
import org.dailydl.server.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SnippetsTest {
  @RegisterExtension static final SharedCorpus corpus = SharedCorpus.content();

  private static Snippets.Terms terms(String... terms) {
    return new Snippets.Terms(new LinkedHashSet<>(List.of(terms)), t -> 1.0);
  }

  @Test
  void the_passage_with_the_most_query_terms_is_shown_with_every_occurrence_marked() {
    String text = "梯度下降是一种优化方法。学习率决定每一步走多远。注意力机制让模型关注重要的位置，注意力权重由 softmax 给出。最后是小结。";
    String snippet = Snippets.of(text, terms("注意", "意力", "softmax"));
    assertThat(snippet).contains("<mark>注意力</mark>机制").contains("<mark>注意力</mark>权重").contains("<mark>softmax</mark>");
    assertThat(Snippets.markedTerms(snippet)).containsExactlyInAnyOrder("注意力", "softmax");
  }

  @Test
  void rarer_terms_choose_the_passage() {
    String text = "模型有很多种，各有所长。".repeat(30) + "\n这里讲模型剪枝。";
    Snippets.Terms weighted = new Snippets.Terms(new LinkedHashSet<>(List.of("模型", "剪枝")),
        t -> t.equals("剪枝") ? 5.0 : 0.5);
    assertThat(Snippets.of(text, weighted)).startsWith("这里讲<mark>模型剪枝</mark>");
  }

  @Test
  void latin_tokens_match_whole_words_case_insensitively_and_html_is_escaped() {
    String snippet = Snippets.of("Use NumPy & numpyx <b>here</b>: import numpy as np.", terms("numpy"));
    assertThat(snippet).isEqualTo("Use <mark>NumPy</mark> &amp; numpyx &lt;b&gt;here&lt;/b&gt;: import <mark>numpy</mark> as np.");
  }

  @Test
  void no_match_shows_the_opening_and_a_long_sentence_is_cut_around_the_match() {
    assertThat(Snippets.of("第一句。第二句。", terms("量子"))).isEqualTo("第一句。第二句。");
    String longSentence = "甲".repeat(400) + "目标词" + "乙".repeat(400);
    String snippet = Snippets.of(longSentence, terms("目标"));
    assertThat(snippet).contains("<mark>目标</mark>");
    assertThat(snippet.replace("<mark>", "").replace("</mark>", "")).hasSizeLessThanOrEqualTo(Snippets.PASSAGE_CHARS);
  }

  @Test
  void every_mark_in_search_results_is_made_of_the_query_terms_on_every_judged_query() throws Exception {
    SearchService search = SearchService.create(corpus.handle(), corpus.glossary());
    QueryBuilder builder = new QueryBuilder(Analysis.standard(), Glossary.forContent(corpus.contentDir()));
    int marked = 0;
    for (Judgments.Query judged : Judgments.queries()) {
      SearchResult result = search.search(SearchRequest.of(judged.query()));
      Set<String> terms = builder.build(result.suggestionApplied() ? result.suggestion() : judged.query()).highlightTerms();
      for (SearchResult.Hit hit : result.hits()) {
        assertThat(hit.snippet().replaceAll("</?mark>", "")).doesNotContain("<", ">");
        for (String mark : Snippets.markedTerms(hit.snippet())) {
          marked++;
          String lower = mark.replace("&#x27;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
              .replace("&amp;", "&").toLowerCase(java.util.Locale.ROOT);
          assertThat(terms.stream().anyMatch(lower::contains)).as(judged.query() + ": " + mark + " in " + terms).isTrue();
        }
      }
    }
    assertThat(marked).as("marks in the results of 112 queries").isGreaterThan(500);
  }
}
