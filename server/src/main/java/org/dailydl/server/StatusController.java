package org.dailydl.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dailydl.indexer.cli.ReportWriter;
import org.dailydl.indexer.index.IndexReport;
import org.dailydl.indexer.schema.IndexMeta;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.semantic.SemanticService;
import org.dailydl.server.web.Feature;

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

  /** Index statistics as served; {@code indexProblem} says why the index cannot be updated now, or is null. */
  public record Stats(int articles, Map<String, Integer> categories, String buildTime, String analysisVersion,
      String contentHash, long indexBytes, long version, Map<String, Object> lastIndexRun,
      Map<String, Object> semantic, String indexProblem) {}

  @OpenApi(path = "/health", methods = HttpMethod.GET, summary = "Liveness", tags = {"status"},
      responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Map.class)))
  public void health(Context ctx) {
    ctx.json(Map.of("status", "ok"));
  }

  @OpenApi(path = "/api/stats", methods = HttpMethod.GET, summary = "Index statistics", tags = {"status"},
      responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Stats.class)))
  public void stats(Context ctx) throws IOException {
    try (IndexHandle.Lease lease = index.acquire()) {
      IndexMeta meta = lease.corpus().meta();
      IndexReport last = index.lastReport();
      Map<String, Object> semantic = new LinkedHashMap<>();
      semantic.put("enabled", semantics.state() != SemanticService.State.DISABLED);
      semantic.put("ready", semantics.isReady());
      semantic.put("passages", semantics.passages().map(p -> p.size()).orElse(0));
      ctx.json(new Stats(lease.corpus().catalog().size(), lease.corpus().catalog().categories(), meta.buildTime(),
          meta.analysisVersion(), meta.contentHash(), index.sizeOnDisk(), lease.corpus().number(),
          last == null ? Map.of() : ReportWriter.toMap(last), semantic, index.problem().orElse(null)));
    }
  }
}
