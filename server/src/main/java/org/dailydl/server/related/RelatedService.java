package org.dailydl.server.related;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dailydl.server.articles.ArticleView;
import org.dailydl.server.index.ArticleInfo;
import org.dailydl.server.index.Catalog;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.index.IndexVersion;

/**
 * Related articles: a blend of TF-IDF cosine over the articles' term vectors, explicit links in
 * both directions, co-citation (two articles linked from the same page) and a small same-folder
 * prior. Every recommendation says why, and every reason is true of the pair. The article itself
 * is never recommended; ties break by path, so results are deterministic. Thread-safe.
 */
public final class RelatedService {
  static final double LINKS_TO = 0.35;
  static final double LINKED_FROM = 0.30;
  static final double CO_CITATION = 0.15;
  static final double SAME_FOLDER = 0.06;
  static final int KEYWORDS = 10;
  static final int DENSE_NEIGHBOURS = 20;
  /** A rescaled dense closeness at or above this is worth saying ("内容语义相近"). */
  static final double DENSE_REASON = 0.85;

  /** A recommendation with its blended score and the reasons behind it. */
  public record Hit(String id, String path, String title, String category, double score, List<String> reasons) {}

  /** The recommendations for one article. */
  public record Result(String id, String path, List<Hit> hits) {}

  private final IndexHandle index;
  private final org.dailydl.server.semantic.SemanticService semantics;
  private final double denseWeight;

  public RelatedService(IndexHandle index) {
    this(index, null, 0);
  }

  /**
   * @param semantics article vectors for a dense-similarity term, or null
   * @param denseWeight weight of that term (0 leaves it out; measured on the judged pairs)
   */
  public RelatedService(IndexHandle index, org.dailydl.server.semantic.SemanticService semantics, double denseWeight) {
    this.index = Objects.requireNonNull(index);
    this.semantics = semantics;
    this.denseWeight = denseWeight;
  }

  /** The version's vectors, computed once per index version. */
  public static ArticleVectors vectors(IndexVersion version) {
    return version.derived(ArticleVectors.class, v -> ArticleVectors.of(v, v.reader()));
  }

  public Optional<Result> byId(String id, int size) throws IOException {
    try (IndexHandle.Snapshot snapshot = index.acquire()) {
      return snapshot.catalog().byId(id).map(a -> related(snapshot.version(), a, size));
    }
  }

  public Optional<Result> byPath(String path, int size) throws IOException {
    try (IndexHandle.Snapshot snapshot = index.acquire()) {
      return snapshot.catalog().byPath(path).map(a -> related(snapshot.version(), a, size));
    }
  }

  /** The article's top TF-IDF terms with weights. */
  public List<ArticleView.Keyword> keywords(ArticleInfo article) {
    try (IndexHandle.Snapshot snapshot = index.acquire()) {
      return vectors(snapshot.version()).keywords(article.id(), KEYWORDS).stream()
          .map(w -> new ArticleView.Keyword(w.term(), w.weight())).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  Result related(IndexVersion version, ArticleInfo source, int size) {
    Catalog catalog = version.catalog();
    ArticleVectors vectors = vectors(version);
    Map<String, Double> cosine = vectors.similarTo(source.id());
    Set<String> linksTo = targets(catalog, source.id());
    Set<String> linkedFrom = new HashSet<>();
    catalog.incoming(source.id()).forEach(e -> linkedFrom.add(e.source()));
    Map<String, Integer> coCited = coCitations(catalog, source.id());
    String folder = folderOf(source.path());

    Map<String, Double> dense = denseScores(source.id());
    Set<String> candidates = new HashSet<>(cosine.keySet());
    candidates.addAll(dense.keySet());
    candidates.addAll(linksTo);
    candidates.addAll(linkedFrom);
    candidates.addAll(coCited.keySet());
    candidates.remove(source.id());

    List<Hit> hits = new ArrayList<>();
    for (String id : candidates) {
      ArticleInfo other = catalog.byId(id).orElse(null);
      if (other == null) {
        continue;
      }
      double score = cosine.getOrDefault(id, 0.0);
      List<String> reasons = new ArrayList<>();
      if (linkedFrom.contains(id)) {
        score += LINKED_FROM * catalog.hubDiscount(id);
        reasons.add("链接到本文");
      }
      if (linksTo.contains(id)) {
        score += LINKS_TO * catalog.hubDiscount(source.id());
        reasons.add("本文引用");
      }
      int co = coCited.getOrDefault(id, 0);
      if (co > 0) {
        score += CO_CITATION * Math.min(1.0, co / 2.0);
        reasons.add("常被一起引用（" + co + " 篇文章同时链接）");
      }
      List<String> shared = vectors.sharedTerms(source.id(), id, 3);
      if (cosine.getOrDefault(id, 0.0) >= 0.05 && !shared.isEmpty()) {
        reasons.add("共同主题：" + String.join("、", shared));
      }
      double closeness = dense.getOrDefault(id, 0.0);
      if (closeness > 0) {
        score += denseWeight * closeness;
        if (closeness >= DENSE_REASON) {
          reasons.add("内容语义相近");
        }
      }
      if (folder.equals(folderOf(other.path()))) {
        score += SAME_FOLDER;
        reasons.add("同一目录");
      }
      if (!reasons.isEmpty()) {
        hits.add(new Hit(other.id(), other.path(), other.title(), other.category(),
            Math.round(score * 10000) / 10000.0, List.copyOf(reasons)));
      }
    }
    hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::path));
    return new Result(source.id(), source.path(), List.copyOf(hits.subList(0, Math.min(size, hits.size()))));
  }

  /**
   * Dense similarity of the source to its nearest articles, rescaled to [0, 1] over this source's
   * neighbours (embedding cosines of texts on one subject all sit high; their order is the signal).
   * Only the nearest {@link #DENSE_NEIGHBOURS} take part.
   */
  private Map<String, Double> denseScores(String id) {
    if (semantics == null || denseWeight <= 0 || !semantics.isReady()) {
      return Map.of();
    }
    Map<String, Double> cosine = semantics.similarArticles(id);
    if (cosine.isEmpty()) {
      return Map.of();
    }
    double max = cosine.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
    double min = cosine.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
    Map<String, Double> scores = new HashMap<>();
    cosine.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
        .limit(DENSE_NEIGHBOURS)
        .forEach(e -> scores.put(e.getKey(), max > min ? (e.getValue() - min) / (max - min) : 1.0));
    return scores;
  }

  private static Set<String> targets(Catalog catalog, String id) {
    Set<String> targets = new HashSet<>();
    catalog.outgoing(id).forEach(e -> targets.add(e.target()));
    return targets;
  }

  /** Articles linked from the same (non-hub) pages as {@code id}, with the number of such pages. */
  private static Map<String, Integer> coCitations(Catalog catalog, String id) {
    Map<String, Integer> counts = new HashMap<>();
    for (Catalog.Edge in : catalog.incoming(id)) {
      List<Catalog.Edge> siblings = catalog.outgoing(in.source());
      if (siblings.size() > Catalog.HUB_LINKS) {
        continue;
      }
      for (Catalog.Edge sibling : siblings) {
        if (!sibling.target().equals(id)) {
          counts.merge(sibling.target(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  static String folderOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
