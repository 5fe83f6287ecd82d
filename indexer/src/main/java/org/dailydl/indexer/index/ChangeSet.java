package org.dailydl.indexer.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dailydl.indexer.collection.Article;
import org.dailydl.indexer.collection.ContentFile;
import org.dailydl.indexer.collection.Problem;
import org.dailydl.indexer.collection.TitleInference;
import org.dailydl.indexer.index.ParseStage.ParsedFile;
import org.dailydl.indexer.schema.IndexedArticle;
import org.dailydl.indexer.schema.StoredLink;

/**
 * What a run writes, keeps and removes, decided from its {@link IndexPlan} and the parsed files,
 * with the anchor text each written article gets. A file that cannot be read any more keeps its
 * last good version; a file whose content hash is unchanged is kept as indexed. Not thread-safe.
 */
final class ChangeSet {
  private final IndexPlan plan;
  private final Map<String, ParsedFile> written = new TreeMap<>();
  private final Map<String, IndexedArticle> kept;
  private final List<Problem> problems = new ArrayList<>();
  private Map<String, List<String>> anchors;
  private Map<String, List<StoredLink>> linksBySource = Map.of();
  private Set<String> tablesOfContents = Set.of();

  /** A page linking to at least this many notes is a table of contents: its link words name them. */
  static final int TABLE_OF_CONTENTS_LINKS = 5;

  private ChangeSet(IndexPlan plan) {
    this.plan = plan;
    this.kept = new TreeMap<>(plan.unchanged());
  }

  static ChangeSet of(IndexPlan plan, List<ParsedFile> parsed) {
    ChangeSet changes = new ChangeSet(plan);
    for (ParsedFile p : parsed) {
      changes.problems.addAll(p.problems());
      IndexedArticle old = plan.stored().get(p.file().path());
      if (p.article() == null) {
        if (old != null) {
          changes.kept.put(old.path(), old); // unreadable now: keep serving the last good version
        }
      } else if (old != null && old.hash().equals(p.article().hash())) {
        changes.kept.put(old.path(), old);
      } else {
        changes.written.put(p.article().path(), p);
      }
    }
    changes.anchors = changes.computeAnchors();
    changes.applyLinkTitles();
    return changes;
  }

  /** Kept articles whose inbound anchor text changed: they must be read again and rewritten. */
  List<ContentFile> staleAnchors() {
    return kept.values().stream()
        .filter(k -> !k.anchors().equals(anchorsOf(k.path())) && plan.walked().containsKey(k.path()))
        .map(k -> plan.walked().get(k.path()))
        .toList();
  }

  /** Moves re-read articles from kept to written (their documents get the new anchor text). */
  void rewrite(List<ParsedFile> reread) {
    for (ParsedFile p : reread) {
      if (p.article() != null) {
        kept.remove(p.file().path());
        written.put(p.file().path(), p);
      }
    }
    applyLinkTitles();
  }

  /**
   * A note whose own text names no subject (its title would come from an opening sentence or its
   * file name) takes the words a table of contents links to it with: the home page says
   * "字典、集合" for Day03.md. When several notes would get the same words, each is qualified by its
   * folder.
   */
  private void applyLinkTitles() {
    Map<String, String> chosen = new TreeMap<>();
    for (ParsedFile p : written.values()) {
      if (p.article().titleSource().yieldsToLinkText()) {
        linkTextTitle(p.article().path()).ifPresent(text -> chosen.put(p.article().path(), text));
      }
    }
    Map<String, Integer> uses = new HashMap<>();
    chosen.values().forEach(text -> uses.merge(text, 1, Integer::sum));
    chosen.forEach((path, text) -> {
      String folder = folderName(path);
      String title = uses.get(text) > 1 && !folder.isEmpty() ? folder + " " + text : text;
      ParsedFile p = written.get(path);
      written.put(path, new ParsedFile(p.file(), p.article().withTitle(
          new Article.Title(title, Article.TitleSource.LINK_TEXT)), p.problems(), p.modified(),
          p.modifiedTrusted()));
    });
  }

  /** The first words that name a subject among the links to {@code path} from tables of contents. */
  private Optional<String> linkTextTitle(String path) {
    String folder = folderOf(path);
    List<String> sources = tablesOfContents.stream()
        .sorted(Comparator.comparing((String s) -> !folderOf(s).equals(folder)).thenComparing(s -> s))
        .toList();
    for (String source : sources) {
      for (StoredLink link : linksBySource.getOrDefault(source, List.of())) {
        if (path.equals(link.target())) {
          Optional<String> title = TitleInference.fromLinkText(link.text());
          if (title.isPresent()) {
            return title;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static String folderOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** The readable name of a note's folder ("" at the root). */
  private static String folderName(String path) {
    String folder = folderOf(path);
    return folder.isEmpty() ? "" : TitleInference.readableName(folder.substring(folder.lastIndexOf('/') + 1));
  }

  private Map<String, List<String>> computeAnchors() {
    Map<String, List<StoredLink>> links = new TreeMap<>();
    kept.values().forEach(k -> links.put(k.path(), k.links()));
    written.values().forEach(p -> links.put(p.article().path(),
        p.article().links().stream().filter(l -> l.toArticle()).map(StoredLink::of).toList()));
    linksBySource = links;
    tablesOfContents = new TreeSet<>();
    // membership by hash: every update looks up every link of every article (87,000 at 10,000 notes)
    Set<String> articles = new HashSet<>(links.keySet());
    links.forEach((source, out) -> {
      long targets = out.stream().map(StoredLink::target).filter(t -> t != null && articles.contains(t)).distinct().count();
      if (targets >= TABLE_OF_CONTENTS_LINKS) {
        tablesOfContents.add(source);
      }
    });
    return Anchors.compute(links, articles);
  }

  List<String> anchorsOf(String path) {
    return anchors.getOrDefault(path, List.of());
  }

  /** Articles to (re)write, by path. */
  Map<String, ParsedFile> written() {
    return written;
  }

  /** Articles left as indexed, by path. */
  Map<String, IndexedArticle> kept() {
    return kept;
  }

  List<String> removed() {
    return plan.removed();
  }

  List<Problem> problems() {
    return problems;
  }

  boolean isEmpty() {
    return written.isEmpty() && plan.removed().isEmpty();
  }

  /** Content hash of every article in the index after the run, by path. */
  Map<String, String> hashes() {
    Map<String, String> hashes = new TreeMap<>();
    kept.values().forEach(k -> hashes.put(k.path(), k.hash()));
    written.values().forEach(p -> hashes.put(p.article().path(), p.article().hash()));
    return hashes;
  }

  int size() {
    return kept.size() + written.size();
  }
}
