package org.dailydl.server.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.analysis.Analysis;
import org.dailydl.indexer.analysis.ConceptExtractor;
import org.dailydl.indexer.analysis.GeneralUsage;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.indexer.schema.IndexedArticle;

/**
 * Term statistics of one index version: a weighted vector of every article over its concepts (the
 * candidate subject terms the indexer counted: glossary concepts, topic words, recurring
 * compounds), weighed by {@link TermWeighting}: TF-IDF in this corpus, times specificity in general
 * Chinese usage, times a preference for glossary concepts; concepts that are words of many
 * articles' paths or in more than half of the articles are left out. Vectors are L2-normalised, so
 * a dot product is a cosine. Immutable.
 */
public final class TermStatistics {
  private final Map<String, Map<String, Double>> vectors;
  private final Map<String, List<Posting>> postings;
  private final Map<String, Map<String, String>> forms;
  /** Concepts that are glossary terms: named by the domain, never hidden behind a longer word. */
  private final Set<String> named;

  private record Posting(String id, double weight) {}

  private TermStatistics(Map<String, Map<String, Double>> vectors, Map<String, Map<String, String>> forms,
      Set<String> named) {
    this.vectors = vectors;
    this.forms = forms;
    this.named = named;
    Map<String, List<Posting>> index = new HashMap<>();
    vectors.forEach((id, vector) -> vector.forEach((term, weight) ->
        index.computeIfAbsent(term, t -> new ArrayList<>()).add(new Posting(id, weight))));
    this.postings = index;
  }

  /** Computes the vectors of one index version (once per version: see {@link CorpusSnapshot#terms()}). */
  public static TermStatistics of(Catalog catalog, IndexReader reader, Glossary glossary, TermWeighting weighting) {
    int n = Math.max(1, catalog.size());
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    Map<String, Map<String, String>> forms = new HashMap<>();
    try {
      TermVectors termVectors = reader.termVectors();
      for (IndexedArticle article : catalog.articles()) {
        counts.put(article.id(), conceptCounts(termVectors, article.doc()));
        forms.put(article.id(), article.conceptForms());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Integer> df = new HashMap<>();
    counts.values().forEach(tf -> tf.keySet().forEach(term -> df.merge(term, 1, Integer::sum)));
    Set<String> structural = pathWords(catalog, weighting.pathShare());
    structural.addAll(templateWords(catalog, weighting.templateShare()));
    Specificity specificity = new Specificity(glossary, weighting);
    Map<String, Map<String, Double>> vectors = new LinkedHashMap<>();
    for (IndexedArticle article : catalog.articles()) {
      Map<String, Double> vector = new HashMap<>();
      double norm = 0;
      Map<String, String> articleForms = forms.get(article.id());
      for (Map.Entry<String, Integer> e : counts.get(article.id()).entrySet()) {
        String term = e.getKey();
        int d = df.get(term);
        // a small corpus cannot call a word common from a handful of articles: at least six
        if ((d > n * weighting.maxDocShare() && d > 5) || structural.contains(term)) {
          continue;
        }
        double weight = (1 + Math.log(e.getValue())) * (1 + Math.log((n + 1.0) / (d + 1.0)))
            * specificity.of(term, articleForms.getOrDefault(term, term));
        vector.put(term, weight);
        norm += weight * weight;
      }
      double length = Math.sqrt(norm);
      if (length > 0) {
        vector.replaceAll((term, weight) -> weight / length);
      }
      vectors.put(article.id(), vector);
    }
    Set<String> named = new HashSet<>();
    df.keySet().forEach(term -> {
      if (!glossary.equivalents(term).isEmpty()) {
        named.add(term);
      }
    });
    return new TermStatistics(vectors, forms, named);
  }

  /** How often the article of {@code doc} mentions each concept, from its concepts' term vector (capped at index time). */
  public static Map<String, Integer> conceptCounts(TermVectors termVectors, int doc) throws IOException {
    Map<String, Integer> tf = new HashMap<>();
    Terms terms = termVectors.get(doc, Fields.CONCEPTS);
    if (terms != null) {
      TermsEnum it = terms.iterator();
      for (BytesRef term = it.next(); term != null; term = it.next()) {
        tf.put(term.utf8ToString(), (int) it.totalTermFreq());
      }
    }
    return tf;
  }

  /** Words of at least {@code share} of the articles' paths: folder and file-name structure (day, docs, 题解). */
  private static Set<String> pathWords(Catalog catalog, double share) {
    Map<String, Integer> df = new HashMap<>();
    for (IndexedArticle a : catalog.articles()) {
      new HashSet<>(Analysis.standard().tokens(Analysis.standard().pathWords(), a.path()))
          .forEach(word -> df.merge(word, 1, Integer::sum));
    }
    int min = Math.max(3, (int) Math.ceil(share * catalog.size()));
    Set<String> words = new HashSet<>();
    df.forEach((word, count) -> {
      if (count >= min) {
        words.add(word);
      }
    });
    return words;
  }

  /**
   * The words of headings (and of outside links) that recur in at least {@code share} of the
   * articles: the sections every note of a collection has (题目描述, 解题思路, Implementation, 练习,
   * 小结) say how notes are written, not what one is about.
   */
  private static Set<String> templateWords(Catalog catalog, double share) {
    Map<String, Integer> df = new HashMap<>();
    for (IndexedArticle a : catalog.articles()) {
      Set<String> headings = new HashSet<>();
      a.outline().forEach(h -> headings.add(Glossary.normalize(h.text())));
      // so are the words of the same outside link in every note ([NowCoder](https://…), [原文](…))
      a.links().stream().filter(l -> l.target() == null && l.text() != null && !l.text().isBlank())
          .forEach(l -> headings.add(Glossary.normalize(l.text())));
      headings.forEach(h -> df.merge(h, 1, Integer::sum));
    }
    int min = Math.max(3, (int) Math.ceil(share * catalog.size()));
    Set<String> words = new HashSet<>();
    df.forEach((heading, count) -> {
      if (count >= min) {
        String compact = heading.replaceAll("[\\p{Punct}\\s：，、（）]+", "");
        words.add(heading);
        words.add(compact);
        List<String> parts = Analysis.standard().tokens(Analysis.standard().word(), heading);
        words.addAll(parts);
        for (int i = 0; i + 1 < parts.size(); i++) {
          words.add(parts.get(i) + parts.get(i + 1));
          words.add(parts.get(i) + " " + parts.get(i + 1));
        }
      }
    });
    return words;
  }

  /** How specific a concept is: general usage (Chinese), writing (English), the glossary (both). */
  private static final class Specificity {
    private final Glossary glossary;
    private final TermWeighting weighting;
    private final GeneralUsage usage = GeneralUsage.instance();

    Specificity(Glossary glossary, TermWeighting weighting) {
      this.glossary = glossary;
      this.weighting = weighting;
    }

    double of(String concept, String form) {
      boolean inGlossary = !glossary.equivalents(concept).isEmpty();
      double factor = inGlossary ? weighting.glossaryBoost() : 1;
      if (isCjk(concept)) {
        boolean compound = !inGlossary && Analysis.standard().tokens(Analysis.standard().word(), concept).size() > 1;
        return factor * weighting.usage(generalFrequency(concept)) * (compound ? weighting.compoundBoost() : 1);
      }
      boolean written = !form.equals(form.toLowerCase(Locale.ROOT));
      boolean compound = !inGlossary && concept.indexOf(' ') > 0;
      return factor * (inGlossary || written ? 1 : weighting.lowercaseLatin()) * (compound ? weighting.compoundBoost() : 1);
    }

    /**
     * A word's general frequency; a compound the dictionary lacks ("得到结果", "拥塞控制") takes its
     * most specific part's: everyday parts make an everyday phrase.
     */
    private int generalFrequency(String concept) {
      int whole = usage.frequency(concept);
      if (whole > 0 || concept.length() < 3) {
        return whole;
      }
      int min = Integer.MAX_VALUE;
      for (String part : Analysis.standard().tokens(Analysis.standard().word(), concept)) {
        if (ConceptExtractor.isTopicWord(part)) {
          min = Math.min(min, usage.frequency(part));
        }
      }
      return min == Integer.MAX_VALUE ? 0 : min;
    }

    private static boolean isCjk(String term) {
      return !term.isEmpty() && Character.UnicodeScript.of(term.charAt(0)) == Character.UnicodeScript.HAN;
    }
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

  /** Cosine of {@code id} with every article sharing a concept with it, by id (itself excluded). */
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

  /** The concepts two articles share, most telling first, as {@code a} writes them. */
  public List<String> sharedTerms(String a, String b, int limit) {
    Map<String, Double> va = vectors.getOrDefault(a, Map.of());
    Map<String, Double> vb = vectors.getOrDefault(b, Map.of());
    List<String> shared = va.entrySet().stream()
        .filter(e -> vb.containsKey(e.getKey()))
        .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue() * vb.get(e.getKey()))
            .thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey)
        .toList();
    return wholeTerms(shared, limit).stream().map(t -> form(a, t)).toList();
  }

  /** An article's top concepts by weight (ties by term), as the article writes them. */
  public List<Keyword> keywords(String id, int limit) {
    Map<String, Double> vector = vectors.getOrDefault(id, Map.of());
    List<String> ranked = vector.entrySet().stream()
        .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey)
        .toList();
    return wholeTerms(ranked, limit).stream()
        .map(t -> new Keyword(form(id, t), Math.round(vector.get(t) * 1000) / 1000.0))
        .toList();
  }

  /** The article's concept keys by weight, best first (for topics: keys, not display forms). */
  public List<String> topConcepts(String id, int limit) {
    Map<String, Double> vector = vectors.getOrDefault(id, Map.of());
    List<String> ranked = vector.entrySet().stream()
        .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey)
        .toList();
    return wholeTerms(ranked, limit);
  }

  /** How {@code id} writes concept {@code term}. */
  public String form(String id, String term) {
    return forms.getOrDefault(id, Map.of()).getOrDefault(term, term);
  }

  /**
   * The first {@code limit} terms, a part left out when a whole that contains it ranks too
   * ("拥塞" beside "拥塞控制", "descent" beside "gradient descent"); a glossary concept is never a
   * mere part (注意力 stays beside 多头注意力).
   */
  private List<String> wholeTerms(List<String> ranked, int limit) {
    List<String> chosen = new ArrayList<>();
    for (String term : ranked.subList(0, Math.min(ranked.size(), limit * 3))) {
      if (chosen.size() >= limit) {
        break;
      }
      if (!named.contains(term) && chosen.stream().anyMatch(c -> c.contains(term))) {
        continue;
      }
      chosen.removeIf(c -> !named.contains(c) && term.contains(c));
      chosen.add(term);
    }
    return chosen;
  }

  /** Whether {@code id}'s vector holds the concept written {@code form} (as keywords and reasons show it). */
  public boolean has(String id, String form) {
    Map<String, Double> vector = vectors.getOrDefault(id, Map.of());
    return vector.keySet().stream().anyMatch(t -> t.equals(form) || form(id, t).equals(form));
  }
}
