package org.dailydl.server.articles;

import static org.assertj.core.api.Assertions.assertThat;

import org.dailydl.server.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An article's answer names its previous and next note, with their inferred titles. */
class ReadingOrderTest {
  @RegisterExtension static final SharedCorpus corpus = SharedCorpus.thirdParty();

  @Test
  void a_numbered_note_names_its_neighbours_by_their_titles() throws Exception {
    ArticleService articles = new ArticleService(corpus.handle());
    ArticleView.Full day03 = articles.byPath("Python/Day03.md").orElseThrow();
    assertThat(day03.series().previous().path()).isEqualTo("Python/Day02.md");
    assertThat(day03.series().next().path()).isEqualTo("Python/Day04.md");
    // titles come from the home page's table of contents, as everywhere else
    assertThat(day03.series().next().title()).isEqualTo(articles.byPath("Python/Day04.md").orElseThrow().title())
        .contains("函数");
    ArticleView.Full first = articles.byPath("offer/day01.md").orElseThrow();
    assertThat(first.series().previous()).isNull();
    assertThat(first.series().next().path()).isEqualTo("offer/day02.md");
    assertThat(articles.byPath("README.md").orElseThrow().series()).isNull();
  }
}
