package org.dailydl.server.graph;

import java.util.List;

/**
 * The topic graph, or a part of it: articles, topics and categories, joined by links, strong
 * similarity, topic membership and category membership.
 *
 * @param totalNodes nodes of the whole graph (of the category asked for), of which {@code nodes} is a part when smaller
 * @param totalEdges edges of the whole graph (of the category asked for)
 */
public record TopicGraph(List<Node> nodes, List<Edge> edges, int totalNodes, int totalEdges) {

  public TopicGraph(List<Node> nodes, List<Edge> edges) {
    this(nodes, edges, nodes.size(), edges.size());
  }

  /** Whether nodes were left out (see {@code totalNodes}). */
  public boolean truncated() {
    return nodes.size() < totalNodes;
  }

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
