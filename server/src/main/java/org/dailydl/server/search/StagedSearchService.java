package org.dailydl.server.search;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.semantic.SemanticService;

/**
 * Search as stages: the lexical retriever (query, spelling, facets), the dense retriever (passage
 * embeddings), their fusion, and hit assembly (the page's snippets). Thread-safe.
 */
final class StagedSearchService implements SearchService {
  private final IndexHandle index;
  private final LexicalRetriever lexical;
  private final DenseRetriever dense;
  private final Fusion fusion;
  private final HitAssembler hits = new HitAssembler();

  StagedSearchService(IndexHandle index, Glossary glossary, SemanticService semantics, Fusion fusion) {
    this.index = Objects.requireNonNull(index);
    this.lexical = new LexicalRetriever(glossary);
    this.dense = new DenseRetriever(semantics);
    this.fusion = Objects.requireNonNull(fusion);
  }

  @Override
  public SearchResult search(SearchRequest request) throws IOException, InvalidQueryException {
    long start = System.nanoTime();
    try (IndexHandle.Lease lease = index.acquire()) {
      Mode requested = effectiveMode(request);
      LexicalRetriever.Found found = lexical.retrieve(lease, request, window(request, requested));
      Mode mode = found.blank() ? Mode.LEXICAL : requested;
      List<Candidate> ranked = found.ranked();
      long total = found.total();
      List<SearchResult.FacetValue> facets = found.facets();
      if (mode != Mode.LEXICAL) {
        List<Candidate> semantic = dense.retrieve(lease.corpus(), found.query(), request, Fusion.DEPTH,
            fusion.floor(found.total()));
        if (mode == Mode.SEMANTIC) {
          ranked = semantic;
          total = semantic.size();
          facets = Fusion.mergeFacets(List.of(), semantic);
        } else {
          ranked = fusion.fuse(found.ranked(), semantic);
          List<Candidate> denseOnly = ranked.stream().filter(c -> !c.signals().contains(Signal.LEXICAL)).toList();
          total = found.total() + denseOnly.size();
          facets = Fusion.mergeFacets(found.facets(), denseOnly);
        }
      }
      return new SearchResult(request.query(), request.page(), request.size(), total,
          (System.nanoTime() - start) / 1_000_000, hits.page(lease, ranked, found.highlight(), request),
          new SearchResult.Facets(facets), found.suggestion(), found.suggestionApplied(), found.allTermsMatched(),
          found.timedOut(), mode, dense.isReady(), dense.state() != SemanticService.State.DISABLED);
    }
  }

  /** The ranking that can answer: the requested one, or lexical while dense retrieval cannot. */
  private Mode effectiveMode(SearchRequest request) {
    return request.luceneSyntax() || !dense.isReady() ? Mode.LEXICAL : request.mode();
  }

  /** How many lexical results a request needs: its page, or the fusion depth for hybrid ranking. */
  private static int window(SearchRequest request, Mode mode) {
    int window = request.page() * request.size();
    return mode == Mode.LEXICAL ? window : Math.max(window, Fusion.DEPTH);
  }
}
