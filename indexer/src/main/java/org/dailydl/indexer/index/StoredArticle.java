package org.dailydl.indexer.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.generator.StoredLink;

/** What an update needs to know of an already-indexed article, read from its stored fields. */
record StoredArticle(
    String path, String hash, long size, long modified, List<StoredLink> links, List<String> anchors) {

  private static final Set<String> FIELDS =
      Set.of(Fields.PATH, Fields.HASH, Fields.SIZE, Fields.MODIFIED, Fields.LINKS, Fields.ANCHOR);

  /** Every live article of the index in {@code generation}, by path. */
  static Map<String, StoredArticle> loadAll(Path generation) throws IOException {
    Map<String, StoredArticle> result = new HashMap<>();
    try (Directory dir = FSDirectory.open(generation);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        LeafReader leafReader = leaf.reader();
        Bits live = leafReader.getLiveDocs();
        StoredFields stored = leafReader.storedFields();
        for (int doc = 0; doc < leafReader.maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          Document d = stored.document(doc, FIELDS);
          StoredArticle article = new StoredArticle(
              d.get(Fields.PATH),
              d.get(Fields.HASH),
              number(d, Fields.SIZE),
              number(d, Fields.MODIFIED),
              StoredLink.parse(d.get(Fields.LINKS)),
              Arrays.asList(d.getValues(Fields.ANCHOR)));
          result.put(article.path(), article);
        }
      }
    }
    return result;
  }

  private static long number(Document d, String field) {
    var value = d.getField(field);
    return value == null || value.numericValue() == null ? -1 : value.numericValue().longValue();
  }
}
