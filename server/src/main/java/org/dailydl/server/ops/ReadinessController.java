package org.dailydl.server.ops;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiName;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
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

  /**
   * The answer of {@code /ready}: {@code status} "ready" (HTTP 200) or "not ready" (HTTP 503, with
   * the {@code reason}); what is not known or does not apply is null (no article count while the
   * index is not open; embedding progress only while semantic search prepares; {@code indexProblem}
   * only while the last complete index serves but cannot be updated).
   */
  @OpenApiName("Readiness")
  public record Readiness(String status, @OpenApiNullable String reason, @OpenApiNullable Integer articles,
      @OpenApiNullable Boolean readOnly, @OpenApiNullable String semantic, @OpenApiNullable Integer embedded,
      @OpenApiNullable Integer toEmbed, @OpenApiNullable String semanticUnavailable,
      @OpenApiNullable String indexProblem) {

    static Readiness notReady(String reason) {
      return new Readiness(NOT_READY, reason, null, null, null, null, null, null, null);
    }
  }

  static final String READY = "ready";
  static final String NOT_READY = "not ready";

  @OpenApi(path = "/ready", methods = HttpMethod.GET, operationId = "ready",
      summary = "Readiness: index open, embeddings ready or off", tags = {"status"},
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = Readiness.class)),
        @OpenApiResponse(status = "503", content = @OpenApiContent(from = Readiness.class))
      })
  public void ready(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    int articles;
    try (IndexHandle.Lease lease = index.acquire()) {
      articles = lease.corpus().catalog().size();
    } catch (IOException | RuntimeException e) {
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Readiness.notReady(
          e.getMessage() == null ? "the index is not open" : e.getMessage()));
      return;
    }
    // serving the last complete index while it cannot be updated: ready, and saying why it may be stale
    String problem = index.problem().orElse(null);
    SemanticService.State state = semantics.state();
    if (state == SemanticService.State.PREPARING) {
      SemanticService.Progress progress = semantics.progress();
      String reason = progress.total() == 0 ? "semantic search is loading its model and passage vectors"
          : "semantic search is embedding passages: " + progress.done() + " of " + progress.total();
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(new Readiness(NOT_READY, reason, articles, index.isReadOnly(),
          state.label(), progress.done(), progress.total(), null, problem));
      return;
    }
    ctx.json(new Readiness(READY, null, articles, index.isReadOnly(), state.label(), null, null,
        semantics.unavailableReason(), problem));
  }
}
