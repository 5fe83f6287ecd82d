package org.dailydl.server;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.index.IndexReport;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.semantic.SemanticService;

/** Liveness and index statistics. */
public final class StatusController {
  private final IndexHandle index;
  private final SemanticService semantics;

  /** @param semantics dense retrieval, or null when disabled */
  public StatusController(IndexHandle index, SemanticService semantics) {
    this.index = index;
    this.semantics = semantics;
  }

  /** Index statistics as served. */
  public record Stats(int articles, Map<String, Integer> categories, String buildTime, String analysisVersion,
      String contentHash, long indexBytes, long version, Map<String, Object> lastIndexRun,
      Map<String, Object> semantic) {}

  @OpenApi(path = "/health", methods = HttpMethod.GET, summary = "Liveness", tags = {"status"},
      responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Map.class)))
  public void health(Context ctx) {
    ctx.json(Map.of("status", "ok"));
  }

  @OpenApi(path = "/api/stats", methods = HttpMethod.GET, summary = "Index statistics", tags = {"status"},
      responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Stats.class)))
  public void stats(Context ctx) throws IOException {
    try (IndexHandle.Snapshot snapshot = index.acquire()) {
      Map<String, String> meta = snapshot.catalog().meta();
      IndexReport last = index.lastReport();
      Map<String, Object> run = new LinkedHashMap<>();
      if (last != null) {
        run.put("mode", last.mode());
        run.put("indexed", last.indexed());
        run.put("removed", last.removed());
        run.put("warnings", last.problems().size());
        run.put("brokenLinks", last.brokenLinks().size());
        run.put("millis", last.millis());
      }
      Map<String, Object> semantic = new LinkedHashMap<>();
      semantic.put("enabled", semantics != null);
      semantic.put("ready", semantics != null && semantics.isReady());
      semantic.put("passages", semantics == null ? 0 : semantics.passages());
      ctx.json(new Stats(snapshot.catalog().size(), snapshot.catalog().categories(),
          meta.get(Fields.Meta.BUILD_TIME), meta.get(Fields.Meta.ANALYSIS_VERSION), meta.get(Fields.Meta.CONTENT_HASH),
          index.sizeOnDisk(), snapshot.version().number(), run, semantic));
    }
  }
}
