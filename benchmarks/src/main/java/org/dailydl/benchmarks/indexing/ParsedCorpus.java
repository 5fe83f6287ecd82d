package org.dailydl.benchmarks.indexing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dailydl.indexer.collection.Article;
import org.dailydl.indexer.collection.ArticleParser;
import org.dailydl.indexer.collection.ContentFile;
import org.dailydl.indexer.collection.ContentWalker;

/**
 * A content folder walked and parsed by the project's own walker and parser, with the same
 * parallelism as {@code IndexArticles} (one thread per core, at most 8): the articles the
 * StandardAnalyzer and relevance baselines index, and the time walking and parsing alone take.
 *
 * @param articles the parsed articles, in path order
 * @param files article files found by the walk
 * @param inputBytes total size of those files
 * @param textChars characters of title + body over all articles (what the baseline analyses)
 * @param nanos wall time of walk + parse
 */
public record ParsedCorpus(List<Article> articles, int files, long inputBytes, long textChars, long nanos) {

  public static ParsedCorpus load(Path content) throws IOException {
    long start = System.nanoTime();
    ContentWalker.Result walk = new ContentWalker(content, ContentWalker.DEFAULT_MAX_BYTES, null).walk();
    ArticleParser parser = new ArticleParser(content);
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<ArticleParser.Result>> futures = new ArrayList<>();
      for (ContentFile file : walk.files()) {
        futures.add(pool.submit(() -> parser.parse(file)));
      }
      List<Article> articles = new ArrayList<>(futures.size());
      for (Future<ArticleParser.Result> future : futures) {
        Article article = future.get().article();
        if (article != null) {
          articles.add(article);
        }
      }
      long nanos = System.nanoTime() - start;
      long bytes = walk.files().stream().mapToLong(ContentFile::size).sum();
      long chars = articles.stream().mapToLong(a -> a.title().length() + a.body().length()).sum();
      return new ParsedCorpus(List.copyOf(articles), walk.files().size(), bytes, chars, nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException("parsing failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
