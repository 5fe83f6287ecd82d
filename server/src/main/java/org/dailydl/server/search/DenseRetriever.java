package org.dailydl.server.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dailydl.indexer.schema.IndexedArticle;
import org.dailydl.server.corpus.CorpusSnapshot;
import org.dailydl.server.corpus.PassageVectors;
import org.dailydl.server.semantic.SemanticService;

/**
 * The dense stage of search: articles by the cosine of their best passage with the query's
 * embedding, filtered like the lexical query, with the same prior against tables of contents.
 * Thread-safe.
 */
final class DenseRetriever {
  private final SemanticService semantics;
  private final HubPrior hubs = new HubPrior();

  DenseRetriever(SemanticService semantics) {
    this.semantics = Objects.requireNonNull(semantics);
  }

  /** Whether dense retrieval can answer now (enabled, vectors loaded). */
  boolean isReady() {
    return semantics.isReady();
  }

  SemanticService.State state() {
    return semantics.state();
  }

  /**
   * The best {@code limit} articles for {@code query} with a cosine of at least {@code floor} that
   * pass the request's filters; empty until ready.
   */
  List<Candidate> retrieve(CorpusSnapshot snapshot, String query, SearchRequest request, int limit, double floor) {
    Optional<PassageVectors> passages = snapshot.passages();
    if (passages.isEmpty() || !semantics.isReady() || query.isBlank()) {
      return List.of();
    }
    HubPrior.Values prior = hubs.of(snapshot);
    List<Candidate> dense = new ArrayList<>();
    for (PassageVectors.Scored scored : passages.get().rank(semantics.embedQuery(query), limit * 2)) {
      if (scored.score() < floor) {
        break; // ranked best first: the rest are below the floor too
      }
      IndexedArticle info = snapshot.catalog().byId(scored.articleId()).orElse(null);
      if (info == null || (request.category() != null && !request.category().equals(info.category()))
          || (request.tag() != null && info.tags().stream().noneMatch(t -> t.equalsIgnoreCase(request.tag())))) {
        continue;
      }
      dense.add(new Candidate(info, scored.score() * prior.valueOf(info.doc()), List.of(Signal.SEMANTIC)));
    }
    dense.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(c -> c.article().path()));
    return dense.size() > limit ? List.copyOf(dense.subList(0, limit)) : dense;
  }
}
