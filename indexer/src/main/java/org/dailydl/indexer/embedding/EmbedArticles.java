package org.dailydl.indexer.embedding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dailydl.indexer.collection.MathText;
import org.dailydl.indexer.collection.Article;
import org.dailydl.indexer.collection.ArticleIds;
import org.dailydl.indexer.index.IndexLocation;
import org.dailydl.indexer.schema.ArticleSchema;
import org.dailydl.indexer.schema.IndexMeta;
import org.dailydl.indexer.schema.IndexedArticle;

/**
 * Brings the passage vectors up to date with the live lexical index: every article is split into
 * passages, vectors are reused by passage hash, and only new passages are embedded. Runs after the
 * lexical index is built (by {@code index} unless {@code --no-embeddings}, and in the background
 * under {@code serve}). Not thread-safe: one run at a time per index folder.
 */
public final class EmbedArticles {
  /** What a run did. */
  public record Report(int articles, int passages, int embedded, int reused, long millis, boolean unchanged) {}

  /** Hears how far a run is: passages embedded so far of those that need it (reused ones are not counted). */
  public interface Progress {
    Progress NONE = (done, total) -> {};

    void embedded(int done, int total);
  }

  private final Path indexRoot;
  private final Embedder embedder;
  private final Progress progress;

  public EmbedArticles(Path indexRoot, Embedder embedder) {
    this(indexRoot, embedder, Progress.NONE);
  }

  public EmbedArticles(Path indexRoot, Embedder embedder, Progress progress) {
    this.indexRoot = indexRoot;
    this.embedder = embedder;
    this.progress = progress;
  }

  public Report run() throws IOException {
    long start = System.nanoTime();
    Path generation = new IndexLocation(indexRoot).current()
        .orElseThrow(() -> new IOException("no lexical index in " + indexRoot));
    VectorStore store = new VectorStore(indexRoot);
    List<VectorStore.Entry> entries = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<Integer> missing = new ArrayList<>();
    String lexicalHash;
    int articles = 0;
    VectorStore.Contents existing = store.read();
    try (Directory dir = FSDirectory.open(generation); DirectoryReader reader = DirectoryReader.open(dir)) {
      lexicalHash = IndexMeta.fromUserData(reader.getIndexCommit().getUserData()).contentHash();
      if (lexicalHash != null && lexicalHash.equals(existing.lexicalHash()) && !existing.entries().isEmpty()) {
        return new Report(reader.numDocs(), existing.entries().size(), 0, existing.entries().size(),
            (System.nanoTime() - start) / 1_000_000, true);
      }
      Map<String, float[]> cache = new HashMap<>();
      existing.entries().forEach(e -> cache.put(e.hash(), e.vector()));
      for (IndexedArticle article : ArticleSchema.read(reader)) {
        articles++;
        List<String> headings = article.outline().stream().map(Article.Heading::text).toList();
        for (Passages.Passage p : Passages.split(article.title(), MathText.indexed(ArticleSchema.body(reader, article.doc())), headings)) {
          String hash = ArticleIds.sha256(p.text());
          float[] vector = cache.get(hash);
          entries.add(new VectorStore.Entry(article.id(), p.index(), hash, vector));
          if (vector == null) {
            missing.add(entries.size() - 1);
            texts.add(p.text());
          }
        }
      }
    }
    progress.embedded(0, texts.size());
    List<float[]> vectors = embedder.embedAll(texts, done -> progress.embedded(done, texts.size()));
    for (int i = 0; i < missing.size(); i++) {
      VectorStore.Entry e = entries.get(missing.get(i));
      entries.set(missing.get(i), new VectorStore.Entry(e.articleId(), e.passage(), e.hash(), vectors.get(i)));
    }
    store.write(entries, lexicalHash);
    return new Report(articles, entries.size(), texts.size(), entries.size() - texts.size(),
        (System.nanoTime() - start) / 1_000_000, false);
  }
}
