package org.dailydl.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every violation of a parameter rule is a 400 that says what to fix; valid values come through. */
class ParamsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Javalin app() {
    Javalin app = Javalin.create();
    app.get("/p", ctx -> ctx.json(Map.of(
        "q", String.valueOf(Params.requiredText(ctx, "q", 5)),
        "tag", String.valueOf(Params.optionalText(ctx, "tag", 5)),
        "n", Params.integer(ctx, "n", 7, 1, 10),
        "mode", Params.choice(ctx, "mode", "a", List.of("a", "b")))));
    app.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()).result(e.getMessage()));
    return app;
  }

  private record Answer(int status, String body) {}

  private static Answer get(String query) {
    Answer[] answer = new Answer[1];
    JavalinTest.test(app(), (server, client) -> {
      try (var response = client.get("/p?" + query)) {
        answer[0] = new Answer(response.code(), response.body().string());
      }
    });
    return answer[0];
  }

  @Test
  void valid_values_and_defaults() throws Exception {
    JsonNode body = JSON.readTree(get("q=abc&tag=%20&n=3&mode=b").body());
    assertThat(body.get("q").asText()).isEqualTo("abc");
    assertThat(body.get("tag").asText()).as("blank counts as absent").isEqualTo("null");
    assertThat(body.get("n").asInt()).isEqualTo(3);
    assertThat(body.get("mode").asText()).isEqualTo("b");
    JsonNode defaults = JSON.readTree(get("q=x").body());
    assertThat(defaults.get("n").asInt()).isEqualTo(7);
    assertThat(defaults.get("mode").asText()).isEqualTo("a");
  }

  @Test
  void each_violation_is_a_400_naming_the_parameter() {
    assertThat(get("")).isEqualTo(new Answer(400, "parameter 'q' is required"));
    assertThat(get("q=abcdef")).isEqualTo(new Answer(400, "parameter 'q' is longer than 5 characters"));
    assertThat(get("q=a&q=b")).isEqualTo(new Answer(400, "parameter 'q' was given 2 times; give it once"));
    assertThat(get("q=a&n=x")).isEqualTo(new Answer(400, "parameter 'n' must be a whole number from 1 to 10"));
    assertThat(get("q=a&n=11")).isEqualTo(new Answer(400, "parameter 'n' must be from 1 to 10, not 11"));
    assertThat(get("q=a&mode=c")).isEqualTo(new Answer(400, "parameter 'mode' must be one of [a, b]"));
  }
}
