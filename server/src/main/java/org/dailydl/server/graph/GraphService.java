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

  /** The whole-graph answer has at most this many nodes unless asked for more … */
  public static final int DEFAULT_LIMIT = 300;
  /** … and never more than this. */
  public static final int MAX_LIMIT = 2000;

  private final IndexHandle index;
  private final PerSnapshot<Built> graphs = new PerSnapshot<>(corpus -> new Built(build(corpus)));

  public GraphService(IndexHandle index) {
    this.index = Objects.requireNonNull(index);
  }

  /** The whole graph of this index version, uncapped. */
  public TopicGraph graph() throws IOException {
    return built().graph;
  }

  private Built built() throws IOException {
    try (IndexHandle.Lease lease = index.acquire()) {
      return graphs.get(lease.corpus());
    }
  }

  /**
   * The graph drawn from at most {@code limit} nodes: every category (or only {@code category}'s,
   * when given), the best-connected articles and the topics most of them share, with the edges
   * among them. {@code totalNodes} tells how many there are in all.
   */
  public TopicGraph graph(int limit, String category) throws IOException {
    return built().capped(limit, category);
  }

  /** The neighbourhood of {@code center} up to {@code depth} hops; empty when there is no such node. */
  public Optional<TopicGraph> neighbourhood(String center, int depth) throws IOException {
    Built built = built();
    if (!built.nodes.containsKey(center)) {
      return Optional.empty();
    }
    Set<String> included = new LinkedHashSet<>(List.of(center));
    List<String> frontier = List.of(center);
    for (int hop = 0; hop < depth && included.size() < MAX_NEIGHBOURHOOD; hop++) {
      List<TopicGraph.Edge> out = new ArrayList<>();
      for (String id : frontier) {
        out.addAll(built.adjacent.getOrDefault(id, List.of()));
      }
      out.sort(BY_WEIGHT);
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
    return Optional.of(built.induced(included, 0, 0));
  }

  private static final Comparator<TopicGraph.Edge> BY_WEIGHT = Comparator.comparingDouble(TopicGraph.Edge::weight)
      .reversed().thenComparing(TopicGraph.Edge::source).thenComparing(TopicGraph.Edge::target);

  /** One version's graph with what answering from it needs: nodes by id, edges by node, articles by connectedness. */
  private static final class Built {
    final TopicGraph graph;
    final Map<String, TopicGraph.Node> nodes = new LinkedHashMap<>();
    final Map<String, List<TopicGraph.Edge>> adjacent = new HashMap<>();
    /** Articles, most connected first (edges other than to their category), ties by id. */
    final List<TopicGraph.Node> articlesByDegree;
    final TopicGraph defaultAnswer;

    Built(TopicGraph graph) {
      this.graph = graph;
      graph.nodes().forEach(n -> nodes.put(n.id(), n));
      Map<String, Integer> degree = new HashMap<>();
      for (TopicGraph.Edge e : graph.edges()) {
        adjacent.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e);
        adjacent.computeIfAbsent(e.target(), k -> new ArrayList<>()).add(e);
        if (e.kind() != TopicGraph.EdgeKind.CATEGORY) {
          degree.merge(e.source(), 1, Integer::sum);
          degree.merge(e.target(), 1, Integer::sum);
        }
      }
      adjacent.values().forEach(list -> list.sort(BY_WEIGHT));
      this.articlesByDegree = graph.nodes().stream().filter(n -> n.kind() == TopicGraph.NodeKind.ARTICLE)
          .sorted(Comparator.<TopicGraph.Node>comparingInt(n -> -degree.getOrDefault(n.id(), 0))
              .thenComparing(TopicGraph.Node::id))
          .toList();
      this.defaultAnswer = select(DEFAULT_LIMIT, null);
    }

    TopicGraph capped(int limit, String category) {
      return limit == DEFAULT_LIMIT && category == null ? defaultAnswer : select(limit, category);
    }

    private TopicGraph select(int limit, String category) {
      List<TopicGraph.Node> categories = graph.nodes().stream().filter(n -> n.kind() == TopicGraph.NodeKind.CATEGORY)
          .filter(n -> category == null || category.equals(n.category())).toList();
      List<TopicGraph.Node> articles = articlesByDegree.stream()
          .filter(n -> category == null || category.equals(n.category())).toList();
      List<TopicGraph.Node> topics = graph.nodes().stream().filter(n -> n.kind() == TopicGraph.NodeKind.TOPIC)
          .filter(n -> category == null || adjacent.getOrDefault(n.id(), List.of()).stream()
              .filter(e -> category.equals(nodes.get(e.source()).category())).count() >= 2)
          .toList();
      int total = categories.size() + articles.size() + topics.size();
      Set<String> kept = new LinkedHashSet<>();
      categories.stream().limit(limit).forEach(n -> kept.add(n.id()));
      // articles first, leaving a quarter of the room for the topics they share
      int topicRoom = Math.min(topics.size(), Math.max(0, (limit - kept.size()) / 4));
      int articleRoom = Math.max(0, limit - kept.size() - topicRoom);
      articles.stream().limit(articleRoom).forEach(n -> kept.add(n.id()));
      Map<String, Integer> keptMembers = new HashMap<>();
      for (TopicGraph.Node topic : topics) {
        int members = 0;
        for (TopicGraph.Edge e : adjacent.getOrDefault(topic.id(), List.of())) {
          members += kept.contains(e.source()) ? 1 : 0;
        }
        keptMembers.put(topic.id(), members);
      }
      topics.stream().filter(t -> keptMembers.get(t.id()) >= 2)
          .sorted(Comparator.<TopicGraph.Node>comparingInt(t -> -keptMembers.get(t.id())).thenComparing(TopicGraph.Node::id))
          .limit(topicRoom).forEach(t -> kept.add(t.id()));
      // room the topics did not take goes to more articles, and what the articles leave to more topics
      articles.stream().filter(n -> !kept.contains(n.id())).limit(Math.max(0, limit - kept.size()))
          .forEach(n -> kept.add(n.id()));
      topics.stream().filter(t -> !kept.contains(t.id()) && keptMembers.get(t.id()) >= 2)
          .sorted(Comparator.<TopicGraph.Node>comparingInt(t -> -keptMembers.get(t.id())).thenComparing(TopicGraph.Node::id))
          .limit(Math.max(0, limit - kept.size())).forEach(t -> kept.add(t.id()));
      Set<String> all = new HashSet<>();
      categories.forEach(n -> all.add(n.id()));
      articles.forEach(n -> all.add(n.id()));
      topics.forEach(n -> all.add(n.id()));
      int totalEdges = category == null ? graph.edges().size()
          : (int) graph.edges().stream().filter(e -> all.contains(e.source()) && all.contains(e.target())).count();
      return induced(kept, total, totalEdges);
    }

    /** The nodes {@code ids} (in graph order) and the edges among them. */
    TopicGraph induced(Set<String> ids, int totalNodes, int totalEdges) {
      List<TopicGraph.Node> keptNodes = graph.nodes().stream().filter(n -> ids.contains(n.id())).toList();
      List<TopicGraph.Edge> keptEdges = new ArrayList<>();
      for (String id : ids) {
        for (TopicGraph.Edge e : adjacent.getOrDefault(id, List.of())) {
          // each edge once: from its source's list
          if (e.source().equals(id) && ids.contains(e.target())) {
            keptEdges.add(e);
          }
        }
      }
      return new TopicGraph(keptNodes, List.copyOf(keptEdges), Math.max(totalNodes, keptNodes.size()),
          Math.max(totalEdges, keptEdges.size()));
    }
  }

  static TopicGraph build(CorpusSnapshot corpus) {
    Catalog catalog = corpus.catalog();
    LinkGraph links = corpus.links();
    List<TopicGraph.Node> nodes = new ArrayList<>();
    List<TopicGraph.Edge> edges = new ArrayList<>();

    for (Map.Entry<String, Integer> c : catalog.categories().entrySet()) {
      String name = c.getKey().isEmpty() ? "首页" : c.getKey();
      nodes.add(new TopicGraph.Node("category:" + c.getKey(), name, TopicGraph.NodeKind.CATEGORY, c.getKey(), c.getValue()));
    }
    for (IndexedArticle a : catalog.articles()) {
      int degree = links.outgoing(a.id()).size() + links.incoming(a.id()).size();
      nodes.add(new TopicGraph.Node(a.id(), a.title(), TopicGraph.NodeKind.ARTICLE, a.category(), 1 + degree));
      edges.add(new TopicGraph.Edge(a.id(), "category:" + a.category(), TopicGraph.EdgeKind.CATEGORY, 0.2));
      for (LinkGraph.Edge link : links.outgoing(a.id())) {
        edges.add(new TopicGraph.Edge(a.id(), link.target(), TopicGraph.EdgeKind.LINK, 1.0));
      }
    }
    similarEdges(catalog, links, corpus.terms(), edges);
    for (Topics.Topic topic : corpus.topics().all()) {
      String id = "topic:" + topic.term();
      nodes.add(new TopicGraph.Node(id, topic.label(), TopicGraph.NodeKind.TOPIC, null, topic.articles().size()));
      for (String article : topic.articles()) {
        edges.add(new TopicGraph.Edge(article, id, TopicGraph.EdgeKind.TOPIC, 0.5));
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
      for (TermStatistics.Similar close : terms.mostSimilar(a.id(), SIMILAR_PER_ARTICLE, MIN_SIMILARITY)) {
        String key = pairKey(a.id(), close.id());
        if (!linked.contains(key)) {
          similar.putIfAbsent(key, new TopicGraph.Edge(a.id(), close.id(), TopicGraph.EdgeKind.SIMILAR,
              Math.round(close.cosine() * 1000) / 1000.0));
        }
      }
    }
    edges.addAll(similar.values());
  }

  private static String pairKey(String a, String b) {
    return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
  }

}
