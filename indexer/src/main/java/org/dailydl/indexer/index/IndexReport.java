package org.dailydl.indexer.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dailydl.indexer.collection.ContentWalker;
import org.dailydl.indexer.collection.Link;
import org.dailydl.indexer.collection.Problem;

/**
 * What one indexing run did, for the CLI summary, the JSON report and the server's log.
 *
 * @param mode {@code full}, {@code update} or {@code unchanged}
 * @param files article files seen by the walk (including unreadable ones)
 * @param articles articles in the index afterwards
 * @param indexed articles (re)written in this run
 * @param removed articles removed in this run
 * @param problems one per bad file or oddity, sorted by path
 * @param brokenLinks internal links whose target does not exist, over the whole index
 * @param millis wall-clock time of the run
 */
public record IndexReport(
    String mode,
    int files,
    int articles,
    int indexed,
    int removed,
    List<Problem> problems,
    List<BrokenLink> brokenLinks,
    long millis) {

  /** A broken internal link: the file and line where it is written, and the destination as written. */
  public record BrokenLink(String path, int line, String target) {}

  public IndexReport {
    problems = List.copyOf(problems);
    brokenLinks = List.copyOf(brokenLinks);
  }

  /** Problems that left a file out of the index. */
  public List<Problem> skipped() {
    return problems.stream().filter(Problem::skipsFile).toList();
  }

  /** Files that could not be read or parsed (what {@code --check} fails on, with broken links). */
  public List<Problem> unreadable() {
    return problems.stream().filter(p -> p.severity() == Problem.Severity.UNREADABLE).toList();
  }

  /** Whether the content passes {@code --check}: no broken internal link, no unreadable file. */
  public boolean passesCheck() {
    return brokenLinks.isEmpty() && unreadable().isEmpty();
  }

  /** Collects a report during a run. */
  static final class Builder {
    private final int files;
    private final List<Problem> problems = new ArrayList<>();
    private final List<BrokenLink> brokenLinks = new ArrayList<>();
    private String mode = "full";
    private int articles;
    private int indexed;
    private int removed;

    Builder(ContentWalker.Result walk) {
      this.files = walk.files().size() + (int) walk.problems().stream()
          .filter(p -> ContentWalker.isArticleFile(p.path())).count();
      problems.addAll(walk.problems());
    }

    void problems(List<Problem> more) {
      problems.addAll(more);
    }

    void brokenLink(BrokenLink link) {
      brokenLinks.add(link);
    }

    void brokenLinks(String path, List<Link> links) {
      for (var link : links) {
        if (link.broken()) {
          brokenLinks.add(new BrokenLink(path, link.line(), link.href()));
        }
      }
    }

    void counts(String mode, int articles, int indexed, int removed) {
      this.mode = mode;
      this.articles = articles;
      this.indexed = indexed;
      this.removed = removed;
    }

    IndexReport build(long millis) {
      problems.sort(Comparator.comparing(Problem::path).thenComparingInt(Problem::line));
      brokenLinks.sort(Comparator.comparing(BrokenLink::path).thenComparingInt(BrokenLink::line));
      return new IndexReport(mode, files, articles, indexed, removed, problems, brokenLinks, millis);
    }
  }
}
