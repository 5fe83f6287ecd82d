package org.dailydl.server.related;

import io.javalin.openapi.OpenApiName;
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
import org.dailydl.server.corpus.Catalog;
import org.dailydl.server.corpus.CorpusSnapshot;
import org.dailydl.server.corpus.LinkGraph;
import org.dailydl.server.corpus.Series;
import org.dailydl.server.corpus.TermStatistics;
import org.dailydl.server.index.IndexHandle;

/**
 * Related articles: a blend ({@link RelatedBlend}) of content similarity over the articles'
 * concepts, explicit links in both directions, co-citation (two articles linked from the same
 * page), structure (the same folder; the previous and next note of a numbered series or a table of
 * contents). Every recommendation says why, and every reason is true of the pair. The article itself
 * is never recommended; ties break by path, so results are deterministic. Thread-safe.
 */
public final class RelatedService {
  /** A concept shared by the pair is worth naming when their similarity is at least this. */
  static final double SHARED_REASON = 0.05;

  /** The notes of a folder up to this size are all candidates, similar or not. */
  static final int MAX_FOLDER_CANDIDATES = 200;

  /**
   * How many of the articles most similar in content are candidates for {@code size} hits. Every
   * other candidate is there for its structure (links, series, a folder of up to {@link
   * #MAX_FOLDER_CANDIDATES} notes) and has its similarity computed on its own: an article outside
   * both scores below all of these, so the hits are those of a scan over every similar article, at
   * a cost that does not grow with the corpus.
   */
  static int contentCandidates(int size) {
    return Math.max(64, 8 * size);
  }

  /** Notes of the same series this many steps away are candidates (weighted by {@link RelatedBlend#seriesDecay}). */
  static final int SERIES_REACH = 3;

  /** A recommendation with its blended score and the reasons behind it. */
  @OpenApiName("RelatedHit")
  public record Hit(String id, String path, String title, String category, double score, List<String> reasons) {}

  /** The recommendations for one article. */
  @OpenApiName("RelatedArticles")
  public record Result(String id, String path, List<Hit> hits) {}

  private final IndexHandle index;
  private final RelatedBlend blend;

  public RelatedService(IndexHandle index) {
    this(index, RelatedBlend.DEFAULT);
  }

  public RelatedService(IndexHandle index, RelatedBlend blend) {
    this.index = Objects.requireNonNull(index);
    this.blend = Objects.requireNonNull(blend);
  }

  public Optional<Result> byId(String id, int size) throws IOException {
    try (IndexHandle.Lease lease = index.acquire()) {
      return lease.corpus().catalog().byId(id).map(a -> related(lease.corpus(), lease.corpus().terms(), a, size));
    }
  }

  public Optional<Result> byPath(String path, int size) throws IOException {
    try (IndexHandle.Lease lease = index.acquire()) {
      return lease.corpus().catalog().byPath(path).map(a -> related(lease.corpus(), lease.corpus().terms(), a, size));
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

  /** The recommendations for {@code source} with similarity from {@code terms} (a variant, in experiments). */
  public Result related(CorpusSnapshot corpus, TermStatistics terms, IndexedArticle source, int size) {
    LinkGraph links = corpus.links();
    Series series = corpus.series();
    Map<String, Double> cosine = new HashMap<>();
    for (TermStatistics.Similar close : terms.mostSimilar(source.id(), contentCandidates(size), Double.MIN_VALUE)) {
      cosine.put(close.id(), close.cosine());
    }
    Set<String> linksTo = new HashSet<>();
    links.outgoing(source.id()).forEach(e -> linksTo.add(e.target()));
    Set<String> linkedFrom = new HashSet<>();
    links.incoming(source.id()).forEach(e -> linkedFrom.add(e.source()));
    Map<String, Integer> coCited = coCitations(links, source.id());
    String folder = folderOf(source.path());
    Map<String, Integer> steps = seriesSteps(series, source.id());

    List<IndexedArticle> folderNotes = corpus.catalog().folder(source.path());
    double folderWeight = folderNotes.size() <= 1 ? 0
        : blend.sameFolder() * Math.min(1.0, blend.folderSize() / (folderNotes.size() - 1));
    Set<String> candidates = new HashSet<>(cosine.keySet());
    if (folderNotes.size() <= MAX_FOLDER_CANDIDATES) {
      // a note of the folder is one when the folder counts, or when it shares a concept with the source
      for (IndexedArticle a : folderNotes) {
        if (folderWeight > 0 || cosine.computeIfAbsent(a.id(), c -> terms.cosine(source.id(), c)) > 0) {
          candidates.add(a.id());
        }
      }
    }
    candidates.addAll(linksTo);
    candidates.addAll(linkedFrom);
    candidates.addAll(coCited.keySet());
    candidates.addAll(steps.keySet());
    candidates.remove(source.id());

    List<Pending> pending = new ArrayList<>();
    for (String id : candidates) {
      IndexedArticle other = corpus.catalog().byId(id).orElse(null);
      if (other == null) {
        continue;
      }
      // a candidate by structure alone has its similarity computed here
      double similarity = cosine.computeIfAbsent(id, c -> terms.cosine(source.id(), c));
      double score = blend.content() * similarity;
      List<String> reasons = new ArrayList<>();
      int step = steps.getOrDefault(id, 0);
      if (step != 0) {
        score += (step > 0 ? blend.next() : blend.previous()) * Math.pow(blend.seriesDecay(), Math.abs(step) - 1);
        reasons.add(step == 1 ? "下一篇" : step == -1 ? "上一篇" : "同一系列");
      }
      if (linkedFrom.contains(id)) {
        score += blend.linkedFrom() * linkWeight(links, id);
        reasons.add("链接到本文");
      }
      if (linksTo.contains(id)) {
        score += blend.linksTo() * linkWeight(links, source.id());
        reasons.add("本文引用");
      }
      int co = coCited.getOrDefault(id, 0);
      if (co > 0) {
        score += blend.coCitation() * Math.min(1.0, co / 2.0);
        reasons.add("常被一起引用（" + co + " 篇文章同时链接）");
      }
      // a positive cosine means shared concepts: they are named below, for the hits shown only
      int sharedAt = similarity >= SHARED_REASON ? reasons.size() : -1;
      if (folder.equals(folderOf(other.path()))) {
        score += folderWeight;
        reasons.add("同一目录");
      }
      if (links.isListing(id)) {
        score *= blend.listing();
      }
      if (!reasons.isEmpty() || sharedAt >= 0) {
        pending.add(new Pending(other, Math.round(score * 10000) / 10000.0, reasons, sharedAt));
      }
    }
    pending.sort(Comparator.comparingDouble(Pending::score).reversed().thenComparing(p -> p.other().path()));
    List<Hit> hits = new ArrayList<>();
    for (Pending p : pending.subList(0, Math.min(size, pending.size()))) {
      List<String> reasons = new ArrayList<>(p.reasons());
      if (p.sharedAt() >= 0) {
        reasons.add(p.sharedAt(), "共同主题：" + String.join("、", terms.sharedTerms(source.id(), p.other().id(), 3)));
      }
      hits.add(new Hit(p.other().id(), p.other().path(), p.other().title(), p.other().category(), p.score(),
          List.copyOf(reasons)));
    }
    return new Result(source.id(), source.path(), List.copyOf(hits));
  }

  /** A candidate scored, before the concepts it shares with the source are named. */
  private record Pending(IndexedArticle other, double score, List<String> reasons, int sharedAt) {}

  /** The notes up to {@link #SERIES_REACH} steps before (negative) and after {@code id} in its reading order. */
  private static Map<String, Integer> seriesSteps(Series series, String id) {
    Map<String, Integer> steps = new HashMap<>();
    series.place(id).ifPresent(place -> {
      for (int step = SERIES_REACH; step >= 1; step--) {
        for (int sign : new int[] {-1, 1}) {
          String other = place.step(sign * step);
          if (other != null && !other.equals(id)) {
            steps.put(other, sign * step);
          }
        }
      }
    });
    return steps;
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
    return Catalog.folderOf(path);
  }
}
