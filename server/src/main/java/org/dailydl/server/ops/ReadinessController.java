package org.dailydl.server.ops;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.semantic.SemanticService;
import org.dailydl.server.web.Feature;

/**
 * {@code GET /ready}: whether this instance should get traffic (a load balancer's or Kubernetes'
 * readiness probe), beside {@code /health}, which only says the process is alive. Ready means the
 * index is open and semantic search is ready or off (disabled, or unavailable with a reason:
 * lexical search is then served, so an optional part never takes a replica out of rotation).
 */
public final class ReadinessController implements Feature {
  private final IndexHandle index;
  private final SemanticService semantics;

  public ReadinessController(IndexHandle index, SemanticService semantics) {
    this.index = Objects.requireNonNull(index);
    this.semantics = Objects.requireNonNull(semantics);
  }

  @Override
  public void routes(Javalin app) {
    app.get("/ready", this::ready);
  }

  @OpenApi(path = "/ready", methods = HttpMethod.GET, summary = "Readiness: index open, embeddings ready or off",
      tags = {"status"},
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = Map.class)),
        @OpenApiResponse(status = "503", content = @OpenApiContent(from = Map.class))
      })
  public void ready(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    Map<String, Object> body = new LinkedHashMap<>();
    int articles;
    try (IndexHandle.Lease lease = index.acquire()) {
      articles = lease.corpus().catalog().size();
    } catch (IOException | RuntimeException e) {
      notReady(ctx, body, e.getMessage() == null ? "the index is not open" : e.getMessage());
      return;
    }
    // serving the last complete index while it cannot be updated: ready, and saying why it may be stale
    index.problem().ifPresent(p -> body.put("indexProblem", p));
    SemanticService.State state = semantics.state();
    body.put("articles", articles);
    body.put("readOnly", index.isReadOnly());
    body.put("semantic", state.label());
    if (state == SemanticService.State.PREPARING) {
      SemanticService.Progress progress = semantics.progress();
      body.put("embedded", progress.done());
      body.put("toEmbed", progress.total());
      notReady(ctx, body, progress.total() == 0 ? "semantic search is loading its model and passage vectors"
          : "semantic search is embedding passages: " + progress.done() + " of " + progress.total());
      return;
    }
    if (semantics.unavailableReason() != null) {
      body.put("semanticUnavailable", semantics.unavailableReason());
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("status", "ready");
    answer.putAll(body);
    ctx.json(answer);
  }

  private static void notReady(Context ctx, Map<String, Object> details, String reason) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("status", "not ready");
    answer.put("reason", reason);
    answer.putAll(details);
    ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(answer);
  }
}
