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
import org.dailydl.indexer.schema.IndexedArticle;
import org.dailydl.server.corpus.CorpusSnapshot;
import org.dailydl.server.corpus.LinkGraph;
import org.dailydl.server.corpus.TermStatistics;
import org.dailydl.server.index.IndexHandle;

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

  /** A recommendation with its blended score and the reasons behind it. */
  public record Hit(String id, String path, String title, String category, double score, List<String> reasons) {}

  /** The recommendations for one article. */
  public record Result(String id, String path, List<Hit> hits) {}

  private final IndexHandle index;

  public RelatedService(IndexHandle index) {
    this.index = Objects.requireNonNull(index);
  }

  public Optional<Result> byId(String id, int size) throws IOException {
    try (IndexHandle.Lease lease = index.acquire()) {
      return lease.corpus().catalog().byId(id).map(a -> related(lease.corpus(), a, size));
    }
  }

  public Optional<Result> byPath(String path, int size) throws IOException {
    try (IndexHandle.Lease lease = index.acquire()) {
      return lease.corpus().catalog().byPath(path).map(a -> related(lease.corpus(), a, size));
    }
  }

  /**
   * A link from a table of contents says little about any one article: its weight is divided
   * among its links beyond {@link LinkGraph#TABLE_OF_CONTENTS_LINKS}.
   */
  static double linkWeight(LinkGraph links, String source) {
    int out = links.outgoing(source).size();
    return out <= LinkGraph.TABLE_OF_CONTENTS_LINKS ? 1.0 : (double) LinkGraph.TABLE_OF_CONTENTS_LINKS / out;
  }

  Result related(CorpusSnapshot corpus, IndexedArticle source, int size) {
    LinkGraph links = corpus.links();
    TermStatistics terms = corpus.terms();
    Map<String, Double> cosine = terms.similarTo(source.id());
    Set<String> linksTo = new HashSet<>();
    links.outgoing(source.id()).forEach(e -> linksTo.add(e.target()));
    Set<String> linkedFrom = new HashSet<>();
    links.incoming(source.id()).forEach(e -> linkedFrom.add(e.source()));
    Map<String, Integer> coCited = coCitations(links, source.id());
    String folder = folderOf(source.path());

    Set<String> candidates = new HashSet<>(cosine.keySet());
    candidates.addAll(linksTo);
    candidates.addAll(linkedFrom);
    candidates.addAll(coCited.keySet());
    candidates.remove(source.id());

    List<Hit> hits = new ArrayList<>();
    for (String id : candidates) {
      IndexedArticle other = corpus.catalog().byId(id).orElse(null);
      if (other == null) {
        continue;
      }
      double score = cosine.getOrDefault(id, 0.0);
      List<String> reasons = new ArrayList<>();
      if (linkedFrom.contains(id)) {
        score += LINKED_FROM * linkWeight(links, id);
        reasons.add("链接到本文");
      }
      if (linksTo.contains(id)) {
        score += LINKS_TO * linkWeight(links, source.id());
        reasons.add("本文引用");
      }
      int co = coCited.getOrDefault(id, 0);
      if (co > 0) {
        score += CO_CITATION * Math.min(1.0, co / 2.0);
        reasons.add("常被一起引用（" + co + " 篇文章同时链接）");
      }
      List<String> shared = terms.sharedTerms(source.id(), id, 3);
      if (cosine.getOrDefault(id, 0.0) >= 0.05 && !shared.isEmpty()) {
        reasons.add("共同主题：" + String.join("、", shared));
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

  /** Articles linked from the same (non-table-of-contents) pages as {@code id}, with the number of such pages. */
  private static Map<String, Integer> coCitations(LinkGraph links, String id) {
    Map<String, Integer> counts = new HashMap<>();
    for (LinkGraph.Edge in : links.incoming(id)) {
      if (links.isTableOfContents(in.source())) {
        continue;
      }
      for (LinkGraph.Edge sibling : links.outgoing(in.source())) {
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
