package org.dailydl.server.search;

import com.github.benmanes.caffeine.cache.Cache;
import java.io.IOException;
import java.util.Optional;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.semantic.SemanticService;

/** Full-text and semantic search over the knowledge base. Knows nothing of HTTP. Thread-safe. */
public interface SearchService {

  /**
   * One page of results for {@code request}.
   *
   * @throws InvalidQueryException when a Lucene-syntax query cannot be parsed or is too broad
   */
  SearchResult search(SearchRequest request) throws IOException, InvalidQueryException;

  /** The cache of results this service answers from, if any (for its hit-rate metrics). */
  default Optional<Cache<?, ?>> resultCache() {
    return Optional.empty();
  }

  /** Lexical search with results cached per index version. */
  static SearchService create(IndexHandle index, Glossary glossary) {
    return create(index, glossary, SemanticService.disabled());
  }

  /** Hybrid search (lexical and dense, fused) with results cached per index version and semantic state. */
  static SearchService create(IndexHandle index, Glossary glossary, SemanticService semantics) {
    return create(index, glossary, semantics, Fusion.DEFAULT);
  }

  /** Hybrid search with another fusion (weights, dense floor): for experiments in benchmarks. */
  static SearchService create(IndexHandle index, Glossary glossary, SemanticService semantics, Fusion fusion) {
    return new CachedSearchService(index, semantics, new StagedSearchService(index, glossary, semantics, fusion));
  }
}
