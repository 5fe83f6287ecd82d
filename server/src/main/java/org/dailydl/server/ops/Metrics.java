package org.dailydl.server.ops;

import com.github.benmanes.caffeine.cache.Cache;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.jetty11.TimedHandler;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.dailydl.server.corpus.CorpusSnapshot;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.semantic.SemanticService;
import org.dailydl.server.web.Feature;
import org.eclipse.jetty.server.Server;

/**
 * Prometheus metrics at {@code /metrics} through Micrometer: request latency by route template and
 * status ({@code http_server_requests_seconds}), the JVM and Jetty (threads, connections), the
 * search result cache ({@code cache_gets_total} and {@code dailydl_search_cache_hit_ratio}), the
 * index served ({@code dailydl_index_*}) and semantic search ({@code dailydl_embeddings_*}).
 * Gauges read the live state when scraped. Thread-safe.
 */
public final class Metrics implements Feature, AutoCloseable {
  /** Latency buckets, in the range a search service answers in (and the slow tail). */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
    Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
    Duration.ofMillis(2500), Duration.ofSeconds(5)
  };
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  public Metrics(IndexHandle index, SemanticService semantics) {
    Objects.requireNonNull(index);
    Objects.requireNonNull(semantics);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    bindIndex(index);
    bindSemantics(semantics);
  }

  public MeterRegistry registry() {
    return registry;
  }

  private void bindIndex(IndexHandle index) {
    indexGauge(index, "dailydl.index.version", null,
        "Index version served (increases with every change the server opens)", c -> c.number());
    indexGauge(index, "dailydl.index.articles", null, "Articles in the index served", c -> c.catalog().size());
    indexGauge(index, "dailydl.index.build.timestamp", "seconds", "When the index served was built (Unix time)",
        c -> epochSeconds(c.meta().buildTime()));
    Gauge.builder("dailydl.index.size", index, IndexHandle::sizeOnDisk).baseUnit("bytes")
        .description("Bytes of the index served on disk").register(registry);
    Gauge.builder("dailydl.index.read.only", index, i -> i.isReadOnly() ? 1 : 0)
        .description("1 when the index is a prebuilt one served read-only").register(registry);
  }

  private void indexGauge(IndexHandle index, String name, String unit, String description,
      ToDoubleFunction<CorpusSnapshot> value) {
    Gauge.builder(name, index, i -> {
      try (IndexHandle.Lease lease = i.acquire()) {
        return value.applyAsDouble(lease.corpus());
      } catch (IOException | RuntimeException e) {
        return Double.NaN;
      }
    }).baseUnit(unit).description(description).register(registry);
  }

  private static double epochSeconds(String instant) {
    try {
      return instant == null ? Double.NaN : Instant.parse(instant).getEpochSecond();
    } catch (DateTimeParseException e) {
      return Double.NaN;
    }
  }

  private void bindSemantics(SemanticService semantics) {
    for (SemanticService.State state : SemanticService.State.values()) {
      Gauge.builder("dailydl.embeddings.state", semantics, s -> s.state() == state ? 1 : 0)
          .tag("state", state.label())
          .description("Semantic search state: 1 for the current one of disabled, preparing, ready").register(registry);
    }
    Gauge.builder("dailydl.embeddings.progress", semantics, s -> s.progress().ratio())
        .description("Share of the passages of the current (or last) embedding run that are embedded").register(registry);
    Gauge.builder("dailydl.embeddings.passages", semantics, s -> s.passages().map(p -> p.size()).orElse(0))
        .description("Passage vectors loaded for semantic search").register(registry);
  }

  /** Hit and miss counts of the search result cache, and its hit ratio. */
  public void bindSearchCache(Cache<?, ?> cache) {
    CaffeineCacheMetrics.monitor(registry, cache, "search_results");
    Gauge.builder("dailydl.search.cache.hit.ratio", cache, c -> c.stats().requestCount() == 0 ? 0 : c.stats().hitRate())
        .description("Share of searches answered from the result cache since start").register(registry);
  }

  /**
   * Jetty's thread pool, and Jetty's own request timing ({@code jetty_server_requests_*}, which
   * also sees what never reaches a route); call when Javalin hands over the server, before it
   * attaches its handlers (they go inside the timed handler).
   */
  public void bindJetty(Server server) {
    new JettyServerThreadPoolMetrics(server.getThreadPool(), Tags.empty()).bindTo(registry);
    server.setHandler(new TimedHandler(registry, Tags.empty()));
  }

  /** Connection counts and bytes of every connector of a server about to start. */
  public void bindJettyConnectors(Server server) {
    JettyConnectionMetrics.addToAllConnectors(server, registry);
  }

  /** One request's latency under its method, route template and status. */
  void record(String method, String route, int status, long nanos) {
    Timer.builder("http.server.requests")
        .description("HTTP requests by route template and status")
        .tags("method", method, "uri", route, "status", Integer.toString(status),
            "outcome", status < 400 ? "SUCCESS" : status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR")
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record(Duration.ofNanos(nanos));
  }

  @Override
  public void routes(Javalin app) {
    app.get("/metrics", this::scrape);
  }

  private void scrape(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.contentType(CONTENT_TYPE).result(registry.scrape());
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
