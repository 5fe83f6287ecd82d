package org.dailydl.indexer.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dailydl.indexer.collection.ContentWalker;
import org.dailydl.indexer.schema.StoredLink;

/**
 * Anchor text: for each article, the words that links in other articles use for it, in the order
 * of the linking articles' paths (deterministic, so an unchanged graph gives unchanged documents).
 */
final class Anchors {
  private Anchors() {}

  /**
   * @param linksBySource every article's outgoing links, by the article's path
   * @param articles paths of the indexed articles (links to anything else carry no anchor text)
   */
  static Map<String, List<String>> compute(Map<String, List<StoredLink>> linksBySource, Set<String> articles) {
    Map<String, List<String>> anchors = new TreeMap<>();
    new TreeMap<>(linksBySource).forEach((source, links) -> {
      for (StoredLink link : links) {
        String text = link.text() == null ? "" : link.text().strip();
        if (link.target() == null || link.target().equals(source) || text.isEmpty()
            || !ContentWalker.isArticleFile(link.target()) || !articles.contains(link.target())) {
          continue;
        }
        List<String> list = anchors.computeIfAbsent(link.target(), t -> new ArrayList<>());
        if (!list.contains(text)) {
          list.add(text);
        }
      }
    });
    return anchors;
  }
}
