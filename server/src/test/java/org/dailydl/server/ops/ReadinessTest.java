package org.dailydl.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import okhttp3.Response;
import org.dailydl.server.OpenApiContract;
import org.dailydl.server.App;
import org.dailydl.server.TestIndex;
import org.dailydl.server.semantic.SemanticService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /ready beside /health: ready once the index is open and semantic search is ready or off. */
class ReadinessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path temp;

  @Test
  void lexical_only_is_ready_at_once() throws Exception {
    try (TestIndex index = TestIndex.ofFixtures(temp)) {
      OpenApiContract.test(index.app(), (server, client) -> {
        Response ready = client.get("/ready");
        assertThat(ready.code()).isEqualTo(200);
        assertThat(ready.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = JSON.readTree(ready.body().string());
        assertThat(body.get("status").asText()).isEqualTo("ready");
        assertThat(body.get("semantic").asText()).isEqualTo("disabled");
        assertThat(body.get("articles").asInt()).isPositive();
      });
    }
  }

  @Test
  void while_embeddings_are_prepared_it_is_alive_but_not_ready_and_says_why() throws Exception {
    try (TestIndex index = TestIndex.ofFixtures(temp)) {
      SemanticService preparing = SemanticService.enabled(index.handle); // vectors not computed yet
      var app = App.create(List.of(new ReadinessController(index.handle, preparing)), App.Settings.DEFAULT);
      OpenApiContract.test(app, (server, client) -> {
        Response ready = client.get("/ready");
        assertThat(ready.code()).isEqualTo(503);
        assertThat(ready.header("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(ready.body().string());
        assertThat(body.get("status").asText()).isEqualTo("not ready");
        assertThat(body.get("reason").asText()).contains("semantic search");
        assertThat(body.get("semantic").asText()).isEqualTo("preparing");
      });
      preparing.close();
    }
  }

  @Test
  void a_closed_index_is_not_ready() throws Exception {
    TestIndex index = TestIndex.ofFixtures(temp);
    var app = App.create(List.of(new ReadinessController(index.handle, SemanticService.disabled())),
        App.Settings.DEFAULT);
    index.close();
    OpenApiContract.test(app, (server, client) -> {
      Response ready = client.get("/ready");
      assertThat(ready.code()).isEqualTo(503);
      assertThat(JSON.readTree(ready.body().string()).get("reason").asText()).contains("index");
    });
  }
}
