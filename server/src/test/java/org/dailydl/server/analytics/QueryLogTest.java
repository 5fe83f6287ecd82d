package org.dailydl.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.dailydl.server.OpenApiContract;
import org.dailydl.server.SharedCorpus;
import org.dailydl.server.ops.Operations;
import org.dailydl.server.semantic.SemanticService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The authors' query log: what was searched, found nothing, or was never opened; nothing that identifies a reader. */
class QueryLogTest {
  @RegisterExtension static final SharedCorpus corpus = SharedCorpus.fixtures();
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path temp;

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-12-03T13:47:12.345Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  @Test
  void typing_is_folded_into_the_query_the_reader_stopped_at_and_the_report_lists_what_authors_need() throws Exception {
    TestClock clock = new TestClock();
    Path file = temp.resolve("queries.jsonl");
    try (QueryLog log = QueryLog.open(file, clock)) {
      // as-you-type: each request extends the last within a second
      for (String typed : new String[] {"tra", "transfo", "Transformer"}) {
        log.searched(typed, 5);
        clock.advance(Duration.ofMillis(400));
      }
      clock.advance(Duration.ofSeconds(30));
      log.searched("  注意力   机制 ", 7);
      clock.advance(Duration.ofSeconds(30));
      log.searched("注意力 机制", 7);
      log.opened("注意力 机制", "深度学习/Attention.md");
      clock.advance(Duration.ofSeconds(30));
      log.searched("量子计算", 0);
      clock.advance(Duration.ofSeconds(30));
      log.searched("量子计算", 0);
      clock.advance(Duration.ofSeconds(30));

      QueryStats.Report report = log.report(10);
      assertThat(report.searches()).isEqualTo(5);
      assertThat(report.top()).extracting(QueryStats.QueryCount::query)
          .containsExactly("注意力 机制", "量子计算", "transformer");
      assertThat(report.top().get(0).searches()).isEqualTo(2);
      assertThat(report.top().get(0).opens()).isEqualTo(1);
      assertThat(report.zeroResults()).extracting(QueryStats.QueryCount::query).containsExactly("量子计算");
      assertThat(report.neverOpened()).extracting(QueryStats.QueryCount::query).containsExactly("transformer");
      assertThat(report.opensReported()).isTrue();
      assertThat(report.since()).isEqualTo("2026-12-03T13:00:00Z");
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(6);
    for (String line : lines) {
      JsonNode event = JSON.readTree(line);
      // the time of day is kept to the hour; no address, request id, user agent or exact time
      assertThat(event.get("hour").asText()).endsWith(":00:00Z");
      event.fieldNames().forEachRemaining(name -> assertThat(name).isIn("event", "hour", "query", "results", "path"));
    }
    assertThat(String.join("\n", lines)).doesNotContain("tra\"").doesNotContain("transfo\"");

    // a restart reads the file back (a torn last line is skipped)
    Files.writeString(file, "{\"event\":\"search\",\"hour\":\"2026-12-03T15", java.nio.file.StandardOpenOption.APPEND);
    try (QueryLog again = QueryLog.open(file, clock)) {
      assertThat(again.report(10).searches()).isEqualTo(5);
      assertThat(again.report(10).top().get(0).query()).isEqualTo("注意力 机制");
    }
  }

  @Test
  void the_page_reports_opened_results_and_authors_read_the_summary_with_the_admin_token() throws Exception {
    Path file = temp.resolve("served.jsonl");
    Operations ops = Operations.create(corpus.handle(), corpus.glossary(), SemanticService.disabled(),
        new Operations.Options("s3cret", null, null, file, false));
    OpenApiContract.test(ops.app(), (server, client) -> {
      JsonNode found = JSON.readTree(client.get("/api/search?q=" + URLEncoder.encode("卷积", StandardCharsets.UTF_8))
          .body().string());
      client.get("/api/search?page=2&q=" + URLEncoder.encode("卷积", StandardCharsets.UTF_8)); // paging is not a new search
      client.get("/api/search?q=" + URLEncoder.encode("不存在的词汇xyz", StandardCharsets.UTF_8));
      String path = found.get("hits").get(0).get("path").asText();

      // navigator.sendBeacon posts text/plain
      Response opened = client.request("/api/feedback/open", r -> r.post(RequestBody.create(
          "{\"query\":\"卷积\",\"path\":\"" + path + "\"}", MediaType.get("text/plain;charset=UTF-8"))));
      assertThat(opened.code()).isEqualTo(204);
      assertThat(client.post("/api/feedback/open", "{\"query\":\"卷积\",\"path\":\"no/such.md\"}").code()).isEqualTo(404);
      assertThat(client.post("/api/feedback/open", "not json").code()).isEqualTo(400);
      assertThat(client.post("/api/feedback/open", "{\"path\":\"" + path + "\"}").code()).isEqualTo(400);

      assertThat(client.get("/api/admin/queries").code()).isEqualTo(401);
      assertThat(client.get("/api/admin/queries", r -> r.header("Authorization", "Bearer wrong")).code()).isEqualTo(401);
      ops.queryLog().close(); // commits the searches still inside the typing window
      Response summary = client.get("/api/admin/queries", r -> r.header("Authorization", "Bearer s3cret"));
      assertThat(summary.code()).isEqualTo(200);
      assertThat(summary.header("Cache-Control")).isEqualTo("no-store");
      JsonNode report = JSON.readTree(summary.body().string());
      assertThat(report.get("searches").asInt()).isEqualTo(2);
      assertThat(report.get("top").findValuesAsText("query")).containsExactlyInAnyOrder("卷积", "不存在的词汇xyz");
      assertThat(report.get("zeroResults").findValuesAsText("query")).containsExactly("不存在的词汇xyz");
      assertThat(report.get("neverOpened").size()).isZero();
      assertThat(report.get("opens").asInt()).isEqualTo(1);
    });
    ops.close();
    String logged = Files.readString(file);
    assertThat(logged).doesNotContain("127.0.0.1").doesNotContain("localhost").doesNotContain("requestId");
  }

  @Test
  void without_query_log_opens_are_accepted_and_ignored_and_the_summary_says_it_is_off() throws Exception {
    Operations ops = Operations.create(corpus.handle(), corpus.glossary(), SemanticService.disabled(),
        new Operations.Options("s3cret", null, null, null, false));
    OpenApiContract.test(ops.app(), (server, client) -> {
      String path;
      try (var lease = corpus.handle().acquire()) {
        path = lease.corpus().catalog().articles().get(0).path();
      }
      assertThat(client.post("/api/feedback/open", "{\"query\":\"卷积\",\"path\":\"" + path + "\"}").code())
          .isEqualTo(204);
      Response summary = client.get("/api/admin/queries", r -> r.header("Authorization", "Bearer s3cret"));
      assertThat(summary.code()).isEqualTo(404);
      assertThat(JSON.readTree(summary.body().string()).get("detail").asText()).contains("--query-log");
    });
    ops.close();
    Operations noToken = Operations.create(corpus.handle(), corpus.glossary(), SemanticService.disabled(),
        new Operations.Options(null, null, null, temp.resolve("q.jsonl"), false));
    OpenApiContract.test(noToken.app(), (server, client) ->
        assertThat(client.get("/api/admin/queries").code()).isEqualTo(403));
    noToken.close();
  }
}
