package org.dailydl.server.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.dailydl.server.TestIndex;
import org.dailydl.server.search.Mode;
import org.dailydl.server.search.Signal;
import org.dailydl.server.search.SearchRequest;
import org.dailydl.server.search.SearchResult;
import org.dailydl.server.search.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SemanticSearchTest {
  @TempDir static Path temp;
  static TestIndex index;
  static SemanticService semantics;
  static SearchService search;

  @BeforeAll
  static void open() {
    index = TestIndex.ofFixtures(temp);
    semantics = SemanticService.enabled(index.handle);
    search = SearchService.create(index.handle, index.glossary(), semantics);
  }

  @AfterAll
  static void close() throws Exception {
    semantics.close();
    index.close();
  }

  private static SearchResult run(String q, Mode mode) throws Exception {
    return search.search(new SearchRequest(q, 1, 5, null, null, false, mode));
  }

  @Test
  void before_vectors_are_ready_hybrid_falls_back_to_lexical_then_fuses_meaning() throws Exception {
    SearchResult before = run("卷积", Mode.HYBRID);
    assertThat(before.semanticReady()).isFalse();
    assertThat(before.semanticEnabled()).as("enabled, not ready yet: the page says it is being prepared").isTrue();
    assertThat(before.mode()).isEqualTo(Mode.LEXICAL);
    assertThat(before.hits()).allSatisfy(h -> assertThat(h.signals()).containsExactly(Signal.LEXICAL));

    semantics.update();
    assertThat(semantics.isReady()).isTrue();
    assertThat(semantics.passages().orElseThrow().size()).isPositive();

    // no article contains these words, but one is about exactly this
    SearchResult lexical = run("图片分类的神经网络模型", Mode.LEXICAL);
    SearchResult dense = run("图片分类的神经网络模型", Mode.SEMANTIC);
    assertThat(dense.mode()).isEqualTo(Mode.SEMANTIC);
    assertThat(dense.hits().get(0).path()).isEqualTo("深度学习/CNN.md");
    assertThat(dense.hits()).allSatisfy(h -> assertThat(h.signals()).containsExactly(Signal.SEMANTIC));
    assertThat(lexical.hits()).extracting(SearchResult.Hit::path).doesNotContain("深度学习/CNN.md");

    SearchResult hybrid = run("图片分类的神经网络模型", Mode.HYBRID);
    assertThat(hybrid.mode()).isEqualTo(Mode.HYBRID);
    assertThat(hybrid.hits()).extracting(SearchResult.Hit::path).contains("深度学习/CNN.md");
    assertThat(hybrid.hits()).anySatisfy(h -> assertThat(h.signals()).contains(Signal.SEMANTIC));

    SearchResult both = run("注意力机制", Mode.HYBRID);
    assertThat(both.hits().get(0).path()).isEqualTo("深度学习/注意力机制.md");
    assertThat(both.hits().get(0).signals()).containsExactly(Signal.LEXICAL, Signal.SEMANTIC);
  }
}
