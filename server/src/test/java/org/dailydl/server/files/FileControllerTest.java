package org.dailydl.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.App;
import org.dailydl.server.HostileInputs;
import org.dailydl.server.RawHttp;
import org.dailydl.server.ServeCommand;
import org.dailydl.server.index.IndexHandle;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images of the content folder: served by type only, never sniffed, SVG sandboxed; articles point at them. */
class FileControllerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] PNG = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/kN2sWQAAAABJRU5ErkJggg==");
  private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
      + "<script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>";

  @TempDir Path temp;

  @Test
  void images_are_served_by_type_with_nosniff_and_svg_in_a_sandbox_and_nothing_else_is() throws Exception {
    Files.createDirectories(temp.resolve("content/深度学习/figures"));
    Path content = temp.resolve("content");
    Files.writeString(content.resolve("深度学习/CNN.md"), String.join("\n", "# 卷积神经网络", "",
        "![卷积核滑动](figures/卷积%20核.svg)", "", "![照片](./figures/photo.PNG)", "", "![外部](https://example.org/x.png)", "",
        "![缺失](figures/missing.png)", "", "![数据](figures/data.csv)", ""));
    Files.writeString(content.resolve("深度学习/figures/卷积 核.svg"), SVG);
    Files.write(content.resolve("深度学习/figures/photo.PNG"), PNG);
    for (String other : List.of("data.csv", "page.html", "script.js", "notes.md", "raw.svgz", "noext")) {
      Files.writeString(content.resolve("深度学习/figures/" + other), "<script>alert(1)</script>");
    }
    Files.createDirectories(content.resolve(".git"));
    Files.write(content.resolve(".git/logo.png"), PNG);
    try (IndexHandle handle = IndexHandle.open(content, temp.resolve("index"))) {
      JavalinTest.test(App.create(ServeCommand.features(handle, Glossary.forContent(content)), App.Settings.DEFAULT),
          (server, client) -> {
            RawHttp http = new RawHttp(server.port(), 15_000);
            String id = JSON.readTree(http.send("GET", "/api/articles?path=" + HostileInputs.encode("深度学习/CNN.md")).body())
                .get("articles").get(0).get("id").asText();
            String html = JSON.readTree(http.send("GET", "/api/articles/" + id).body()).get("html").asText();
            List<String> sources = Jsoup.parse(html).select("img").eachAttr("src");
            assertThat(sources).containsExactly("/files/%E6%B7%B1%E5%BA%A6%E5%AD%A6%E4%B9%A0/figures/%E5%8D%B7%E7%A7%AF%20%E6%A0%B8.svg",
                "/files/%E6%B7%B1%E5%BA%A6%E5%AD%A6%E4%B9%A0/figures/photo.PNG", "https://example.org/x.png",
                "/files/%E6%B7%B1%E5%BA%A6%E5%AD%A6%E4%B9%A0/figures/missing.png", "figures/data.csv");

            RawHttp.Response svg = http.send("GET", sources.get(0));
            assertThat(svg.status()).isEqualTo(200);
            assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
            assertThat(svg.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(svg.header("Content-Security-Policy")).contains("sandbox").contains("default-src 'none'")
                .doesNotContain("script-src");
            assertThat(svg.body()).isEqualTo(SVG);

            RawHttp.Response png = http.send("GET", sources.get(1));
            assertThat(png.status()).isEqualTo(200);
            assertThat(png.header("Content-Type")).isEqualTo("image/png");
            assertThat(png.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(png.header("Content-Security-Policy")).contains("sandbox");
            assertThat(png.header("ETag")).isNotBlank();
            HttpResponse<Void> unchanged = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + sources.get(1)))
                    .header("If-None-Match", png.header("ETag")).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(unchanged.statusCode()).isEqualTo(304);

            assertThat(http.send("GET", sources.get(3)).status()).isEqualTo(404);
            for (String other : List.of("data.csv", "page.html", "script.js", "notes.md", "raw.svgz", "noext")) {
              RawHttp.Response refused = http.send("GET", "/files/" + HostileInputs.encode("深度学习/figures/" + other));
              assertThat(refused.status()).as(other).isEqualTo(404);
              assertThat(refused.header("Content-Type")).as(other).startsWith("application/problem+json");
              assertThat(refused.body()).as(other).doesNotContain("<script>");
            }
            assertThat(http.send("GET", "/files/.git/logo.png").status()).isEqualTo(404);
            assertThat(http.send("GET", "/files/").status()).isIn(400, 404);
          });
    }
  }
}
