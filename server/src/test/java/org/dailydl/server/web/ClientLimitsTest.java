package org.dailydl.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dailydl.server.RawHttp;
import org.dailydl.server.TestIndex;
import org.dailydl.server.ops.Operations;
import org.dailydl.server.semantic.SemanticService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that are slow, many or odd, over raw sockets: 500 connections that send their headers a
 * byte at a time do not keep others from answers and are cut off; oversized headers and 10,000 query
 * parameters are refused with a 4xx; HEAD and OPTIONS answer on every route; TRACE is refused.
 */
class ClientLimitsTest {
  @TempDir Path temp;

  private static final List<String> ROUTES = List.of("/", "/search", "/graph", "/health", "/ready", "/metrics",
      "/api/search?q=cnn", "/api/suggest?q=cn", "/api/articles", "/api/categories", "/api/stats", "/api/site",
      "/api/graph", "/openapi", "/swagger", "/api/related?path=README.md");

  private Javalin app(TestIndex index) throws IOException {
    return Operations.create(index.handle, index.glossary(), SemanticService.disabled(), Operations.Options.DEFAULT).app();
  }

  @Test
  void five_hundred_slow_header_senders_do_not_stop_health_and_search_and_are_cut_off() throws Exception {
    try (TestIndex index = TestIndex.ofFixtures(temp)) {
      JavalinTest.test(app(index), (server, client) -> {
        List<Socket> slow = new ArrayList<>();
        try {
          for (int i = 0; i < 500; i++) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            socket.getOutputStream().write(("GET /api/search?q=slow" + i + " HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
                .getBytes(StandardCharsets.ISO_8859_1));
            slow.add(socket);
          }
          RawHttp http = new RawHttp(server.port(), 5_000);
          long start = System.currentTimeMillis();
          for (int round = 0; round < 6; round++) {
            for (Socket socket : slow) {
              socket.getOutputStream().write('a'); // one more byte of a header that never ends
            }
            assertThat(http.send("GET", "/health").status()).isEqualTo(200);
            RawHttp.Response search = http.send("GET", "/api/search?q=cnn");
            assertThat(search.status()).isEqualTo(200);
            assertThat(search.millis()).as("search answered promptly beside 500 slow clients").isLessThan(3_000);
            Thread.sleep(1_000);
          }
          // the header deadline: keep trickling until the server has closed every slow connection
          int closed = 0;
          long deadline = start + org.dailydl.server.web.HttpLimits.HEADER_TIMEOUT_MILLIS + 20_000;
          while (closed < slow.size() && System.currentTimeMillis() < deadline) {
            closed = 0;
            for (Socket socket : slow) {
              closed += isClosedByServer(socket) ? 1 : 0;
            }
            Thread.sleep(500);
          }
          assertThat(closed).as("slow connections cut off after the header deadline").isEqualTo(slow.size());
        } finally {
          for (Socket socket : slow) {
            socket.close();
          }
        }
      });
    }
  }

  /** Whether the server ended the connection (EOF or reset), after trying to send one more byte. */
  private static boolean isClosedByServer(Socket socket) {
    try {
      socket.getOutputStream().write('a');
      socket.setSoTimeout(1);
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[4096];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        // a 408 or 400 answer before the close is fine: read it
      }
      return true;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  @Test
  void oversized_headers_and_ten_thousand_query_parameters_are_refused_with_a_4xx() throws Exception {
    try (TestIndex index = TestIndex.ofFixtures(temp)) {
      JavalinTest.test(app(index), (server, client) -> {
        String big = "x".repeat(64 * 1024);
        RawHttp.Response header = send(server.port(), "GET /api/search?q=cnn HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big
            + "\r\nConnection: close\r\n\r\n");
        assertThat(header.status()).isIn(400, 431);
        StringBuilder params = new StringBuilder("/api/search?q=cnn");
        for (int i = 0; i < 10_000; i++) {
          params.append("&p").append(i).append('=').append(i);
        }
        RawHttp.Response many = new RawHttp(server.port(), 10_000).send("GET", params.toString());
        assertThat(many.status()).isIn(400, 414, 431);
        // still answering
        assertThat(new RawHttp(server.port(), 10_000).send("GET", "/health").status()).isEqualTo(200);
      });
    }
  }

  @Test
  void head_and_options_answer_on_every_route_and_trace_is_refused() throws Exception {
    try (TestIndex index = TestIndex.ofFixtures(temp)) {
      JavalinTest.test(app(index), (server, client) -> {
        RawHttp http = new RawHttp(server.port(), 10_000);
        for (String route : ROUTES) {
          RawHttp.Response get = http.send("GET", route);
          assertThat(get.status()).as("GET " + route).isEqualTo(200);
          RawHttp.Response head = http.send("HEAD", route);
          assertThat(head.status()).as("HEAD " + route).isEqualTo(200);
          assertThat(head.body()).as("HEAD " + route + " has no body").isEmpty();
          RawHttp.Response options = http.send("OPTIONS", route);
          assertThat(options.status()).as("OPTIONS " + route).isIn(200, 204);
          assertThat(options.header("Allow")).as("OPTIONS " + route).contains("GET").contains("HEAD")
              .doesNotContain("TRACE");
          RawHttp.Response trace = http.send("TRACE", route);
          assertThat(trace.status()).as("TRACE " + route).isEqualTo(405);
          assertThat(trace.body()).as("TRACE " + route).doesNotContain("X-Slow").doesNotContain("User-Agent");
        }
        assertThat(http.send("OPTIONS", "/api/reindex").header("Allow")).contains("POST");
      });
    }
  }

  private static RawHttp.Response send(int port, String request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      } catch (IOException refusedMidway) {
        // the server may answer and close before the whole header is sent
      }
      byte[] raw = socket.getInputStream().readAllBytes();
      return RawHttp.parse(raw, 0);
    }
  }
}
