package org.dailydl.server.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.dailydl.server.TestIndex;
import org.dailydl.server.search.Fusion;
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
    semantics = new SemanticService(temp.resolve("index"), SemanticService.QUERY_INSTRUCTION);
    search = new SearchService(index.handle, index.glossary(), semantics, Fusion.DEFAULT);
  }

  @AfterAll
  static void close() throws Exception {
    semantics.close();
    index.close();
  }

  private static SearchResult run(String q, SearchRequest.Mode mode) throws Exception {
    return search.search(new SearchRequest(q, 1, 5, null, null, false, mode));
  }

  @Test
  void before_vectors_are_ready_hybrid_falls_back_to_lexical_then_fuses_meaning() throws Exception {
    SearchResult before = run("卷积", SearchRequest.Mode.HYBRID);
    assertThat(before.semanticReady()).isFalse();
    assertThat(before.semanticEnabled()).as("enabled, not ready yet: the page says it is being prepared").isTrue();
    assertThat(before.mode()).isEqualTo("lexical");
    assertThat(before.hits()).allSatisfy(h -> assertThat(h.signals()).containsExactly("lexical"));

    semantics.update();
    assertThat(semantics.isReady()).isTrue();
    assertThat(semantics.passages()).isPositive();

    // no article contains these words, but one is about exactly this
    SearchResult lexical = run("图片分类的神经网络模型", SearchRequest.Mode.LEXICAL);
    SearchResult dense = run("图片分类的神经网络模型", SearchRequest.Mode.SEMANTIC);
    assertThat(dense.mode()).isEqualTo("semantic");
    assertThat(dense.hits().get(0).path()).isEqualTo("深度学习/CNN.md");
    assertThat(dense.hits()).allSatisfy(h -> assertThat(h.signals()).containsExactly("semantic"));
    assertThat(lexical.hits()).extracting(SearchResult.Hit::path).doesNotContain("深度学习/CNN.md");

    SearchResult hybrid = run("图片分类的神经网络模型", SearchRequest.Mode.HYBRID);
    assertThat(hybrid.mode()).isEqualTo("hybrid");
    assertThat(hybrid.hits()).extracting(SearchResult.Hit::path).contains("深度学习/CNN.md");
    assertThat(hybrid.hits()).anySatisfy(h -> assertThat(h.signals()).contains("semantic"));

    SearchResult both = run("注意力机制", SearchRequest.Mode.HYBRID);
    assertThat(both.hits().get(0).path()).isEqualTo("深度学习/注意力机制.md");
    assertThat(both.hits().get(0).signals()).containsExactly("lexical", "semantic");
  }
}
