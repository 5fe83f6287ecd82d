package org.dailydl.indexer.schema;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

/**
 * The articles of index segments as {@link ArticleSchema#read} decodes them, kept while a segment
 * is open, so that a new version of an index decodes only its new segments: after one note is
 * saved, the next version differs from the last by one small segment and some deletions, and
 * decoding 10,000 articles' stored fields again was most of making that note searchable. Segments
 * are recognised by their core (the same files, whatever their deletions); an entry goes when
 * Lucene closes its core. Thread-safe.
 */
public final class DecodedSegments {
  /** Segment core → its articles by segment-local doc id (null where the doc was already deleted). */
  private final Map<Object, IndexedArticle[]> bySegment = new ConcurrentHashMap<>();

  /** Every live article of {@code reader}, in doc-id order (as {@link ArticleSchema#read(IndexReader)}). */
  public List<IndexedArticle> read(IndexReader reader) throws IOException {
    return ArticleSchema.live(reader, this::decoded);
  }

  /** How many segments are held (for tests). */
  int size() {
    return bySegment.size();
  }

  private IndexedArticle[] decoded(LeafReader segment) throws IOException {
    var helper = segment.getCoreCacheHelper();
    if (helper == null) {
      return ArticleSchema.decodeSegment(segment);
    }
    IndexedArticle[] known = bySegment.get(helper.getKey());
    if (known != null) {
      return known;
    }
    IndexedArticle[] decoded = ArticleSchema.decodeSegment(segment);
    if (bySegment.putIfAbsent(helper.getKey(), decoded) == null) {
      helper.addClosedListener(bySegment::remove);
    }
    return decoded;
  }
}
