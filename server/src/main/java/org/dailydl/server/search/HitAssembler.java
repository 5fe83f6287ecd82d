package org.dailydl.server.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.dailydl.indexer.collection.MathText;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.schema.ArticleSchema;
import org.dailydl.indexer.schema.IndexedArticle;
import org.dailydl.server.corpus.PerSnapshot;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.web.Html;

/**
 * The last stage of search: the requested page of the ranking, as hits with snippets. Bodies of
 * hits are kept, prepared for snippets, in a bounded cache per index version (popular articles are
 * hits again and again, and reading a body means decompressing its stored fields). Thread-safe.
 */
final class HitAssembler {
  /** Characters of prepared bodies kept per index version ({@link Snippets.Body#weight}). */
  static final long BODY_CACHE_CHARS = 16L * 1024 * 1024;

  private final PerSnapshot<Cache<Integer, Snippets.Body>> bodies = new PerSnapshot<>(s -> Caffeine.newBuilder()
      .maximumWeight(BODY_CACHE_CHARS).<Integer, Snippets.Body>weigher((doc, body) -> body.weight()).build());

  /** Snippet-term weights kept per index version (bounded: queries bring new words). */
  static final int IDF_CACHE_SIZE = 100_000;

  private final PerSnapshot<Cache<String, Double>> idfs = new PerSnapshot<>(s -> Caffeine.newBuilder()
      .maximumSize(IDF_CACHE_SIZE).<String, Double>build());

  /** Hits of the request's page of {@code ranked}; snippets mark {@code highlight}. */
  List<SearchResult.Hit> page(IndexHandle.Lease lease, List<Candidate> ranked, Set<String> highlight,
      SearchRequest request) {
    int from = Math.min(ranked.size(), request.offset());
    List<Candidate> page = ranked.subList(from, Math.min(ranked.size(), from + request.size()));
    IndexReader reader = lease.searcher().getIndexReader();
    int docs = Math.max(1, reader.numDocs());
    Cache<String, Double> idf = idfs.get(lease.corpus());
    Snippets.Terms terms = new Snippets.Terms(highlight, term -> idf.get(term, t -> idf(reader, docs, t)));
    Cache<Integer, Snippets.Body> cache = bodies.get(lease.corpus());
    List<SearchResult.Hit> hits = new ArrayList<>(page.size());
    for (Candidate c : page) {
      IndexedArticle info = c.article();
      Snippets.Body body = cache.get(info.doc(), doc -> Snippets.prepare(body(reader, doc)));
      String snippet = Snippets.of(body, terms);
      if (snippet.isEmpty() && info.summary() != null) {
        snippet = Html.escape(info.summary());
      }
      hits.add(new SearchResult.Hit(info.id(), info.path(), info.title(), info.category(), info.tags(), snippet,
          (float) c.score(), c.signals()));
    }
    return hits;
  }

  private static String body(IndexReader reader, int doc) {
    try {
      return MathText.shown(ArticleSchema.body(reader, doc));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How rare a snippet term is in bodies: rarer terms decide which passage is shown. */
  private static double idf(IndexReader reader, int docs, String term) {
    try {
      int df = reader.docFreq(new Term(Fields.BODY_BIGRAM, term));
      return Math.log(1 + (double) docs / (1 + df));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
