package org.dailydl.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiName;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import java.util.Map;
import org.dailydl.indexer.cli.ReportWriter;
import org.dailydl.indexer.index.IndexReport;
import org.dailydl.indexer.schema.IndexMeta;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.semantic.SemanticService;
import org.dailydl.server.web.Feature;
import org.dailydl.server.web.IndexReportSchema;

/** Liveness and index statistics. */
public final class StatusController implements Feature {
  private final IndexHandle index;
  private final SemanticService semantics;

  public StatusController(IndexHandle index, SemanticService semantics) {
    this.index = index;
    this.semantics = semantics;
  }

  @Override
  public void routes(Javalin app) {
    app.get("/health", this::health);
    app.get("/api/stats", this::stats);
  }

  /**
   * Index statistics as served; {@code lastIndexRun} is the report of the last indexing this
   * process ran (null before one), {@code categories} counts articles by category, {@code indexProblem} says why
   * the index cannot be updated now (null when it can).
   */
  @OpenApiName("IndexStats")
  public record Stats(int articles, Map<String, Integer> categories, String buildTime, String analysisVersion,
      String contentHash, long indexBytes, long version,
      @OpenApiNullable @OpenApiPropertyType(definedBy = IndexReportSchema.class) Map<String, Object> lastIndexRun,
      SemanticStatus semantic, @OpenApiNullable String indexProblem) {}

  /** Semantic search on this server: switched on, ready (vectors loaded), passages embedded. */
  public record SemanticStatus(boolean enabled, boolean ready, int passages) {}

  /** The answer of {@code /health}. */
  public record Health(String status) {}

  @OpenApi(path = "/health", methods = HttpMethod.GET, operationId = "health", summary = "Liveness: {\"status\": \"ok\"}",
      tags = {"status"}, responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Health.class)))
  public void health(Context ctx) {
    ctx.json(new Health("ok"));
  }

  @OpenApi(path = "/api/stats", methods = HttpMethod.GET, operationId = "stats", summary = "Index statistics", tags = {"status"},
      responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Stats.class)))
  public void stats(Context ctx) throws IOException {
    try (IndexHandle.Lease lease = index.acquire()) {
      IndexMeta meta = lease.corpus().meta();
      IndexReport last = index.lastReport();
      SemanticStatus semantic = new SemanticStatus(semantics.state() != SemanticService.State.DISABLED,
          semantics.isReady(), semantics.passages().map(p -> p.size()).orElse(0));
      ctx.json(new Stats(lease.corpus().catalog().size(), lease.corpus().catalog().categories(), meta.buildTime(),
          meta.analysisVersion(), meta.contentHash(), index.sizeOnDisk(), lease.corpus().number(),
          last == null ? null : ReportWriter.toMap(last), semantic, index.problem().orElse(null)));
    }
  }
}
