package org.dailydl.indexer.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dailydl.indexer.collection.ContentWalker;

/**
 * Anchor text: for each article, the words that links in other articles use for it, in the order
 * of the linking articles' paths (deterministic, so an unchanged graph gives unchanged documents).
 */
final class Anchors {
  /** One link of the graph: source article, target path, link words. */
  record Edge(String source, String target, String text) {}

  private Anchors() {}

  /**
   * @param edges every link of every article
   * @param articles paths of the indexed articles (links to anything else carry no anchor text)
   */
  static Map<String, List<String>> compute(List<Edge> edges, java.util.Set<String> articles) {
    Map<String, List<String>> anchors = new TreeMap<>();
    edges.stream()
        .sorted(java.util.Comparator.comparing(Edge::source))
        .forEach(edge -> {
          String text = edge.text() == null ? "" : edge.text().strip();
          if (edge.target() == null || edge.target().equals(edge.source()) || text.isEmpty()
              || !ContentWalker.isArticleFile(edge.target()) || !articles.contains(edge.target())) {
            return;
          }
          List<String> list = anchors.computeIfAbsent(edge.target(), t -> new ArrayList<>());
          if (!list.contains(text)) {
            list.add(text);
          }
        });
    return anchors;
  }
}
