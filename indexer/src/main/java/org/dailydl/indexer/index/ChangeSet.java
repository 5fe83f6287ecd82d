package org.dailydl.indexer.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dailydl.indexer.collection.ContentFile;
import org.dailydl.indexer.collection.Problem;
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
  }

  private Map<String, List<String>> computeAnchors() {
    Map<String, List<StoredLink>> links = new TreeMap<>();
    kept.values().forEach(k -> links.put(k.path(), k.links()));
    written.values().forEach(p -> links.put(p.article().path(),
        p.article().links().stream().filter(l -> l.toArticle()).map(StoredLink::of).toList()));
    return Anchors.compute(links, new TreeSet<>(links.keySet()));
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
