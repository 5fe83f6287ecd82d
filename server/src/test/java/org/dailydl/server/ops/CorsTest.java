package org.dailydl.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import okhttp3.Response;
import org.dailydl.server.App;
import org.dailydl.server.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CORS never blocks the page's own origin, and only configured origins may read answers. */
class CorsTest {
  @RegisterExtension static final SharedCorpus corpus = SharedCorpus.fixtures();

  private static Javalin app(String corsOrigins) {
    return App.create(corpus.features(), new App.Settings(corsOrigins, null));
  }

  @Test
  void the_page_own_module_scripts_load_when_other_origins_are_allowed() {
    // Chromium sends Origin on module scripts and on the page's fetches, even on its own origin
    JavalinTest.test(app("https://example.com"), (server, client) -> {
      String self = "http://localhost:" + server.port();
      Response script = client.get("/js/app.js", req -> req.header("Origin", self));
      assertThat(script.code()).isEqualTo(200);
      assertThat(script.body().string()).contains("import");
      Response page = client.get("/", req -> req.header("Origin", self));
      assertThat(page.code()).isEqualTo(200);
      Response api = client.get("/api/categories", req -> req.header("Origin", self));
      assertThat(api.code()).isEqualTo(200);
      assertThat(api.header("Vary")).contains("Origin");
    });
  }

  @Test
  void an_allowed_origin_may_read_and_preflight_and_another_gets_the_answer_without_permission() {
    JavalinTest.test(app("https://example.com, http://localhost:3000"), (server, client) -> {
      Response allowed = client.get("/api/categories", req -> req.header("Origin", "https://example.com"));
      assertThat(allowed.code()).isEqualTo(200);
      assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://example.com");
      assertThat(allowed.header("Vary")).contains("Origin");
      assertThat(allowed.header("Access-Control-Expose-Headers")).contains("ETag").contains("X-Request-Id");
      Response second = client.get("/api/categories", req -> req.header("Origin", "http://localhost:3000"));
      assertThat(second.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");

      Response foreign = client.get("/api/categories", req -> req.header("Origin", "https://evil.example"));
      assertThat(foreign.code()).isEqualTo(200);
      assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
      assertThat(foreign.header("Vary")).contains("Origin");

      Response preflight = client.request("/api/search", req -> req.method("OPTIONS", null)
          .header("Origin", "https://example.com")
          .header("Access-Control-Request-Method", "GET")
          .header("Access-Control-Request-Headers", "if-none-match"));
      assertThat(preflight.code()).isEqualTo(204);
      assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://example.com");
      assertThat(preflight.header("Access-Control-Allow-Methods")).contains("GET");
      assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("if-none-match");

      Response foreignPreflight = client.request("/api/search", req -> req.method("OPTIONS", null)
          .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET"));
      assertThat(foreignPreflight.header("Access-Control-Allow-Origin")).isNull();
    });
  }

  @Test
  void without_configured_origins_no_origin_gets_permission_and_none_is_refused() {
    JavalinTest.test(app(null), (server, client) -> {
      Response foreign = client.get("/api/categories", req -> req.header("Origin", "https://example.com"));
      assertThat(foreign.code()).isEqualTo(200);
      assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
      assertThat(foreign.header("Vary")).contains("Origin");
    });
  }
}
