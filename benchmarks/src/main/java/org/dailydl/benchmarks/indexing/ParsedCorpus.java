package org.dailydl.benchmarks.indexing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.dailydl.indexer.collection.Article;
import org.dailydl.indexer.collection.ContentFile;
import org.dailydl.indexer.collection.ContentWalker;
import org.dailydl.indexer.index.ParseStage;
import org.dailydl.indexer.index.ProgressListener;

/**
 * A content folder walked and parsed by the project's own walker and parse stage (the one
 * {@code IndexArticles} uses, on all cores): the articles the
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
    List<Article> articles = new ParseStage(content, ProgressListener.NONE).parseAll(walk.files()).stream()
        .map(ParseStage.ParsedFile::article).filter(Objects::nonNull).toList();
    long nanos = System.nanoTime() - start;
    long bytes = walk.files().stream().mapToLong(ContentFile::size).sum();
    long chars = articles.stream().mapToLong(a -> a.title().length() + a.body().length()).sum();
    return new ParsedCorpus(articles, walk.files().size(), bytes, chars, nanos);
  }
}
