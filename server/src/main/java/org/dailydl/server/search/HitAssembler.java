package org.dailydl.server.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dailydl.indexer.schema.IndexedArticle;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.web.Html;

/** The last stage of search: the requested page of the ranking, as hits with snippets. Thread-safe. */
final class HitAssembler {

  /** Hits of the request's page of {@code ranked}; snippets mark {@code highlight}. */
  List<SearchResult.Hit> page(IndexHandle.Lease lease, List<Candidate> ranked, Set<String> highlight,
      SearchRequest request) throws IOException {
    int from = Math.min(ranked.size(), request.offset());
    List<Candidate> page = ranked.subList(from, Math.min(ranked.size(), from + request.size()));
    int[] docs = page.stream().mapToInt(c -> c.article().doc()).toArray();
    String[] snippets = Snippets.highlight(lease.searcher(), docs, highlight);
    List<SearchResult.Hit> hits = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      Candidate c = page.get(i);
      IndexedArticle info = c.article();
      String snippet = snippets[i].isEmpty() && info.summary() != null ? Html.escape(info.summary()) : snippets[i];
      hits.add(new SearchResult.Hit(info.id(), info.path(), info.title(), info.category(), info.tags(), snippet,
          (float) c.score(), c.signals()));
    }
    return hits;
  }
}
