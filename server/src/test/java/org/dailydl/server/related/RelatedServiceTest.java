package org.dailydl.server.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.dailydl.indexer.collection.ArticleIds;
import org.dailydl.server.SharedCorpus;
import org.dailydl.server.corpus.Catalog;
import org.dailydl.server.corpus.Keyword;
import org.dailydl.server.corpus.LinkGraph;
import org.dailydl.server.index.IndexHandle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RelatedServiceTest {
  @RegisterExtension static final SharedCorpus index = SharedCorpus.fixtures();
  @RegisterExtension static final SharedCorpus thirdParty = SharedCorpus.thirdParty();
  static RelatedService related;

  @BeforeAll
  static void open() {
    related = new RelatedService(index.handle());
  }


  private static List<RelatedService.Hit> of(String path) throws Exception {
    return related.byPath(path, 20).orElseThrow().hits();
  }

  @Test
  void the_article_itself_is_never_recommended() throws Exception {
    for (String path : List.of("深度学习/注意力机制.md", "README.md", "机器学习/05_KNN.md", "数据分析/Pandas入门.ipynb")) {
      assertThat(of(path)).extracting(RelatedService.Hit::path).doesNotContain(path);
    }
  }

  @Test
  void links_dominate_when_present() throws Exception {
    List<RelatedService.Hit> hits = of("机器学习/05_KNN.md");
    assertThat(hits.get(0).path()).isEqualTo("机器学习/支持向量机.md");
    assertThat(hits.get(0).reasons()).contains("本文引用", "链接到本文", "同一目录");
  }

  @Test
  void reasons_are_present_and_true() throws Exception {
    try (IndexHandle.Lease snapshot = index.handle().acquire()) {
      Catalog catalog = snapshot.corpus().catalog();
      LinkGraph links = snapshot.corpus().links();
      for (var article : catalog.articles()) {
        for (RelatedService.Hit hit : of(article.path())) {
          assertThat(hit.reasons()).isNotEmpty();
          boolean linksTo = links.outgoing(article.id()).stream().anyMatch(e -> e.target().equals(hit.id()));
          boolean linkedFrom = links.incoming(article.id()).stream().anyMatch(e -> e.source().equals(hit.id()));
          assertThat(hit.reasons().contains("本文引用")).isEqualTo(linksTo);
          assertThat(hit.reasons().contains("链接到本文")).isEqualTo(linkedFrom);
          assertThat(hit.reasons().contains("同一目录"))
              .isEqualTo(RelatedService.folderOf(article.path()).equals(RelatedService.folderOf(hit.path())));
          for (String reason : hit.reasons()) {
            if (reason.startsWith("共同主题：")) {
              for (String term : reason.substring("共同主题：".length()).split("、")) {
                assertThat(snapshot.corpus().terms().has(article.id(), term)).as(article.path() + " has " + term).isTrue();
                assertThat(snapshot.corpus().terms().has(hit.id(), term)).as(hit.path() + " has " + term).isTrue();
              }
            }
          }
        }
      }
    }
  }

  @Test
  void similar_content_is_recommended_without_links() throws Exception {
    // CNN and the attention article link each other; the BERT article shares the attention vocabulary
    assertThat(of("08-LLM/Bert/核心解析.md")).extracting(RelatedService.Hit::path).contains("深度学习/注意力机制.md");
    assertThat(of("数据结构/Day01.md")).allSatisfy(h -> assertThat(h.reasons()).isNotEmpty());
  }

  @Test
  void order_is_stable_and_scores_descend() throws Exception {
    List<RelatedService.Hit> first = of("深度学习/注意力机制.md");
    assertThat(of("深度学习/注意力机制.md")).isEqualTo(first);
    for (int i = 1; i < first.size(); i++) {
      assertThat(first.get(i).score()).isLessThanOrEqualTo(first.get(i - 1).score());
    }
  }

  @Test
  void keywords_are_topic_words_without_numbers_or_stop_words() throws Exception {
    try (IndexHandle.Lease snapshot = index.handle().acquire()) {
      var article = snapshot.corpus().catalog().byId(ArticleIds.of("深度学习/注意力机制.md")).orElseThrow();
      List<Keyword> keywords = snapshot.corpus().terms().keywords(article.id(), 10);
      assertThat(keywords).isNotEmpty();
      assertThat(keywords).extracting(Keyword::term).containsAnyOf("注意力", "注意力机制")
          .noneMatch(t -> t.matches(".*\\d.*") || t.length() < 2 || t.equals("的") || t.equals("frac"));
      assertThat(keywords.get(0).weight()).isGreaterThanOrEqualTo(keywords.get(keywords.size() - 1).weight());
    }
  }

  @Test
  void unknown_articles_have_no_recommendations() throws Exception {
    assertThat(related.byId("nope", 5)).isEmpty();
    assertThat(related.byPath("nope.md", 5)).isEmpty();
  }

  @Test
  void the_next_and_previous_note_of_a_numbered_series_are_recommended_with_that_reason() throws Exception {
    RelatedService service = new RelatedService(thirdParty.handle());
    List<RelatedService.Hit> hits = service.byPath("Python/Day03.md", 5).orElseThrow().hits();
    assertThat(hits).filteredOn(h -> h.path().equals("Python/Day04.md")).singleElement()
        .satisfies(h -> assertThat(h.reasons()).contains("下一篇"));
    assertThat(hits).filteredOn(h -> h.path().equals("Python/Day02.md")).singleElement()
        .satisfies(h -> assertThat(h.reasons()).contains("上一篇"));
    for (var h : service.byPath("offer/day02.md", 10).orElseThrow().hits()) {
      assertThat(h.reasons().contains("下一篇")).as(h.path()).isEqualTo(h.path().equals("offer/day03.md"));
      assertThat(h.reasons().contains("上一篇")).as(h.path()).isEqualTo(h.path().equals("offer/day01.md"));
    }
  }
}
