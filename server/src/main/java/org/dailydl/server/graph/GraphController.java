package org.dailydl.server.graph;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.dailydl.server.web.Problem;
import org.dailydl.server.web.Feature;
import org.dailydl.server.web.QueryParameter;

/** HTTP in and out for the topic graph. */
public final class GraphController implements Feature {
  static final QueryParameter.Text CENTER = new QueryParameter.Text("center", 300, false);
  static final QueryParameter.Whole DEPTH = new QueryParameter.Whole("depth", 1, 1, 2);
  static final QueryParameter.Whole LIMIT = new QueryParameter.Whole("limit", GraphService.DEFAULT_LIMIT, 1, GraphService.MAX_LIMIT);
  static final QueryParameter.Category CATEGORY = new QueryParameter.Category();

  /** The rules of each operation's query parameters, published in the OpenAPI document. */
  public static final Map<String, List<QueryParameter>> QUERY_PARAMETERS = Map.of(
      "graph", List.of(CENTER, DEPTH, LIMIT, CATEGORY));

  private final GraphService graph;

  public GraphController(GraphService graph) {
    this.graph = graph;
  }

  @Override
  public void routes(Javalin app) {
    app.get("/api/graph", this::graph);
  }

  @OpenApi(
      path = "/api/graph",
      methods = HttpMethod.GET,
      operationId = "graph",
      summary = "The topic graph, or one node's neighbourhood",
      description = "Nodes are articles, topics (topic:TERM) and categories (category:NAME); edges are links, "
          + "strong similarity, topic membership and category membership. A neighbourhood has at most "
          + GraphService.MAX_NEIGHBOURHOOD + " nodes. Without center, the answer is drawn from at most `limit` nodes "
          + "(every category, the best-connected articles, the topics they share); totalNodes and totalEdges count "
          + "the whole graph (of the category), and a node is expanded by asking for its neighbourhood.",
      tags = {"graph"},
      queryParams = {
        @OpenApiParam(name = "center", description = "node id: an article id, topic:TERM or category:NAME"),
        @OpenApiParam(name = "depth", type = Integer.class, description = "with center: links followed from it"),
        @OpenApiParam(name = "limit", type = Integer.class, description = "without center: at most this many nodes"),
        @OpenApiParam(name = "category", description = "without center: only this category's articles and topics "
            + "(/ for the notes at the top of the content folder)")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = TopicGraph.class)),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
        @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE))
      })
  public void graph(Context ctx) throws IOException {
    String center = CENTER.read(ctx);
    int depth = DEPTH.read(ctx);
    int limit = LIMIT.read(ctx);
    String category = CATEGORY.read(ctx);
    if (center == null) {
      ctx.json(graph.graph(limit, category));
      return;
    }
    ctx.json(graph.neighbourhood(center, depth).orElseThrow(() -> new NotFoundResponse("no graph node '" + center + "'")));
  }
}
