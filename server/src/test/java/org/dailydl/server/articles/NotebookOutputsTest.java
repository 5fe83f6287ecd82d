package org.dailydl.server.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.JavalinTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import okhttp3.Response;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.App;
import org.dailydl.server.ServeCommand;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.search.SearchRequest;
import org.dailydl.server.search.SearchService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notebook committed with its outputs is read with them: printed text, DataFrame tables
 * (cleaned to table markup) and figures (served by number), while search never sees them.
 */
class NotebookOutputsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A word only a cell's output contains, and one only its Markdown does. */
  private static final String OUTPUT_WORD = "独角兽输出词";
  private static final String MARKDOWN_WORD = "紫色麒麟";

  @TempDir static Path temp;
  static IndexHandle handle;
  static ArticleService articles;
  static byte[] png;

  @BeforeAll
  static void index() throws Exception {
    Path content = temp.resolve("content");
    Files.createDirectories(content);
    BufferedImage picture = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
    picture.setRGB(3, 2, 0xFF0000);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(picture, "png", bytes);
    png = bytes.toByteArray();
    Files.writeString(content.resolve("绘图.ipynb"), notebook(png), StandardCharsets.UTF_8);
    Files.writeString(content.resolve("普通.md"), "# 普通笔记\n\n没有输出。\n");
    handle = IndexHandle.open(content, temp.resolve("index"));
    articles = new ArticleService(handle);
  }

  @AfterAll
  static void close() throws Exception {
    handle.close();
  }

  /** A notebook with every kind of output, some of them hostile. */
  static String notebook(byte[] png) {
    ObjectNode nb = JSON.createObjectNode().put("nbformat", 4).put("nbformat_minor", 5);
    ArrayNode cells = nb.putArray("cells");
    cells.addObject().put("cell_type", "markdown").put("source", "# 绘图示例\n\n" + MARKDOWN_WORD + "：先打印，再画图。");
    ObjectNode code = cells.addObject().put("cell_type", "code").put("source", "print(42)\ndf\nplt.plot(x)");
    ArrayNode outputs = code.putArray("outputs");
    outputs.addObject().put("output_type", "stream").put("name", "stdout").putArray("text").add("结果 42 " + OUTPUT_WORD + "\n");
    outputs.addObject().put("output_type", "stream").put("name", "stdout").put("text", "<script>alert(1)</script>\n");
    outputs.addObject().put("output_type", "stream").put("name", "stderr").put("text", "UserWarning: 小心\n");
    ObjectNode table = outputs.addObject().put("output_type", "execute_result").put("execution_count", 2);
    table.putObject("data")
        .put("text/html", "<div><style scoped>.dataframe tbody tr th { color: red }</style>"
            + "<table border=\"1\" class=\"dataframe\" onclick=\"alert(2)\"><thead><tr><th>城市</th></tr></thead>"
            + "<tbody><tr><td style=\"x\">北京<script>alert(3)</script><img src=x onerror=alert(4)></td></tr></tbody></table>"
            + "<a href=\"javascript:alert(5)\">链接</a></div>")
        .put("text/plain", "   城市\n0  北京");
    ObjectNode figure = outputs.addObject().put("output_type", "display_data");
    figure.putObject("data").put("image/png", Base64.getMimeEncoder().encodeToString(png) + "\n")
        .put("text/plain", "<Figure size 640x480 with 1 Axes>");
    ObjectNode fake = outputs.addObject().put("output_type", "display_data");
    fake.putObject("data").put("image/png",
        Base64.getEncoder().encodeToString("<html><script>alert(6)</script>".getBytes(StandardCharsets.UTF_8)));
    ObjectNode error = outputs.addObject().put("output_type", "error").put("ename", "ValueError").put("evalue", "坏值");
    error.putArray("traceback").add("\u001b[0;31mValueError\u001b[0m: 坏值");
    cells.addObject().put("cell_type", "code").put("source", "x = 1").putArray("outputs");
    nb.putObject("metadata");
    return nb.toString();
  }

  static ArticleView.Full notebookArticle() throws Exception {
    return articles.byPath("绘图.ipynb").orElseThrow();
  }

  @Test
  void outputs_follow_their_cell_as_escaped_text_cleaned_tables_and_numbered_images() throws Exception {
    ArticleView.Full article = notebookArticle();
    Document html = Jsoup.parseBodyFragment(article.html());
    Element outputs = html.selectFirst(".nb-outputs");
    assertThat(outputs).isNotNull();
    assertThat(html.select(".nb-outputs")).as("the cell without outputs has none").hasSize(1);
    assertThat(article.html().indexOf("plt.plot")).isLessThan(article.html().indexOf("nb-outputs"));
    // printed text: both prints of stdout as one block, as text
    assertThat(outputs.select("pre.nb-output--stdout")).hasSize(1);
    assertThat(outputs.selectFirst("pre.nb-output--stdout").text()).contains("结果 42 " + OUTPUT_WORD)
        .contains("<script>alert(1)</script>");
    assertThat(outputs.selectFirst("pre.nb-output--stderr").text()).isEqualTo("UserWarning: 小心");
    // the DataFrame: a table with its cells and nothing else of the HTML
    Element table = outputs.selectFirst(".nb-output--html table");
    assertThat(table).isNotNull();
    assertThat(table.select("th").text()).isEqualTo("城市");
    assertThat(table.select("td").text()).isEqualTo("北京");
    assertThat(table.attributes().size()).isZero();
    assertThat(outputs.select("script, style, a, [onclick], [onerror], [style], .nb-output--html img")).isEmpty();
    assertThat(outputs.text()).doesNotContain(".dataframe tbody").doesNotContain("城市\n0");
    // the figure, by number; its text stand-in is not shown
    assertThat(outputs.select("img")).extracting(e -> e.attr("src"))
        .containsExactly(NotebookOutputHtml.imageUrl(article.id(), 0), NotebookOutputHtml.imageUrl(article.id(), 1));
    assertThat(outputs.text()).doesNotContain("<Figure size");
    assertThat(article.html()).doesNotContain(Base64.getEncoder().encodeToString(png).substring(0, 24));
    // the error, without terminal colour codes
    assertThat(outputs.selectFirst("pre.nb-output--error").text()).isEqualTo("ValueError: 坏值");
    // the headings are the index's: the outputs add none
    assertThat(article.toc()).extracting(MarkdownRenderer.TocEntry::text).containsExactly("绘图示例");
  }

  @Test
  void an_image_output_is_served_with_its_type_and_only_when_its_bytes_are_that_image() throws Exception {
    String id = notebookArticle().id();
    String markdownId = articles.byPath("普通.md").orElseThrow().id();
    JavalinTest.test(App.create(ServeCommand.features(handle, Glossary.builtIn()), App.Settings.DEFAULT), (server, client) -> {
      Response image = client.get("/articles/" + id + "/outputs/0");
      assertThat(image.code()).isEqualTo(200);
      assertThat(image.header("Content-Type")).isEqualTo("image/png");
      assertThat(image.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(image.body().bytes()).isEqualTo(png);
      String etag = image.header("ETag");
      assertThat(client.get("/articles/" + id + "/outputs/0", r -> r.header("If-None-Match", etag)).code()).isEqualTo(304);
      // an "image/png" that is HTML, an image that does not exist, an article that is no notebook
      for (String path : List.of("/articles/" + id + "/outputs/1", "/articles/" + id + "/outputs/2",
          "/articles/" + markdownId + "/outputs/0", "/articles/no-such/outputs/0")) {
        Response refused = client.get(path);
        assertThat(refused.code()).as(path).isEqualTo(404);
        assertThat(refused.header("Content-Type")).as(path).startsWith("application/problem+json");
      }
      for (String n : List.of("-1", "x", "99999999999")) {
        assertThat(client.get("/articles/" + id + "/outputs/" + n).code()).as(n).isEqualTo(400);
      }
    });
  }

  @Test
  void a_word_that_appears_only_in_an_output_is_not_found_by_search() throws Exception {
    SearchService search = SearchService.create(handle, Glossary.builtIn());
    assertThat(search.search(SearchRequest.of(MARKDOWN_WORD)).hits()).extracting(h -> h.path()).containsExactly("绘图.ipynb");
    assertThat(search.search(SearchRequest.of(OUTPUT_WORD)).hits()).isEmpty();
    assertThat(search.search(SearchRequest.of("UserWarning")).hits()).isEmpty();
    // the code of the cell is searchable, its outputs are not
    assertThat(search.search(SearchRequest.of("plt.plot")).hits()).extracting(h -> h.path()).containsExactly("绘图.ipynb");
  }
}
