package org.dailydl.server.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.dailydl.indexer.embedding.Embedder;
import org.dailydl.indexer.embedding.VectorStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dense ranking of articles by their best passage: exact over vectors in memory, approximate through HNSW. */
class PassageVectorsTest {
  private static final int TOPICS = 120;
  private static final int ARTICLES = 1_200;
  private static final int PASSAGES_PER_ARTICLE = 5;

  @TempDir Path temp;

  @Test
  void the_exact_ranking_scores_an_article_by_its_best_passage() {
    float[] x = unit(1, 0, 0);
    float[] y = unit(0, 1, 0);
    float[] xy = unit(1, 1, 0);
    PassageVectors vectors = new PassageVectors(List.of(
        new PassageVectors.Passage("a", y), new PassageVectors.Passage("a", x), new PassageVectors.Passage("b", xy)));
    assertThat(vectors.approximate()).isFalse();
    List<PassageVectors.Scored> ranked = vectors.rank(unit(1, 0, 0), 10);
    assertThat(ranked).extracting(PassageVectors.Scored::articleId).containsExactly("a", "b");
    assertThat(ranked.get(0).score()).isCloseTo(1.0, offset(1e-6));
    assertThat(ranked.get(1).score()).isCloseTo(Math.sqrt(0.5), offset(1e-6));
  }

  @Test
  void the_hnsw_ranking_finds_the_articles_the_exact_scan_finds_with_the_same_cosines() throws Exception {
    Random random = new Random(11);
    List<float[]> topics = new ArrayList<>();
    for (int t = 0; t < TOPICS; t++) {
      topics.add(noisy(new float[Embedder.DIMENSIONS], 1.0, random));
    }
    List<VectorStore.Entry> entries = new ArrayList<>();
    for (int a = 0; a < ARTICLES; a++) {
      float[] topic = topics.get(a % TOPICS);
      for (int p = 0; p < PASSAGES_PER_ARTICLE; p++) {
        entries.add(new VectorStore.Entry("a" + a, p, "h" + a + "-" + p, noisy(topic, 0.06, random)));
      }
    }
    VectorStore store = new VectorStore(temp);
    store.write(entries, "lexical");
    List<PassageVectors.Passage> passages = store.read().entries().stream()
        .map(e -> new PassageVectors.Passage(e.articleId(), e.vector())).toList();

    try (PassageVectors exact = new PassageVectors(passages);
        PassageVectors approximate = new PassageVectors(passages, store.neighbours())) {
      assertThat(approximate.approximate()).isTrue();
      assertThat(approximate.size()).isEqualTo(exact.size()).isEqualTo(ARTICLES * PASSAGES_PER_ARTICLE);
      double recall = 0;
      int queries = 40;
      for (int q = 0; q < queries; q++) {
        float[] query = noisy(topics.get(random.nextInt(TOPICS)), 0.06, random);
        List<PassageVectors.Scored> truth = exact.rank(query, 100);
        List<PassageVectors.Scored> found = approximate.rank(query, 100);
        assertThat(found).isNotEmpty().hasSizeLessThanOrEqualTo(100);
        Set<String> wanted = new HashSet<>();
        truth.stream().limit(10).forEach(s -> wanted.add(s.articleId()));
        recall += found.stream().limit(10).filter(s -> wanted.contains(s.articleId())).count() / 10.0;
        for (PassageVectors.Scored s : found.subList(0, Math.min(10, found.size()))) {
          double exactScore = truth.stream().filter(t -> t.articleId().equals(s.articleId()))
              .mapToDouble(PassageVectors.Scored::score).findFirst().orElse(Double.NaN);
          if (!Double.isNaN(exactScore)) {
            assertThat(s.score()).as("the cosine of " + s.articleId()).isCloseTo(exactScore,
                offset(1e-4));
          }
        }
        for (int i = 1; i < found.size(); i++) {
          assertThat(found.get(i).score()).isLessThanOrEqualTo(found.get(i - 1).score());
        }
      }
      assertThat(recall / queries).as("recall@10 of articles against the exact ranking").isGreaterThanOrEqualTo(0.98);
    }
  }

  private static float[] unit(float... head) {
    float[] v = new float[Embedder.DIMENSIONS];
    System.arraycopy(head, 0, v, 0, head.length);
    return v;
  }

  private static float[] noisy(float[] base, double sigma, Random random) {
    float[] v = base.clone();
    for (int d = 0; d < v.length; d++) {
      v[d] += (float) (random.nextGaussian() * sigma);
    }
    return v;
  }
}
