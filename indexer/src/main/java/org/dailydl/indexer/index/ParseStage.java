package org.dailydl.indexer.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.dailydl.indexer.collection.Article;
import org.dailydl.indexer.collection.ArticleParser;
import org.dailydl.indexer.collection.ContentFile;
import org.dailydl.indexer.collection.LinkResolver;
import org.dailydl.indexer.collection.Problem;

/**
 * The parse stage: reads and parses content files into {@link Article}s on all cores. One odd file
 * never stops the run: it becomes a {@link Problem}. Used by full builds, updates and the
 * benchmarks alike. Thread-safe.
 */
public final class ParseStage {
  /** One file after reading and parsing: the article is null when the file could not be read. */
  public record ParsedFile(ContentFile file, Article article, List<Problem> problems, long modified,
      boolean modifiedTrusted) {
    public ParsedFile {
      Objects.requireNonNull(file, "file");
      problems = List.copyOf(problems);
    }
  }

  private final ArticleParser parser;
  private final ProgressListener progress;

  public ParseStage(Path contentRoot, ProgressListener progress) {
    this.parser = new ArticleParser(Objects.requireNonNull(contentRoot));
    this.progress = Objects.requireNonNull(progress);
  }

  /** How links of this content folder resolve (for checking links stored in the index). */
  public LinkResolver resolver() {
    return parser.resolver();
  }

  /** Parses {@code files} on all cores, keeping their order. */
  public List<ParsedFile> parseAll(List<ContentFile> files) throws IOException {
    progress.start(files.size());
    return Parallel.map(files, "dailydl-parse", this::parseOne);
  }

  private ParsedFile parseOne(ContentFile file) {
    long readAt = System.currentTimeMillis();
    long modified = modifiedTime(file.file());
    boolean trusted = isTrusted(modified, readAt);
    ArticleParser.Result result;
    try {
      result = parser.parse(file);
    } catch (RuntimeException e) {
      result = new ArticleParser.Result(null, List.of(new Problem(file.path(), 0,
          "could not be parsed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
          Problem.Severity.UNREADABLE)));
    }
    progress.fileDone(file.path());
    return new ParsedFile(file, result.article(), result.problems(), modified, trusted);
  }

  /**
   * How close to its reading a file's modification may be before its time says nothing: file
   * systems keep times in steps (a kernel tick, a second, two on FAT), so a write of the same size
   * just after the read can carry the same time. Git calls such entries "racily clean".
   */
  static final long RACY_MILLIS = 2_000;

  /**
   * Whether a file modified at {@code modified} and read at {@code readAt} can later be judged
   * unchanged by its time: not when racy (the time is still kept, for readers and feeds).
   */
  static boolean isTrusted(long modified, long readAt) {
    return modified != -1 && modified <= readAt - RACY_MILLIS;
  }

  /** A file's last-modified time in millis, or -1 when it cannot be read. */
  static long modifiedTime(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return -1;
    }
  }
}
