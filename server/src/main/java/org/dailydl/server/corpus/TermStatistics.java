package org.dailydl.server.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.indexer.schema.InChunks;
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
  private final ConceptVectors vectors;
  private final Map<String, Integer> ordinals = new HashMap<>();
  private final String[] ids;
  private final List<Map<String, String>> forms;
  /** Concepts that are glossary terms: named by the domain, never hidden behind a longer word. */
  private final Set<String> named;
  /**
   * Code vocabulary (int, val, None) and section labels (目录, 小结, SQL详解): evidence of similar
   * content, but never offered as a keyword, a topic or a reason.
   */
  private final Set<String> unnamed;

  private TermStatistics(List<String> ids, List<Map<String, Double>> vectors, List<Map<String, String>> forms,
      Set<String> named, Set<String> unnamed) {
    this.ids = ids.toArray(String[]::new);
    for (int a = 0; a < this.ids.length; a++) {
      ordinals.put(this.ids[a], a);
    }
    this.vectors = new ConceptVectors(vectors);
    this.forms = forms;
    this.named = named;
    this.unnamed = unnamed;
  }

  /** Computes the vectors of one index version (once per version: see {@link CorpusSnapshot#terms()}). */
  public static TermStatistics of(Catalog catalog, IndexReader reader, Glossary glossary, TermWeighting weighting) {
    int n = Math.max(1, catalog.size());
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    Map<String, Map<String, String>> forms = new HashMap<>();
    List<Map<String, Integer>> perArticle = conceptCounts(reader, catalog.articles());
    for (int i = 0; i < catalog.articles().size(); i++) {
      IndexedArticle article = catalog.articles().get(i);
      counts.put(article.id(), perArticle.get(i));
      forms.put(article.id(), article.conceptForms());
    }
    Map<String, Integer> df = new HashMap<>();
    counts.values().forEach(tf -> tf.keySet().forEach(term -> df.merge(term, 1, Integer::sum)));
    Set<String> structural = StructuralWords.pathWords(catalog, weighting.pathShare());
    structural.addAll(StructuralWords.templateWords(catalog, weighting.templateShare()));
    Specificity specificity = new Specificity(glossary, weighting);
    Set<String> named = new HashSet<>();
    df.keySet().forEach(term -> {
      if (!glossary.equivalents(term).isEmpty()) {
        named.add(term);
      }
    });
    Set<String> unnamed = codeVocabulary(reader, named, weighting, df, n);
    List<String> ids = new ArrayList<>(catalog.size());
    List<Map<String, Double>> vectors = new ArrayList<>(catalog.size());
    List<Map<String, String>> articleForms = new ArrayList<>(catalog.size());
    for (IndexedArticle article : catalog.articles()) {
      Map<String, Double> vector = new HashMap<>();
      double norm = 0;
      Map<String, String> written = forms.get(article.id());
      for (Map.Entry<String, Integer> e : counts.get(article.id()).entrySet()) {
        String term = e.getKey();
        int d = df.get(term);
        // a small corpus cannot call a word common from a handful of articles: at least six
        if ((d > n * weighting.maxDocShare() && d > 5) || structural.contains(term)) {
          continue;
        }
        double weight = (1 + Math.log(e.getValue())) * (1 + Math.log((n + 1.0) / (d + 1.0)))
            * specificity.of(term, written.getOrDefault(term, term));
        vector.put(term, weight);
        norm += weight * weight;
        if (specificity.isLabel(term)) {
          unnamed.add(term);
        }
      }
      double length = Math.sqrt(norm);
      if (length > 0) {
        vector.replaceAll((term, weight) -> weight / length);
      }
      ids.add(article.id());
      vectors.add(vector);
      articleForms.add(written);
    }
    return new TermStatistics(ids, vectors, articleForms, named, unnamed);
  }

  /**
   * The English concepts outside the glossary that many more articles use in their code than
   * mention in their prose ({@link TermWeighting#codeVocabulary}).
   */
  private static Set<String> codeVocabulary(IndexReader reader, Set<String> glossaryTerms, TermWeighting weighting,
      Map<String, Integer> df, int n) {
    Set<String> words = new HashSet<>();
    try {
      for (Map.Entry<String, Integer> e : df.entrySet()) {
        String term = e.getKey();
        if (term.isEmpty() || term.indexOf(' ') >= 0 || !isLatin(term.charAt(0)) || glossaryTerms.contains(term)) {
          continue;
        }
        if (weighting.codeVocabulary(e.getValue(), reader.docFreq(new Term(Fields.CODE, term)), n)) {
          words.add(term);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }

  private static boolean isLatin(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Articles read per task of {@link #conceptCounts(IndexReader, List)}, each task with its own term vectors. */
  private static final int CHUNK = 512;

  /**
   * The concept counts of {@code articles}, in their order. Large corpora are read on all cores:
   * decompressing term vectors is most of building a version's statistics at 10,000 articles.
   */
  static List<Map<String, Integer>> conceptCounts(IndexReader reader, List<IndexedArticle> articles) {
    try {
      return InChunks.map(articles.size(), CHUNK, (from, to) -> {
        TermVectors termVectors = reader.termVectors();
        List<Map<String, Integer>> part = new ArrayList<>(to - from);
        for (IndexedArticle article : articles.subList(from, to)) {
          part.add(conceptCounts(termVectors, article.doc()));
        }
        return part;
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  /** Cosine similarity of two articles (0 when either is unknown). */
  public double cosine(String a, String b) {
    Integer x = ordinals.get(a);
    Integer y = ordinals.get(b);
    return x == null || y == null ? 0 : vectors.dot(x, y);
  }

  /** An article and its similarity to another. */
  public record Similar(String id, double cosine) {}

  /**
   * The {@code limit} articles closest to {@code id} with a cosine of at least {@code min}, best
   * first (ties by id). Candidates come from the {@link #REACH} heaviest articles of each of its
   * concepts, so the cost per article does not grow with the corpus; the best of them by that
   * partial sum get their exact cosine. While no concept has more articles than the reach
   * (corpora of a few hundred notes) the answer is exactly the closest articles.
   */
  public List<Similar> mostSimilar(String id, int limit, double min) {
    Integer a = ordinals.get(id);
    if (a == null) {
      return List.of();
    }
    double[] scratch = SCRATCH.get();
    if (scratch.length < ids.length) {
      scratch = new double[ids.length];
      SCRATCH.set(scratch);
    }
    int[] candidates = vectors.nearest(a, Math.max(32, 10 * limit), REACH, scratch);
    List<Similar> found = new ArrayList<>();
    for (int b : candidates) {
      double cosine = vectors.dot(a, b);
      if (cosine >= min) {
        found.add(new Similar(ids[b], cosine));
      }
    }
    found.sort(Comparator.comparingDouble(Similar::cosine).reversed().thenComparing(Similar::id));
    return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
  }

  /** A zeroed array per thread for {@link #mostSimilar}, so that a whole graph allocates one. */
  private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[0]);

  /** How many of a concept's articles {@link #mostSimilar} reads, the heaviest first. */
  static final int REACH = 256;

  /** The concepts two articles share, most telling first, as {@code a} writes them. */
  public List<String> sharedTerms(String a, String b, int limit) {
    Integer x = ordinals.get(a);
    Integer y = ordinals.get(b);
    if (x == null || y == null) {
      return List.of();
    }
    List<Map.Entry<String, Double>> shared = new ArrayList<>();
    int[] tx = vectors.termsOf(x);
    double[] wx = vectors.weightsOf(x);
    for (int i = 0; i < tx.length; i++) {
      double wy = vectors.weight(y, vectors.term(tx[i]));
      if (wy > 0) {
        shared.add(Map.entry(vectors.term(tx[i]), wx[i] * wy));
      }
    }
    return wholeTerms(byWeight(shared), limit).stream().map(t -> form(a, t)).toList();
  }

  /** An article's top concepts by weight (ties by term), as the article writes them. */
  public List<Keyword> keywords(String id, int limit) {
    Integer a = ordinals.get(id);
    if (a == null) {
      return List.of();
    }
    return wholeTerms(byWeight(entries(a)), limit).stream()
        .map(t -> new Keyword(form(id, t), Math.round(vectors.weight(a, t) * 1000) / 1000.0))
        .toList();
  }

  /** The article's concept keys by weight, best first (for topics: keys, not display forms). */
  public List<String> topConcepts(String id, int limit) {
    Integer a = ordinals.get(id);
    return a == null ? List.of() : wholeTerms(byWeight(entries(a)), limit);
  }

  private List<Map.Entry<String, Double>> entries(int a) {
    int[] terms = vectors.termsOf(a);
    double[] weights = vectors.weightsOf(a);
    List<Map.Entry<String, Double>> entries = new ArrayList<>(terms.length);
    for (int i = 0; i < terms.length; i++) {
      entries.add(Map.entry(vectors.term(terms[i]), weights[i]));
    }
    return entries;
  }

  /** Terms by weight, heaviest first, ties by term. */
  private static List<String> byWeight(List<Map.Entry<String, Double>> entries) {
    return entries.stream()
        .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue())
            .thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** How {@code id} writes concept {@code term}. */
  public String form(String id, String term) {
    Integer a = ordinals.get(id);
    return a == null ? term : forms.get(a).getOrDefault(term, term);
  }

  /**
   * The first {@code limit} terms that can name a subject, a part left out when a whole that contains it ranks too
   * ("拥塞" beside "拥塞控制", "descent" beside "gradient descent"); a glossary concept is never a
   * mere part (注意力 stays beside 多头注意力).
   */
  private List<String> wholeTerms(List<String> ranked, int limit) {
    List<String> chosen = new ArrayList<>();
    int seen = 0;
    for (String term : ranked) {
      if (chosen.size() >= limit || seen >= limit * 3) {
        break;
      }
      if (unnamed.contains(term)) {
        continue;
      }
      seen++;
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
    Integer a = ordinals.get(id);
    if (a == null) {
      return false;
    }
    for (int t : vectors.termsOf(a)) {
      String term = vectors.term(t);
      if (term.equals(form) || form(id, term).equals(form)) {
        return true;
      }
    }
    return false;
  }
}
