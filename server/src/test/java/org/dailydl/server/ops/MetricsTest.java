package org.dailydl.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Response;
import org.dailydl.server.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /metrics in Prometheus' text format: requests by route template, JVM, Jetty, cache, index and embeddings. */
class MetricsTest {
  @RegisterExtension static final SharedCorpus corpus = SharedCorpus.fixtures();

  private static double value(String scrape, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+|NaN)$").matcher(scrape);
    assertThat(m.find()).as("series %s in%n%s", series, scrape).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void metrics_count_requests_by_route_template_and_show_cache_index_and_runtime() throws Exception {
    OpsApp ops = OpsApp.over(corpus, Operations.Options.DEFAULT);
    JavalinTest.test(ops.app, (server, client) -> {
      String q = "/api/search?q=" + URLEncoder.encode("卷积", StandardCharsets.UTF_8);
      client.get(q);
      client.get(q);
      client.get(q);
      String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(client.get(q).body().string())
          .get("hits").get(0).get("id").asText();
      client.get("/api/articles/" + id);
      client.get("/api/articles/no-such-article");

      Response metrics = client.get("/metrics");
      assertThat(metrics.code()).isEqualTo(200);
      assertThat(metrics.header("Content-Type")).startsWith("text/plain");
      String scrape = metrics.body().string();
      assertThat(value(scrape, "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\","
          + "status=\"200\",uri=\"/api/search\"}")).isEqualTo(4);
      assertThat(value(scrape, "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\","
          + "status=\"200\",uri=\"/api/articles/{id}\"}")).isEqualTo(1);
      assertThat(value(scrape, "http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\","
          + "status=\"404\",uri=\"/api/articles/{id}\"}")).isEqualTo(1);
      assertThat(scrape).contains("http_server_requests_seconds_bucket{method=\"GET\",outcome=\"SUCCESS\","
          + "status=\"200\",uri=\"/api/search\",le=\"0.05\"}");
      // ids never become label values
      assertThat(scrape).doesNotContain("uri=\"/api/articles/" + id);

      assertThat(value(scrape, "cache_gets_total{cache=\"search_results\",result=\"hit\"}")).isEqualTo(3);
      assertThat(value(scrape, "cache_gets_total{cache=\"search_results\",result=\"miss\"}")).isEqualTo(1);
      assertThat(value(scrape, "dailydl_search_cache_hit_ratio")).isEqualTo(0.75);

      int articles;
      try (var lease = corpus.handle().acquire()) {
        articles = lease.corpus().catalog().size();
      }
      assertThat(value(scrape, "dailydl_index_articles")).isEqualTo(articles);
      assertThat(value(scrape, "dailydl_index_version")).isPositive();
      assertThat(value(scrape, "dailydl_index_build_timestamp_seconds")).isGreaterThan(1.7e9);
      assertThat(value(scrape, "dailydl_embeddings_state{state=\"disabled\"}")).isEqualTo(1);
      assertThat(value(scrape, "dailydl_embeddings_state{state=\"ready\"}")).isEqualTo(0);
      assertThat(scrape).contains("dailydl_embeddings_progress").contains("dailydl_embeddings_passages");

      assertThat(scrape).contains("jvm_memory_used_bytes{").contains("jvm_gc_").contains("process_uptime_seconds")
          .contains("jvm_threads_live_threads");
      assertThat(scrape).contains("jetty_threads_busy").contains("jetty_connections_")
          .contains("jetty_server_requests_seconds_count");
    });
    ops.close();
  }
}
