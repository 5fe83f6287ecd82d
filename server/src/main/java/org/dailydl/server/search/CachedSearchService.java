package org.dailydl.server.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.semantic.SemanticService;

/**
 * Caches another search's results: readers repeat queries (paging back, shared links,
 * as-you-type prefixes). Results are kept per index version and semantic state, so a changed index
 * or newly loaded vectors never serve a stale answer. A cached answer is the same object as the
 * first, so a web layer can keep its serialisation beside it. Thread-safe.
 */
final class CachedSearchService implements SearchService {
  /** Distinct requests whose results are kept (a few MB at most). */
  static final int CACHE_SIZE = 2048;

  private record Key(long version, SemanticService.State semantic, SearchRequest request) {}

  private final IndexHandle index;
  private final SemanticService semantics;
  private final SearchService delegate;
  /** Statistics recorded: the hit rate is a metric (/metrics). */
  private final Cache<Key, SearchResult> cache = Caffeine.newBuilder().maximumSize(CACHE_SIZE).recordStats().build();

  CachedSearchService(IndexHandle index, SemanticService semantics, SearchService delegate) {
    this.index = Objects.requireNonNull(index);
    this.semantics = Objects.requireNonNull(semantics);
    this.delegate = Objects.requireNonNull(delegate);
  }

  @Override
  public Optional<Cache<?, ?>> resultCache() {
    return Optional.of(cache);
  }

  @Override
  public SearchResult search(SearchRequest request) throws IOException, InvalidQueryException {
    long version;
    try (IndexHandle.Lease lease = index.acquire()) {
      version = lease.corpus().number();
    }
    Key key = new Key(version, semantics.state(), request);
    SearchResult cached = cache.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    SearchResult fresh = delegate.search(request);
    cache.put(key, fresh);
    return fresh;
  }
}
