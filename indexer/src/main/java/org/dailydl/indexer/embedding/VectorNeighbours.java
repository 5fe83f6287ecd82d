package org.dailydl.indexer.embedding;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Approximate nearest passages from the HNSW graph Lucene keeps for the {@link VectorStore}'s
 * vector field: the cost of a query grows with the logarithm of the passages instead of their
 * number, for corpora where scanning every vector is too slow. Passages are named by their
 * position in {@link VectorStore#read()}. Thread-safe; close it when done.
 */
public final class VectorNeighbours implements Closeable {
  /** A passage (its position in the store's entries) and its cosine with the query. */
  public record Hit(int entry, float cosine) {}

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final int[] entryOf;

  VectorNeighbours(Path dir) throws IOException {
    this.directory = FSDirectory.open(dir);
    this.reader = DirectoryReader.open(directory);
    // no thread pool: one query's segments are searched on the request's thread
    this.searcher = new IndexSearcher(reader);
    this.entryOf = entryNumbers(reader);
  }

  /** Entry positions by global doc id, numbered as {@link VectorStore#read()} numbers them. */
  private static int[] entryNumbers(DirectoryReader reader) throws IOException {
    int[] entryOf = new int[reader.maxDoc()];
    Arrays.fill(entryOf, -1);
    int next = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      FloatVectorValues vectors = r.getFloatVectorValues(VectorStore.VECTOR);
      if (vectors == null) {
        continue;
      }
      for (int doc = vectors.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = vectors.nextDoc()) {
        if (r.getLiveDocs() == null || r.getLiveDocs().get(doc)) {
          entryOf[leaf.docBase + doc] = next++;
        }
      }
    }
    return entryOf;
  }

  /** The passages nearest to {@code query} (unit length), at most {@code k}, best first. */
  public List<Hit> nearest(float[] query, int k) throws IOException {
    ScoreDoc[] docs = searcher.search(new KnnFloatVectorQuery(VectorStore.VECTOR, query, k), k).scoreDocs;
    List<Hit> hits = new ArrayList<>(docs.length);
    for (ScoreDoc d : docs) {
      // Lucene scores cosine as (1 + cos) / 2
      hits.add(new Hit(entryOf[d.doc], 2 * d.score - 1));
    }
    return hits;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
