package org.dailydl.indexer.embedding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Passage vectors, in a Lucene index of their own beside the lexical one ({@code INDEX/vectors}).
 * A parallel index rather than child documents, because vectors come later than the lexical index
 * (which is built and served first) and survive its full rebuilds: the vector of a passage is
 * cached by the hash of its text, so only new or changed passages are ever embedded again. Each
 * write replaces the whole set in one commit. Small corpora are scored exactly over vectors held in
 * memory; the {@link KnnFloatVectorField}'s HNSW graph answers approximately ({@link
 * #neighbours()}) when a corpus outgrows that.
 */
public final class VectorStore {
  static final String ARTICLE = "article";
  static final String PASSAGE = "passage";
  static final String HASH = "hash";
  static final String VECTOR = "vector";
  /** Commit metadata: the content hash of the lexical index the vectors were computed for. */
  public static final String LEXICAL_HASH = "lexicalContentHash";

  /** One stored passage vector. */
  public record Entry(String articleId, int passage, String hash, float[] vector) {}

  /** Everything in the store, with the lexical content hash it belongs to (null when empty). */
  public record Contents(List<Entry> entries, String lexicalHash) {}

  private final Path dir;

  public VectorStore(Path indexRoot) {
    this.dir = indexRoot.resolve("vectors");
  }

  public boolean exists() {
    return Files.isDirectory(dir) && DirectoryReaderExists.check(dir);
  }

  public Contents read() throws IOException {
    if (!exists()) {
      return new Contents(List.of(), null);
    }
    List<Entry> entries = new ArrayList<>();
    try (Directory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        LeafReader r = leaf.reader();
        StoredFields stored = r.storedFields();
        FloatVectorValues vectors = r.getFloatVectorValues(VECTOR);
        if (vectors == null) {
          continue;
        }
        // every document has a vector; the values iterate them in document order
        for (int doc = vectors.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = vectors.nextDoc()) {
          if (r.getLiveDocs() != null && !r.getLiveDocs().get(doc)) {
            continue;
          }
          Document document = stored.document(doc, Set.of(ARTICLE, PASSAGE, HASH));
          entries.add(new Entry(document.get(ARTICLE), document.getField(PASSAGE).numericValue().intValue(),
              document.get(HASH), vectors.vectorValue().clone()));
        }
      }
      return new Contents(entries, reader.getIndexCommit().getUserData().get(LEXICAL_HASH));
    }
  }

  /** The store's HNSW graph, for approximate search (entries numbered as {@link #read()} does). */
  public VectorNeighbours neighbours() throws IOException {
    return new VectorNeighbours(dir);
  }

  /**
   * Replaces the store's content with {@code entries} in one commit, as one segment: one HNSW graph
   * to search rather than one per flushed segment (a query pays each graph's search). The merge
   * keeps the entries' order ({@link LogByteSizeMergePolicy} merges adjacent segments), which is
   * the order {@link #read()} and {@link #neighbours()} number them by.
   */
  public void write(List<Entry> entries, String lexicalHash) throws IOException {
    write(entries, lexicalHash, IndexWriterConfig.DISABLE_AUTO_FLUSH);
  }

  /** Like {@link #write(List, String)}, flushing a segment every {@code flushEvery} entries as well. */
  void write(List<Entry> entries, String lexicalHash, int flushEvery) throws IOException {
    Files.createDirectories(dir);
    IndexWriterConfig config = new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setMergePolicy(new LogByteSizeMergePolicy()).setMaxBufferedDocs(flushEvery);
    try (Directory d = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(d, config)) {
      for (Entry e : entries) {
        Document doc = new Document();
        doc.add(new StringField(ARTICLE, e.articleId(), Field.Store.YES));
        doc.add(new StoredField(PASSAGE, e.passage()));
        doc.add(new StringField(HASH, e.hash(), Field.Store.YES));
        doc.add(new KnnFloatVectorField(VECTOR, e.vector(), VectorSimilarityFunction.COSINE));
        writer.addDocument(doc);
      }
      writer.forceMerge(1);
      writer.setLiveCommitData(Map.of(LEXICAL_HASH, lexicalHash == null ? "" : lexicalHash).entrySet());
      writer.commit();
    }
  }

  /** Whether a folder holds a Lucene commit. */
  private static final class DirectoryReaderExists {
    static boolean check(Path dir) {
      try (Directory d = FSDirectory.open(dir)) {
        return DirectoryReader.indexExists(d);
      } catch (IOException e) {
        return false;
      }
    }
  }
}
