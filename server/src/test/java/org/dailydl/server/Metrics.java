package org.dailydl.server;

import java.util.List;
import java.util.Map;

/** Ranking metrics over one ranked list of paths and graded judgments (grade > 0 is relevant). */
public final class Metrics {
  private Metrics() {}

  public static double ndcg(List<String> ranked, Map<String, Integer> grades, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      dcg += gain(grades.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
    }
    List<Integer> ideal = grades.values().stream().sorted((a, b) -> b - a).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += gain(ideal.get(i)) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  public static double reciprocalRank(List<String> ranked, Map<String, Integer> grades, int k) {
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (grades.getOrDefault(ranked.get(i), 0) > 0) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  public static double recall(List<String> ranked, Map<String, Integer> grades, int k) {
    long relevant = grades.values().stream().filter(g -> g > 0).count();
    if (relevant == 0) {
      return 0;
    }
    long found = ranked.stream().limit(k).filter(p -> grades.getOrDefault(p, 0) > 0).count();
    return (double) found / relevant;
  }

  public static double precision(List<String> ranked, Map<String, Integer> grades, int k) {
    long found = ranked.stream().limit(k).filter(p -> grades.getOrDefault(p, 0) > 0).count();
    return (double) found / k;
  }

  /** Rounded to 4 decimals, as the regression file records values. */
  public static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  private static double gain(int grade) {
    return Math.pow(2, grade) - 1;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
