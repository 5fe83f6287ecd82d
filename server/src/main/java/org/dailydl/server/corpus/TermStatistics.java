package org.dailydl.server.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.analysis.Analysis;
import org.dailydl.indexer.schema.IndexedArticle;

/**
 * Term statistics of one index version: TF-IDF vectors of every article, from the body term vectors of one index version (plus the
 * title's words, which say most about an article). Terms are the words a reader would call a
 * topic: Chinese words of two or more characters and whole English terms; numbers, stop words
 * (already out of the word field), single characters and terms in more than half of the articles
 * are left out. Vectors are L2-normalised, so a dot product is a cosine. Immutable.
 */
public final class TermStatistics {
  /** Title words count as if they appeared this many more times in the body. */
  static final int TITLE_WEIGHT = 3;
  /** A term in more than this share of articles says nothing about any of them. */
  static final double MAX_DOC_SHARE = 0.5;

  private final Map<String, Map<String, Double>> vectors;
  private final Map<String, List<Posting>> postings;

  private record Posting(String id, double weight) {}

  private TermStatistics(Map<String, Map<String, Double>> vectors) {
    this.vectors = vectors;
    Map<String, List<Posting>> index = new HashMap<>();
    vectors.forEach((id, vector) -> vector.forEach((term, weight) ->
        index.computeIfAbsent(term, t -> new ArrayList<>()).add(new Posting(id, weight))));
    this.postings = index;
  }

  /** Computes the vectors of one index version (once per version: see {@link CorpusSnapshot#terms()}). */
  static TermStatistics of(Catalog catalog, IndexReader reader) {
    int n = Math.max(1, catalog.size());
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    try {
      TermVectors termVectors = reader.termVectors();
      for (IndexedArticle article : catalog.articles()) {
        Map<String, Integer> tf = new HashMap<>();
        Terms terms = termVectors.get(article.doc(), Fields.BODY);
        if (terms != null) {
          TermsEnum it = terms.iterator();
          for (BytesRef term = it.next(); term != null; term = it.next()) {
            String text = term.utf8ToString();
            if (isTopicTerm(text)) {
              tf.merge(text, (int) it.totalTermFreq(), Integer::sum);
            }
          }
        }
        for (String word : Analysis.standard().tokens(Analysis.standard().word(), article.title())) {
          if (isTopicTerm(word)) {
            tf.merge(word, TITLE_WEIGHT, Integer::sum);
          }
        }
        counts.put(article.id(), tf);
      }
      Map<String, Integer> df = new HashMap<>();
      for (Map<String, Integer> tf : counts.values()) {
        tf.keySet().forEach(term -> df.merge(term, 1, Integer::sum));
      }
      Map<String, Map<String, Double>> vectors = new LinkedHashMap<>();
      for (IndexedArticle article : catalog.articles()) {
        Map<String, Double> vector = new HashMap<>();
        double norm = 0;
        for (Map.Entry<String, Integer> e : counts.get(article.id()).entrySet()) {
          int d = df.get(e.getKey());
          if (n >= 4 && d > n * MAX_DOC_SHARE) {
            continue;
          }
          double weight = (1 + Math.log(e.getValue())) * (1 + Math.log((n + 1.0) / (d + 1.0)));
          vector.put(e.getKey(), weight);
          norm += weight * weight;
        }
        double length = Math.sqrt(norm);
        if (length > 0) {
          vector.replaceAll((term, weight) -> weight / length);
        }
        vectors.put(article.id(), vector);
      }
      return new TermStatistics(vectors);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Chinese words of two or more characters, English terms of three or more letters (shorter ones
   * are mostly formula variables and code abbreviations: x, ab, np); no numbers.
   */
  static boolean isTopicTerm(String term) {
    int cjk = 0;
    int letters = 0;
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
        cjk++;
      } else if (Character.isLetter(c)) {
        letters++;
      }
    }
    return cjk >= 2 || (cjk == 0 && letters >= 3 && letters >= term.length() - 1);
  }

  /** Cosine similarity of two articles (0 when either is unknown). */
  public double cosine(String a, String b) {
    Map<String, Double> va = vectors.getOrDefault(a, Map.of());
    Map<String, Double> vb = vectors.getOrDefault(b, Map.of());
    Map<String, Double> small = va.size() <= vb.size() ? va : vb;
    Map<String, Double> large = small == va ? vb : va;
    double dot = 0;
    for (Map.Entry<String, Double> e : small.entrySet()) {
      dot += e.getValue() * large.getOrDefault(e.getKey(), 0.0);
    }
    return dot;
  }

  /** Cosine of {@code id} with every article sharing a term with it, by id (itself excluded). */
  public Map<String, Double> similarTo(String id) {
    Map<String, Double> scores = new HashMap<>();
    for (Map.Entry<String, Double> e : vectors.getOrDefault(id, Map.of()).entrySet()) {
      for (Posting p : postings.getOrDefault(e.getKey(), List.of())) {
        if (!p.id().equals(id)) {
          scores.merge(p.id(), e.getValue() * p.weight(), Double::sum);
        }
      }
    }
    return scores;
  }

  /** The terms two articles share, most telling first. */
  public List<String> sharedTerms(String a, String b, int limit) {
    Map<String, Double> va = vectors.getOrDefault(a, Map.of());
    Map<String, Double> vb = vectors.getOrDefault(b, Map.of());
    return va.entrySet().stream()
        .filter(e -> vb.containsKey(e.getKey()))
        .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue() * vb.get(e.getKey()))
            .thenComparing(Map.Entry::getKey))
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** An article's top terms by TF-IDF weight (ties by term, for stable output). */
  public List<Keyword> keywords(String id, int limit) {
    return vectors.getOrDefault(id, Map.of()).entrySet().stream()
        .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
        .limit(limit)
        .map(e -> new Keyword(e.getKey(), Math.round(e.getValue() * 1000) / 1000.0))
        .toList();
  }

}
