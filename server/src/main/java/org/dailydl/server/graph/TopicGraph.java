package org.dailydl.server.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.javalin.openapi.OpenApiName;
import io.javalin.openapi.OpenApiNullable;
import java.util.List;
import java.util.Locale;

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
  @JsonProperty("truncated")
  public boolean truncated() {
    return nodes.size() < totalNodes;
  }

  /** What a node stands for. */
  @OpenApiName("GraphNodeKind")
  public enum NodeKind {
    ARTICLE, TOPIC, CATEGORY;

    @JsonValue
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Why two nodes are joined. */
  @OpenApiName("GraphEdgeKind")
  public enum EdgeKind {
    LINK, SIMILAR, TOPIC, CATEGORY;

    @JsonValue
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * @param id article id, {@code topic:TERM} or {@code category:NAME}
   * @param category the article's category (for articles), the category itself (for categories), or null (topics)
   * @param weight importance: links of an article, articles of a topic or category
   */
  @OpenApiName("GraphNode")
  public record Node(String id, String label, NodeKind kind, @OpenApiNullable String category, double weight) {}

  @OpenApiName("GraphEdge")
  public record Edge(String source, String target, EdgeKind kind, double weight) {}
}
