package org.dailydl.server.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The articles' concept vectors in arrays: each article's concepts as sorted term ordinals with
 * their weights, and each concept's postings (the articles having it) with the highest weights
 * first. Arrays rather than maps of maps because at 10,000 articles the maps cost hundreds of
 * megabytes and every similarity computation hashed strings millions of times. Immutable.
 */
final class ConceptVectors {
  private final String[] terms;
  private final Map<String, Integer> termOrdinal;
  private final int[][] termsOf;
  private final double[][] weightsOf;
  private final int[][] postingArticles;
  private final double[][] postingWeights;

  /**
   * @param vectors each article's concept weights, in article-ordinal order
   */
  ConceptVectors(List<Map<String, Double>> vectors) {
    this.termOrdinal = new HashMap<>();
    List<String> dictionary = new ArrayList<>();
    for (Map<String, Double> vector : vectors) {
      for (String term : vector.keySet()) {
        termOrdinal.computeIfAbsent(term, t -> {
          dictionary.add(t);
          return dictionary.size() - 1;
        });
      }
    }
    this.terms = dictionary.toArray(String[]::new);
    this.termsOf = new int[vectors.size()][];
    this.weightsOf = new double[vectors.size()][];
    int[] df = new int[terms.length];
    for (int a = 0; a < vectors.size(); a++) {
      int[] ords = vectors.get(a).keySet().stream().mapToInt(termOrdinal::get).sorted().toArray();
      double[] weights = new double[ords.length];
      for (int i = 0; i < ords.length; i++) {
        weights[i] = vectors.get(a).get(terms[ords[i]]);
        df[ords[i]]++;
      }
      termsOf[a] = ords;
      weightsOf[a] = weights;
    }
    this.postingArticles = new int[terms.length][];
    this.postingWeights = new double[terms.length][];
    buildPostings(df);
  }

  private void buildPostings(int[] df) {
    int[] fill = new int[terms.length];
    for (int t = 0; t < terms.length; t++) {
      postingArticles[t] = new int[df[t]];
      postingWeights[t] = new double[df[t]];
    }
    for (int a = 0; a < termsOf.length; a++) {
      for (int i = 0; i < termsOf[a].length; i++) {
        int t = termsOf[a][i];
        postingArticles[t][fill[t]] = a;
        postingWeights[t][fill[t]++] = weightsOf[a][i];
      }
    }
    for (int t = 0; t < terms.length; t++) {
      sortByWeight(postingArticles[t], postingWeights[t]);
    }
  }

  /** Sorts one posting list by weight, highest first, ties by article ordinal. */
  private static void sortByWeight(int[] articles, double[] weights) {
    Integer[] order = new Integer[articles.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> weights[x] != weights[y] ? Double.compare(weights[y], weights[x])
        : Integer.compare(articles[x], articles[y]));
    int[] a = articles.clone();
    double[] w = weights.clone();
    for (int i = 0; i < order.length; i++) {
      articles[i] = a[order[i]];
      weights[i] = w[order[i]];
    }
  }

  int articles() {
    return termsOf.length;
  }

  /** The concept ordinals of article {@code a}, ascending (do not modify). */
  int[] termsOf(int a) {
    return termsOf[a];
  }

  /** The weights of article {@code a}, in the order of {@link #termsOf} (do not modify). */
  double[] weightsOf(int a) {
    return weightsOf[a];
  }

  String term(int ordinal) {
    return terms[ordinal];
  }

  /** The weight of {@code term} in article {@code a}, 0 when it lacks it. */
  double weight(int a, String term) {
    Integer t = termOrdinal.get(term);
    if (t == null) {
      return 0;
    }
    int at = Arrays.binarySearch(termsOf[a], t);
    return at < 0 ? 0 : weightsOf[a][at];
  }

  /** The dot product of two articles' vectors (a cosine: they are unit length). */
  double dot(int a, int b) {
    int[] ta = termsOf[a];
    int[] tb = termsOf[b];
    double dot = 0;
    for (int i = 0, j = 0; i < ta.length && j < tb.length;) {
      if (ta[i] == tb[j]) {
        dot += weightsOf[a][i++] * weightsOf[b][j++];
      } else if (ta[i] < tb[j]) {
        i++;
      } else {
        j++;
      }
    }
    return dot;
  }

  /**
   * Adds {@code a}'s similarity with every article sharing a concept with it into {@code scores}
   * (indexed by article ordinal), reading at most {@code reach} postings of each concept, the
   * heaviest first; returns the ordinals touched (each once; {@code a} itself included if it was).
   */
  int[] accumulate(int a, double[] scores, int reach) {
    int[] touched = new int[16];
    int count = 0;
    for (int i = 0; i < termsOf[a].length; i++) {
      int t = termsOf[a][i];
      double w = weightsOf[a][i];
      int[] docs = postingArticles[t];
      double[] weights = postingWeights[t];
      int end = Math.min(docs.length, reach);
      for (int p = 0; p < end; p++) {
        int b = docs[p];
        if (scores[b] == 0) {
          if (count == touched.length) {
            touched = Arrays.copyOf(touched, count * 2);
          }
          touched[count++] = b;
        }
        scores[b] += w * weights[p];
      }
    }
    return Arrays.copyOf(touched, count);
  }

  /**
   * The (at most) {@code keep} articles other than {@code a} with the highest partial similarity
   * over {@code reach} postings per concept (see {@link #accumulate}), in no particular order.
   * {@code scratch} must be all zeros and as long as there are articles; it is left all zeros.
   */
  int[] nearest(int a, int keep, int reach, double[] scratch) {
    int[] touched = accumulate(a, scratch, reach);
    // the keep-th best partial score, by a min-heap of scores: most candidates fail at its head
    double[] heap = new double[keep];
    int size = 0;
    for (int b : touched) {
      if (b == a) {
        continue;
      }
      double s = scratch[b];
      if (size < keep) {
        heap[size++] = s;
        siftUp(heap, size - 1);
      } else if (s > heap[0]) {
        heap[0] = s;
        siftDown(heap, size);
      }
    }
    double threshold = size < keep ? Double.NEGATIVE_INFINITY : heap[0];
    int[] result = new int[touched.length];
    int count = 0;
    for (int b : touched) {
      if (b != a && scratch[b] >= threshold) {
        result[count++] = b;
      }
      scratch[b] = 0;
    }
    return Arrays.copyOf(result, count);
  }

  private static void siftUp(double[] heap, int i) {
    while (i > 0 && heap[(i - 1) / 2] > heap[i]) {
      swap(heap, i, (i - 1) / 2);
      i = (i - 1) / 2;
    }
  }

  private static void siftDown(double[] heap, int size) {
    for (int i = 0; 2 * i + 1 < size;) {
      int child = 2 * i + 2 < size && heap[2 * i + 2] < heap[2 * i + 1] ? 2 * i + 2 : 2 * i + 1;
      if (heap[i] <= heap[child]) {
        return;
      }
      swap(heap, i, child);
      i = child;
    }
  }

  private static void swap(double[] heap, int i, int j) {
    double t = heap[i];
    heap[i] = heap[j];
    heap[j] = t;
  }
}
