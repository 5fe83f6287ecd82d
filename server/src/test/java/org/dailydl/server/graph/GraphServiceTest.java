package org.dailydl.server.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.dailydl.indexer.collection.ArticleIds;
import org.dailydl.server.SharedCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GraphServiceTest {
  @RegisterExtension static final SharedCorpus index = SharedCorpus.fixtures();
  static GraphService graphs;

  @BeforeAll
  static void open() {
    graphs = new GraphService(index.handle());
  }


  @Test
  void whole_graph_has_articles_topics_and_categories_and_valid_edges() throws Exception {
    TopicGraph graph = graphs.graph();
    Set<TopicGraph.NodeKind> kinds = graph.nodes().stream().map(TopicGraph.Node::kind).collect(Collectors.toSet());
    assertThat(kinds).containsExactlyInAnyOrder(TopicGraph.NodeKind.values());
    assertThat(graph.nodes().stream().filter(n -> n.kind() == TopicGraph.NodeKind.ARTICLE).count()).isEqualTo(10);
    Set<String> ids = graph.nodes().stream().map(TopicGraph.Node::id).collect(Collectors.toSet());
    assertThat(ids).hasSize(graph.nodes().size());
    assertThat(graph.edges()).allSatisfy(e -> {
      assertThat(ids).contains(e.source(), e.target());
      assertThat(e.kind()).isIn((Object[]) TopicGraph.EdgeKind.values());
      assertThat(e.source()).isNotEqualTo(e.target());
    });
    assertThat(graph.edges()).anySatisfy(e -> assertThat(e.kind()).isEqualTo(TopicGraph.EdgeKind.LINK));
  }

  @Test
  void topics_are_top_terms_of_several_articles() throws Exception {
    TopicGraph graph = graphs.graph();
    for (TopicGraph.Node topic : graph.nodes().stream().filter(n -> n.kind() == TopicGraph.NodeKind.TOPIC).toList()) {
      long members = graph.edges().stream().filter(e -> e.kind() == TopicGraph.EdgeKind.TOPIC && e.target().equals(topic.id())).count();
      assertThat(members).as(topic.label()).isGreaterThanOrEqualTo(2).isEqualTo((long) topic.weight());
    }
  }

  @Test
  void neighbourhood_of_an_article_holds_its_links_and_grows_with_depth() throws Exception {
    String attention = ArticleIds.of("深度学习/注意力机制.md");
    TopicGraph one = graphs.neighbourhood(attention, 1).orElseThrow();
    Set<String> ids = one.nodes().stream().map(TopicGraph.Node::id).collect(Collectors.toSet());
    assertThat(ids).contains(attention, ArticleIds.of("深度学习/CNN.md"), ArticleIds.of("08-LLM/Bert/核心解析.md"));
    TopicGraph two = graphs.neighbourhood(attention, 2).orElseThrow();
    assertThat(two.nodes().size()).isGreaterThanOrEqualTo(one.nodes().size());
    assertThat(two.nodes().size()).isLessThanOrEqualTo(GraphService.MAX_NEIGHBOURHOOD);
    assertThat(graphs.neighbourhood("category:深度学习", 1)).isPresent();
    assertThat(graphs.neighbourhood("nope", 1)).isEmpty();
  }

  @Test
  void graph_is_cached_per_index_version() throws Exception {
    assertThat(graphs.graph()).isSameAs(graphs.graph());
  }

  @Test
  void a_capped_graph_keeps_every_category_the_best_connected_articles_and_their_shared_topics() throws Exception {
    TopicGraph whole = graphs.graph();
    assertThat(graphs.graph(GraphService.DEFAULT_LIMIT, null).nodes()).as("small graphs are whole")
        .hasSameSizeAs(whole.nodes());
    assertThat(graphs.graph(whole.nodes().size(), null).truncated()).as("a limit of the graph's size keeps it whole").isFalse();
    int categories = (int) whole.nodes().stream().filter(n -> n.kind() == TopicGraph.NodeKind.CATEGORY).count();
    int limit = categories + 5;
    TopicGraph capped = graphs.graph(limit, null);
    assertThat(capped.nodes()).hasSizeLessThanOrEqualTo(limit);
    assertThat(capped.totalNodes()).isEqualTo(whole.nodes().size());
    assertThat(capped.totalEdges()).isEqualTo(whole.edges().size());
    assertThat(capped.truncated()).isTrue();
    assertThat(capped.nodes()).filteredOn(n -> n.kind() == TopicGraph.NodeKind.CATEGORY).hasSize(categories);
    Set<String> ids = capped.nodes().stream().map(TopicGraph.Node::id).collect(Collectors.toSet());
    assertThat(capped.edges()).allSatisfy(e -> assertThat(ids).contains(e.source(), e.target()));
    // the article with most links and similarities is there
    String attention = ArticleIds.of("深度学习/注意力机制.md");
    assertThat(ids).contains(attention);
    for (TopicGraph.Node topic : capped.nodes().stream().filter(n -> n.kind() == TopicGraph.NodeKind.TOPIC).toList()) {
      assertThat(capped.edges().stream().filter(e -> e.target().equals(topic.id())).count())
          .as("a kept topic joins kept articles: " + topic.label()).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void a_category_s_graph_holds_only_its_articles() throws Exception {
    TopicGraph deep = graphs.graph(GraphService.DEFAULT_LIMIT, "深度学习");
    assertThat(deep.nodes()).filteredOn(n -> n.kind() == TopicGraph.NodeKind.ARTICLE).isNotEmpty()
        .allSatisfy(n -> assertThat(n.category()).isEqualTo("深度学习"));
    assertThat(deep.nodes()).filteredOn(n -> n.kind() == TopicGraph.NodeKind.CATEGORY).extracting(TopicGraph.Node::id)
        .containsExactly("category:深度学习");
    assertThat(deep.totalNodes()).isEqualTo(deep.nodes().size());
    assertThat(graphs.graph(GraphService.DEFAULT_LIMIT, "没有这个分类").nodes()).isEmpty();
  }
}
