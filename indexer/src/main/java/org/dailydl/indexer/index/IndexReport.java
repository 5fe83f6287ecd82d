package org.dailydl.indexer.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dailydl.indexer.collection.ContentWalker;
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
 * @param brokenLinks internal links, anchors and images that point at nothing, over the whole index
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

  /**
   * A broken internal reference: the file and line where it is written, the destination as
   * written, and what is wrong with it.
   */
  public record BrokenLink(String path, int line, String target, Kind kind) {
    public BrokenLink {
      java.util.Objects.requireNonNull(kind, "kind");
    }

    /** A link whose file does not exist. */
    public BrokenLink(String path, int line, String target) {
      this(path, line, target, Kind.LINK);
    }

    /** The message of {@code path:line: message} lines. */
    public String message() {
      return kind.label + ": " + target;
    }
  }

  /** What is broken about a reference; each fails {@code --check}. */
  public enum Kind {
    /** A link to a file that does not exist (or lies outside the content folder). */
    LINK("broken link"),
    /** A link to {@code other.md#section} or {@code #section} where no heading has that id. */
    ANCHOR("broken anchor"),
    /** An image whose file does not exist. */
    IMAGE("missing image");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The broken references of one kind. */
  public List<BrokenLink> brokenLinks(Kind kind) {
    return brokenLinks.stream().filter(l -> l.kind() == kind).toList();
  }

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

  /** Whether the content passes {@code --check}: no broken link, anchor or image, no unreadable file. */
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

    void brokenLinks(List<BrokenLink> links) {
      brokenLinks.addAll(links);
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
