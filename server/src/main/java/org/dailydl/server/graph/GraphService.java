package org.dailydl.server.graph;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dailydl.indexer.schema.IndexedArticle;
import org.dailydl.server.corpus.Catalog;
import org.dailydl.server.corpus.CorpusSnapshot;
import org.dailydl.server.corpus.LinkGraph;
import org.dailydl.server.corpus.PerSnapshot;
import org.dailydl.server.corpus.TermStatistics;
import org.dailydl.server.corpus.Topics;
import org.dailydl.server.index.IndexHandle;

/**
 * Builds the topic graph once per index version and serves it whole or as one node's
 * neighbourhood. Topics are keywords that are top terms of several articles; "similar" edges join
 * each article to its closest articles by TF-IDF cosine. Thread-safe.
 */
public final class GraphService {
  static final int SIMILAR_PER_ARTICLE = 3;
  static final double MIN_SIMILARITY = 0.2;
  /** A neighbourhood never has more nodes than this, so a client can draw it. */
  public static final int MAX_NEIGHBOURHOOD = 150;

  private final IndexHandle index;
  private final PerSnapshot<TopicGraph> graphs = new PerSnapshot<>(GraphService::build);

  public GraphService(IndexHandle index) {
    this.index = Objects.requireNonNull(index);
  }

  /** The whole graph. */
  public TopicGraph graph() throws IOException {
    try (IndexHandle.Lease lease = index.acquire()) {
      return graphs.get(lease.corpus());
    }
  }

  /** The neighbourhood of {@code center} up to {@code depth} hops; empty when there is no such node. */
  public Optional<TopicGraph> neighbourhood(String center, int depth) throws IOException {
    TopicGraph graph = graph();
    Map<String, TopicGraph.Node> nodes = new HashMap<>();
    graph.nodes().forEach(n -> nodes.put(n.id(), n));
    if (!nodes.containsKey(center)) {
      return Optional.empty();
    }
    Map<String, List<TopicGraph.Edge>> adjacent = new HashMap<>();
    for (TopicGraph.Edge e : graph.edges()) {
      adjacent.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e);
      adjacent.computeIfAbsent(e.target(), k -> new ArrayList<>()).add(e);
    }
    Set<String> included = new LinkedHashSet<>(List.of(center));
    List<String> frontier = List.of(center);
    for (int hop = 0; hop < depth && included.size() < MAX_NEIGHBOURHOOD; hop++) {
      List<TopicGraph.Edge> out = new ArrayList<>();
      for (String id : frontier) {
        out.addAll(adjacent.getOrDefault(id, List.of()));
      }
      out.sort(Comparator.comparingDouble(TopicGraph.Edge::weight).reversed()
          .thenComparing(TopicGraph.Edge::source).thenComparing(TopicGraph.Edge::target));
      List<String> next = new ArrayList<>();
      for (TopicGraph.Edge e : out) {
        for (String id : List.of(e.source(), e.target())) {
          if (included.size() < MAX_NEIGHBOURHOOD && included.add(id)) {
            next.add(id);
          }
        }
      }
      frontier = next;
    }
    List<TopicGraph.Node> keptNodes = included.stream().map(nodes::get).toList();
    List<TopicGraph.Edge> keptEdges = graph.edges().stream()
        .filter(e -> included.contains(e.source()) && included.contains(e.target())).toList();
    return Optional.of(new TopicGraph(keptNodes, keptEdges));
  }

  static TopicGraph build(CorpusSnapshot corpus) {
    Catalog catalog = corpus.catalog();
    LinkGraph links = corpus.links();
    List<TopicGraph.Node> nodes = new ArrayList<>();
    List<TopicGraph.Edge> edges = new ArrayList<>();

    for (Map.Entry<String, Integer> c : catalog.categories().entrySet()) {
      String name = c.getKey().isEmpty() ? "首页" : c.getKey();
      nodes.add(new TopicGraph.Node("category:" + c.getKey(), name, "category", c.getKey(), c.getValue()));
    }
    for (IndexedArticle a : catalog.articles()) {
      int degree = links.outgoing(a.id()).size() + links.incoming(a.id()).size();
      nodes.add(new TopicGraph.Node(a.id(), a.title(), "article", a.category(), 1 + degree));
      edges.add(new TopicGraph.Edge(a.id(), "category:" + a.category(), "category", 0.2));
      for (LinkGraph.Edge link : links.outgoing(a.id())) {
        edges.add(new TopicGraph.Edge(a.id(), link.target(), "link", 1.0));
      }
    }
    similarEdges(catalog, links, corpus.terms(), edges);
    for (Topics.Topic topic : corpus.topics().all()) {
      String id = "topic:" + topic.term();
      nodes.add(new TopicGraph.Node(id, topic.label(), "topic", null, topic.articles().size()));
      for (String article : topic.articles()) {
        edges.add(new TopicGraph.Edge(article, id, "topic", 0.5));
      }
    }
    return new TopicGraph(List.copyOf(nodes), List.copyOf(edges));
  }

  /** Each article's closest articles above the similarity floor, each pair once. */
  private static void similarEdges(Catalog catalog, LinkGraph links, TermStatistics terms,
      List<TopicGraph.Edge> edges) {
    Set<String> linked = new HashSet<>();
    for (IndexedArticle a : catalog.articles()) {
      links.outgoing(a.id()).forEach(e -> linked.add(pairKey(e.source(), e.target())));
    }
    Map<String, TopicGraph.Edge> similar = new LinkedHashMap<>();
    for (IndexedArticle a : catalog.articles()) {
      terms.similarTo(a.id()).entrySet().stream()
          .filter(e -> e.getValue() >= MIN_SIMILARITY)
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
          .limit(SIMILAR_PER_ARTICLE)
          .forEach(e -> {
            String key = pairKey(a.id(), e.getKey());
            if (!linked.contains(key)) {
              similar.putIfAbsent(key, new TopicGraph.Edge(a.id(), e.getKey(), "similar",
                  Math.round(e.getValue() * 1000) / 1000.0));
            }
          });
    }
    edges.addAll(similar.values());
  }

  private static String pairKey(String a, String b) {
    return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
  }

}
