package org.dailydl.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.Map;
import okhttp3.Response;
import org.dailydl.server.SharedCorpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** One access-log line per request, with a request id that is generated or taken over when sane, and echoed. */
class RequestLogTest {
  @RegisterExtension static final SharedCorpus corpus = SharedCorpus.fixtures();
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Keeps each event with the MDC of the moment it was logged (as a console appender prints it). */
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>() {
    @Override
    protected void append(ILoggingEvent event) {
      event.prepareForDeferredProcessing();
      super.append(event);
    }
  };
  private Logger access;

  @BeforeEach
  void capture() {
    access = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("dailydl.access");
    lines.start();
    access.addAppender(lines);
  }

  @AfterEach
  void release() {
    access.detachAppender(lines);
  }

  private List<ILoggingEvent> linesFor(String path) {
    synchronized (lines.list) {
      return lines.list.stream().filter(e -> kv(e).get("path").equals(path)).toList();
    }
  }

  private static Map<String, Object> kv(ILoggingEvent e) {
    return e.getKeyValuePairs().stream().collect(java.util.stream.Collectors.toMap(p -> p.key,
        p -> p.value == null ? "" : p.value));
  }

  @Test
  void every_request_gets_an_id_echoed_in_the_answer_and_one_log_line_with_route_and_status() throws Exception {
    OpsApp ops = OpsApp.over(corpus, Operations.Options.DEFAULT);
    JavalinTest.test(ops.app, (server, client) -> {
      Response fresh = client.get("/api/categories");
      String id = fresh.header("X-Request-Id");
      assertThat(id).matches("[0-9a-f]{32}");
      Response other = client.get("/api/categories");
      assertThat(other.header("X-Request-Id")).isNotEqualTo(id);

      Response taken = client.get("/api/articles/does-not-exist", r -> r.header("X-Request-Id", "lb-4f2a9c01:7"));
      assertThat(taken.code()).isEqualTo(404);
      assertThat(taken.header("X-Request-Id")).isEqualTo("lb-4f2a9c01:7");
      for (String insane : new String[] {"short", "a".repeat(129), "evil id with spaces", "x\"}{\"injected"}) {
        String answered = client.get("/health", r -> r.header("X-Request-Id", insane)).header("X-Request-Id");
        assertThat(answered).as(insane).matches("[0-9a-f]{32}");
      }
      client.get("/no/such/route");

      Thread.sleep(100); // the line is written after the answer is sent
      ILoggingEvent line = linesFor("/api/articles/does-not-exist").get(0);
      assertThat(line.getMDCPropertyMap()).containsEntry("requestId", "lb-4f2a9c01:7");
      assertThat(kv(line)).containsEntry("method", "GET").containsEntry("status", 404)
          .containsEntry("route", "/api/articles/{id}");
      assertThat(line.getFormattedMessage()).startsWith("GET /api/articles/does-not-exist 404 ");
      assertThat(linesFor("/api/categories")).hasSize(2);
      assertThat(kv(linesFor("/no/such/route").get(0))).containsEntry("route", "NOT_FOUND");
      assertThat(kv(linesFor("/api/categories").get(0)).get("bytes")).isInstanceOf(Long.class)
          .satisfies(b -> assertThat((Long) b).isPositive());
    });
    ops.close();
  }

  @Test
  void json_lines_carry_message_request_id_and_the_access_fields_as_fields() throws Exception {
    LoggingEvent event = new LoggingEvent("x", access, ch.qos.logback.classic.Level.INFO,
        "GET /api/search?q=%E6%B3%A8 200 3.1 ms", null, null);
    event.setMDCPropertyMap(Map.of("requestId", "abc12345"));
    event.addKeyValuePair(new org.slf4j.event.KeyValuePair("status", 200));
    event.addKeyValuePair(new org.slf4j.event.KeyValuePair("route", "/api/search"));
    JsonLineLayout layout = new JsonLineLayout();
    String line = layout.doLayout(event);
    assertThat(line).endsWith(System.lineSeparator()).doesNotContain("\n{");
    JsonNode json = JSON.readTree(line);
    assertThat(json.get("level").asText()).isEqualTo("INFO");
    assertThat(json.get("logger").asText()).isEqualTo("dailydl.access");
    assertThat(json.get("message").asText()).isEqualTo("GET /api/search?q=%E6%B3%A8 200 3.1 ms");
    assertThat(json.get("requestId").asText()).isEqualTo("abc12345");
    assertThat(json.get("status").asInt()).isEqualTo(200);
    assertThat(json.get("route").asText()).isEqualTo("/api/search");
    assertThat(json.get("time").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
  }

  @Test
  void log_format_is_text_or_json_in_any_case_and_nothing_else() {
    LogFormat.Converter converter = new LogFormat.Converter();
    assertThat(converter.convert("json")).isEqualTo(LogFormat.JSON);
    assertThat(converter.convert("TEXT")).isEqualTo(LogFormat.TEXT);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> converter.convert("xml"))
        .isInstanceOf(CommandLine.TypeConversionException.class).hasMessageContaining("text or json");
  }
}
