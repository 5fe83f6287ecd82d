package org.dailydl.server.articles;

import org.dailydl.server.RawHttp;
import org.dailydl.server.HostileInputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dailydl.indexer.Fixtures;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.App;
import org.dailydl.server.ServeCommand;
import org.dailydl.server.index.IndexHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One hostile file in the content folder must cost at most that file: the index is still built,
 * the other articles are served, and the file itself is served sanitised or reported as
 * unreadable, never a 500. Each test indexes the fixture corpus plus one such file.
 */
class HostileContentTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  @Test
  void an_article_with_a_nul_escape_in_a_link_is_indexed_and_rendered() throws Exception {
    // %00 decodes to NUL, which no file name may hold: Path.resolve throws InvalidPathException
    String markdown = "# 坏链接\n\n见 [另一篇](a%00b.md) 和 [图](./%00/x.md)。\n\n注意力机制的笔记。\n";
    Path content = corpusWith("深度学习/坏链接.md", markdown.getBytes(StandardCharsets.UTF_8));
    assertServes(content, "深度学习/坏链接.md");
  }

  @Test
  void a_notebook_nested_deeper_than_the_json_reader_allows_does_not_stop_indexing() throws Exception {
    // Jackson refuses nesting deeper than 1000 with an exception that has no location
    String notebook = "{\"cells\": [" + "[".repeat(1500) + "]".repeat(1500) + "]}";
    Path content = corpusWith("数据分析/深嵌套.ipynb", notebook.getBytes(StandardCharsets.UTF_8));
    assertServes(content, null);
  }

  @Test
  void a_notebook_with_a_2000_digit_number_does_not_stop_indexing() throws Exception {
    // Jackson refuses numbers longer than 1000 digits, again without a location
    String notebook = "{\"cells\": [], \"metadata\": {\"n\": 1" + "0".repeat(2000) + "}}";
    Path content = corpusWith("数据分析/大数.ipynb", notebook.getBytes(StandardCharsets.UTF_8));
    assertServes(content, null);
  }

  @Test
  void a_hostile_file_added_while_serving_does_not_take_the_service_down() throws Exception {
    // the content watcher and POST /api/reindex both call IndexHandle.reindex on a live index
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    try (IndexHandle handle = IndexHandle.open(content, temp.resolve("index"))) {
      var app = App.create(ServeCommand.features(handle, Glossary.forContent(content)), App.Settings.DEFAULT);
      JavalinTest.test(app, (server, client) -> {
        RawHttp http = new RawHttp(server.port(), 15_000);
        String search = "/api/search?q=" + HostileInputs.encode("注意力");
        assertThat(http.send("GET", search).status()).isEqualTo(200);
        Files.writeString(content.resolve("深度学习/新文章.md"), "# 新文章\n\n[坏](a%00b.md)\n", StandardCharsets.UTF_8);
        try {
          handle.reindex(false);
        } catch (IOException | RuntimeException failed) {
          // a failed update may be reported, but must leave the served index alone
        }
        RawHttp.Response after = http.send("GET", search);
        assertThat(after.status()).as("search after a failed update: %s", after.body()).isEqualTo(200);
        RawHttp.Response article = http.send("GET", "/api/articles?path=" + HostileInputs.encode("深度学习/CNN.md"));
        assertThat(article.status()).as(article.body()).isEqualTo(200);
      });
    }
  }

  private Path corpusWith(String path, byte[] bytes) throws IOException {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    Path file = content.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return content;
  }

  /** The index builds; the fixture articles are served; {@code hostile}, when indexed, is served (200). */
  private void assertServes(Path content, String hostile) throws Exception {
    IndexHandle[] handle = new IndexHandle[1];
    assertThatCode(() -> handle[0] = IndexHandle.open(content, temp.resolve("index")))
        .as("indexing a corpus with one hostile file").doesNotThrowAnyException();
    try {
      var app = App.create(ServeCommand.features(handle[0], Glossary.forContent(content)), App.Settings.DEFAULT);
      JavalinTest.test(app, (server, client) -> {
        RawHttp http = new RawHttp(server.port(), 15_000);
        RawHttp.Response cnn = http.send("GET", "/api/articles?path=" + HostileInputs.encode("深度学习/CNN.md"));
        assertThat(cnn.status()).isEqualTo(200);
        RawHttp.Response search = http.send("GET", "/api/search?q=" + HostileInputs.encode("注意力"));
        assertThat(search.status()).isEqualTo(200);
        if (hostile != null) {
          RawHttp.Response listed = http.send("GET", "/api/articles?path=" + HostileInputs.encode(hostile));
          assertThat(listed.status()).as(listed.body()).isEqualTo(200);
          String id = JSON.readTree(listed.body()).path("articles").path(0).path("id").asText();
          RawHttp.Response article = http.send("GET", "/api/articles/" + id);
          assertThat(article.status()).as(article.body()).isEqualTo(200);
          JsonNode body = JSON.readTree(article.body());
          assertThat(MarkdownRendererFuzzTest.problems(body.path("html").asText())).isEmpty();
          for (String target : new String[] {"/api/articles/" + id, "/api/articles/" + id + "/related",
              "/api/graph?center=" + id}) {
            assertThat(http.send("GET", target).status()).as(target).isEqualTo(200);
          }
        }
      });
    } finally {
      handle[0].close();
    }
  }
}
