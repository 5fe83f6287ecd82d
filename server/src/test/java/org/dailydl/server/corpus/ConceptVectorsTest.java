package org.dailydl.server.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Concept vectors in arrays: exact dot products, and candidates bounded by the postings read. */
class ConceptVectorsTest {
  private static ConceptVectors vectors(List<Map<String, Double>> articles) {
    return new ConceptVectors(articles);
  }

  @Test
  void dot_products_and_weights_match_the_maps_they_were_built_from() {
    ConceptVectors v = vectors(List.of(Map.of("栈", 0.6, "队列", 0.8), Map.of("栈", 1.0), Map.of("树", 1.0)));
    assertThat(v.dot(0, 1)).isEqualTo(0.6);
    assertThat(v.dot(0, 2)).isZero();
    assertThat(v.weight(0, "队列")).isEqualTo(0.8);
    assertThat(v.weight(2, "栈")).isZero();
    assertThat(v.weight(2, "图")).isZero();
  }

  @Test
  void nearest_within_reach_is_every_article_sharing_a_concept_and_leaves_the_scratch_clean() {
    ConceptVectors v = vectors(List.of(Map.of("栈", 0.6, "队列", 0.8), Map.of("栈", 1.0), Map.of("队列", 1.0),
        Map.of("树", 1.0)));
    double[] scratch = new double[4];
    int[] near = v.nearest(0, 10, Integer.MAX_VALUE, scratch);
    assertThat(near).containsExactlyInAnyOrder(1, 2);
    assertThat(scratch).containsOnly(0.0);
  }

  @Test
  void nearest_keeps_the_best_partial_scores_and_reads_the_heaviest_postings_of_a_wide_concept() {
    // article 0 and twenty others share one concept; the others' weights rise with their number
    List<Map<String, Double>> articles = new ArrayList<>();
    articles.add(Map.of("注意力", 1.0));
    for (int i = 1; i <= 20; i++) {
      articles.add(Map.of("注意力", i / 20.0));
    }
    ConceptVectors v = vectors(articles);
    double[] scratch = new double[articles.size()];
    int[] best = v.nearest(0, 3, Integer.MAX_VALUE, scratch);
    assertThat(best).containsExactlyInAnyOrder(20, 19, 18);
    // with a reach of five postings, only the five heaviest articles (the source among them) are candidates
    int[] reached = v.nearest(0, 10, 5, scratch);
    Arrays.sort(reached);
    assertThat(reached).containsExactly(17, 18, 19, 20);
    assertThat(scratch).containsOnly(0.0);
  }
}
