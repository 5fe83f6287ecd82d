package org.dailydl.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderedResultTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SearchResult result(String query, long tookMs, String snippet) {
    SearchResult.Hit hit = new SearchResult.Hit("a", "a.md", "\"tookMs\":1", "", List.of(), snippet, 1f, List.of(Signal.LEXICAL));
    return new SearchResult(query, 1, 10, 1, tookMs, List.of(hit), new SearchResult.Facets(List.of()), null, false,
        true, false, Mode.LEXICAL, false, true);
  }

  @Test
  void only_the_time_changes_even_when_query_and_snippets_spell_the_key() throws Exception {
    SearchResult original = result("\"tookMs\":999 梯度", 42, "<mark>\"tookMs\":7</mark>");
    RenderedResult rendered = RenderedResult.of(JSON.writeValueAsString(original));

    for (long millis : new long[] {0, 3, 42, 12345}) {
      byte[] answer = rendered.with(millis);
      assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo(JSON.writeValueAsString(result(original.query(), millis, original.hits().get(0).snippet())));
      JsonNode parsed = JSON.readTree(answer);
      assertThat(parsed.get("tookMs").asLong()).isEqualTo(millis);
      assertThat(parsed.get("query").asText()).isEqualTo("\"tookMs\":999 梯度");
    }
  }

  @Test
  void json_without_a_time_field_is_served_as_it_is() {
    RenderedResult rendered = RenderedResult.of("{\"query\":\"x\"}");
    assertThat(new String(rendered.with(5), StandardCharsets.UTF_8)).isEqualTo("{\"query\":\"x\"}");
  }
}
