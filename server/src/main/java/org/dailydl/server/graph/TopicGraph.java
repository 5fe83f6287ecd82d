package org.dailydl.server.graph;

import java.util.List;

/**
 * The topic graph: articles, topics and categories, joined by links, strong similarity, topic
 * membership and category membership.
 */
public record TopicGraph(List<Node> nodes, List<Edge> edges) {

  /**
   * @param id article id, {@code topic:TERM} or {@code category:NAME}
   * @param kind {@code article}, {@code topic} or {@code category}
   * @param category the article's category (for articles), the category itself (for categories), or null
   * @param weight importance: links of an article, articles of a topic or category
   */
  public record Node(String id, String label, String kind, String category, double weight) {}

  /** @param kind {@code link}, {@code similar}, {@code topic} or {@code category} */
  public record Edge(String source, String target, String kind, double weight) {}
}
