package org.dailydl.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.index.IndexHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content folder is a boundary for everything the server reads: symbolic links inside it that
 * lead out (to /etc, to a file renamed .md, to a parent folder) are never indexed, searched,
 * rendered or served, and no spelling of a path — {@code ..}, absolute, URL-encoded once or twice —
 * reaches a file outside it through the article, related or file routes.
 */
class ContentBoundaryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "hunter2";

  @TempDir Path temp;

  private Path contentWithOutwardLinks() throws IOException {
    Path content = Files.createDirectories(temp.resolve("content"));
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "# 机密\n\n口令 " + SECRET + "\n");
    Files.writeString(outside.resolve("secret.md"), "# 机密笔记\n\n口令 " + SECRET + "\n");
    Files.writeString(outside.resolve("secret.png"), SECRET);
    Files.writeString(outside.resolve("secret.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>" + SECRET + "</text></svg>");
    Files.createDirectories(content.resolve("notes/figures"));
    Files.writeString(content.resolve("notes/a.md"), "# 梯度下降\n\n见 [乙](b.md)。\n\n![曲线](figures/plot.svg)\n");
    Files.writeString(content.resolve("notes/b.md"), "# 学习率\n\n学习率决定步长。\n");
    Files.writeString(content.resolve("notes/figures/plot.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    Files.createSymbolicLink(content.resolve("etc"), Path.of("/etc"));
    Files.createSymbolicLink(content.resolve("leak.md"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(content.resolve("notes/secret.md"), Path.of("../../outside/secret.md"));
    Files.createSymbolicLink(content.resolve("up"), Path.of(".."));
    Files.createSymbolicLink(content.resolve("pics"), outside);
    Files.createSymbolicLink(content.resolve("notes/figures/outside.png"), outside.resolve("secret.png"));
    Files.createSymbolicLink(content.resolve("notes/figures/outside.svg"), outside.resolve("secret.svg"));
    return content;
  }

  @Test
  void outward_links_are_not_indexed_searched_or_rendered() throws Exception {
    Path content = contentWithOutwardLinks();
    try (IndexHandle handle = IndexHandle.open(content, temp.resolve("index"))) {
      assertThat(handle.lastReport().articles()).isEqualTo(2);
      assertThat(handle.lastReport().skipped()).extracting(p -> p.path())
          .contains("etc", "leak.md", "notes/secret.md", "up", "pics");
      JavalinTest.test(App.create(ServeCommand.features(handle, Glossary.forContent(content)), App.Settings.DEFAULT),
          (server, client) -> {
            RawHttp http = new RawHttp(server.port(), 15_000);
            for (String q : List.of(SECRET, "机密", "口令")) {
              RawHttp.Response search = http.send("GET", "/api/search?q=" + HostileInputs.encode(q));
              assertThat(search.status()).isEqualTo(200);
              JsonNode result = JSON.readTree(search.body());
              assertThat(result.get("total").asInt()).as(q).isZero();
              assertThat(result.get("hits").toString()).doesNotContain(SECRET);
            }
            for (String path : List.of("leak.md", "notes/secret.md", "up/outside/secret.md", "pics/secret.md")) {
              assertRefused(http, "/api/articles?path=" + HostileInputs.encode(path), 404);
              assertRefused(http, "/api/related?path=" + HostileInputs.encode(path), 404);
            }
            assertThat(http.send("GET", "/api/articles").body()).doesNotContain("secret").doesNotContain("机密");

            // an indexed note that later becomes a link to outside is not rendered (before the next update)
            Files.delete(content.resolve("notes/b.md"));
            Files.createSymbolicLink(content.resolve("notes/b.md"), temp.resolve("outside/secret.md"));
            String id = JSON.readTree(http.send("GET", "/api/articles?path=" + HostileInputs.encode("notes/b.md")).body())
                .get("articles").get(0).get("id").asText();
            assertRefused(http, "/api/articles/" + id, 404);
            handle.reindex(false);
            assertThat(JSON.readTree(http.send("GET", "/api/search?q=" + SECRET).body()).get("total").asInt()).isZero();
            assertRefused(http, "/api/related?path=" + HostileInputs.encode("notes/b.md"), 404);
          });
    }
  }

  @Test
  void no_spelling_of_a_path_reaches_outside_through_articles_related_or_files() throws Exception {
    Path content = contentWithOutwardLinks();
    try (IndexHandle handle = IndexHandle.open(content, temp.resolve("index"))) {
      JavalinTest.test(App.create(ServeCommand.features(handle, Glossary.forContent(content)), App.Settings.DEFAULT),
          (server, client) -> {
            RawHttp http = new RawHttp(server.port(), 15_000);
            String outsideMd = temp.resolve("outside/secret.md").toString();
            // ../, absolute, encoded once (%2e%2e%2f) and twice (%252e%252e%252f)
            List<String> values = List.of("../outside/secret.md", "notes/../../outside/secret.md", outsideMd,
                "%2e%2e%2foutside%2fsecret.md", "%2E%2E/outside/secret.md", "..%5coutside%5csecret.md");
            for (String route : List.of("/api/articles?path=", "/api/related?path=")) {
              for (String value : values) {
                assertRefused(http, route + HostileInputs.encode(value), 400);
              }
              assertRefused(http, route + "..%2Foutside%2Fsecret.md", 400);
              assertRefused(http, route + "%252e%252e%252Foutside%252Fsecret.md", 400);
              assertRefused(http, route + "%2Fetc%2Fpasswd", 400);
            }
            for (String target : List.of("/files/notes/figures/outside.png", "/files/notes/figures/outside.svg",
                "/files/pics/secret.png", "/files/up/outside/secret.png", "/files/etc/hostname",
                "/files/%252e%252e/outside/secret.png", "/files/notes/%252e%252e/%252e%252e/outside/secret.png")) {
              assertRefused(http, target, 404);
            }
            for (String target : List.of("/files/../outside/secret.png", "/files/notes/../../outside/secret.png",
                "/files/%2e%2e/outside/secret.png", "/files/..%2Foutside%2Fsecret.png", "/files/%2e%2e%2foutside%2fsecret.svg",
                "/files//" + temp.resolve("outside/secret.png"), "/files/" + HostileInputs.encode(outsideMd.replace(".md", ".png")),
                "/files/..%5coutside%5csecret.png", "/files/notes%2f..%2f..%2foutside%2fsecret.png")) {
              RawHttp.Response response = http.send("GET", target);
              assertThat(response.status()).as(target).isIn(400, 404);
              assertThat(response.body()).as(target).doesNotContain(SECRET).startsWith("{\"type\":\"about:blank\"");
            }
            RawHttp.Response inside = http.send("GET", "/files/notes/figures/plot.svg");
            assertThat(inside.status()).isEqualTo(200);
          });
    }
  }

  private static void assertRefused(RawHttp http, String target, int status) throws IOException {
    RawHttp.Response response = http.send("GET", target);
    assertThat(response.status()).as(target + " → " + response.body()).isEqualTo(status);
    assertThat(response.body()).as(target).doesNotContain(SECRET).doesNotContain("机密");
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.get("status").asInt()).isEqualTo(status);
    assertThat(error.get("detail").asText()).isNotBlank();
  }
}
