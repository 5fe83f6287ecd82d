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
 * write replaces the whole set in one commit. At this corpus size exact scoring over vectors held
 * in memory is as fast as HNSW and exact; the {@link KnnFloatVectorField} keeps the index usable
 * for approximate search when a corpus outgrows that.
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

  /** Replaces the store's content with {@code entries} in one commit. */
  public void write(List<Entry> entries, String lexicalHash) throws IOException {
    Files.createDirectories(dir);
    IndexWriterConfig config = new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    try (Directory d = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(d, config)) {
      for (Entry e : entries) {
        Document doc = new Document();
        doc.add(new StringField(ARTICLE, e.articleId(), Field.Store.YES));
        doc.add(new StoredField(PASSAGE, e.passage()));
        doc.add(new StringField(HASH, e.hash(), Field.Store.YES));
        doc.add(new KnnFloatVectorField(VECTOR, e.vector(), VectorSimilarityFunction.COSINE));
        writer.addDocument(doc);
      }
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
