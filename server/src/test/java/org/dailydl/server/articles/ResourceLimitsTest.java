package org.dailydl.server.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dailydl.indexer.Fixtures;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.indexer.collection.Problem;
import org.dailydl.server.App;
import org.dailydl.server.HostileInputs;
import org.dailydl.server.RawHttp;
import org.dailydl.server.ServeCommand;
import org.dailydl.server.index.IndexHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs at the edge of what a notes folder holds: each is indexed and served, or refused with a
 * warning for that file, and never costs the process (no OutOfMemoryError, no StackOverflowError,
 * no 500). Their time and memory are measured by benchmarks/scripts/resource-limits.sh.
 */
class ResourceLimitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  @Test
  void a_single_line_chinese_file_of_4_9_mb_is_indexed_and_served() throws Exception {
    StringBuilder line = new StringBuilder("# 长文\n\n");
    String sentence = "注意力机制让模型关注序列中的重要位置，卷积网络提取局部特征。";
    while (line.length() * 3 < 4_900_000) {
      line.append(sentence);
    }
    assertIndexedOrWarned("长文.md", line.toString());
  }

  @Test
  void a_hundred_thousand_headings_are_indexed_or_warned() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      text.append("## 标题 ").append(i).append("\n");
    }
    assertIndexedOrWarned("标题.md", text.toString());
  }

  @Test
  void fifty_thousand_links_are_indexed_or_warned() throws Exception {
    StringBuilder text = new StringBuilder("# 链接\n\n");
    for (int i = 0; i < 50_000; i++) {
      text.append("[第").append(i).append("篇](../深度学习/CNN.md) ");
    }
    assertIndexedOrWarned("链接.md", text.toString());
  }

  @Test
  void lists_nested_ten_thousand_deep_do_not_overflow_the_stack() throws Exception {
    // ten thousand levels of indentation are 100 MB: over the size limit, left out with a warning
    StringBuilder text = new StringBuilder("# 列表\n\n");
    for (int i = 0; i < 10_000; i++) {
      text.append("  ".repeat(i)).append("- 层 ").append(i).append('\n');
    }
    assertIndexedOrWarned("列表.md", text.toString());
  }

  @Test
  void list_markers_nested_ten_thousand_deep_on_one_line_are_served() throws Exception {
    // the same depth in 20 KB: "- - - … x" opens a list inside a list at every marker
    assertServed("列表.md", "# 列表\n\n" + "- ".repeat(10_000) + "最深处\n");
    assertServed("有序.md", "# 有序\n\n" + "1. ".repeat(10_000) + "最深处\n");
    assertServed("混合.md", "# 混合\n\n" + "> - ".repeat(5_000) + "最深处\n");
  }

  @Test
  void blockquotes_nested_ten_thousand_deep_do_not_overflow_the_stack() throws Exception {
    assertIndexedOrWarned("引用.md", "# 引用\n\n" + ">".repeat(10_000) + " 最深处的话\n");
  }

  @Test
  void emphasis_and_brackets_nested_ten_thousand_deep_do_not_overflow_the_stack() throws Exception {
    assertIndexedOrWarned("括号.md", "# 括号\n\n" + "*[".repeat(10_000) + "中间" + "]*".repeat(10_000) + "\n");
  }

  @Test
  void a_notebook_of_a_hundred_thousand_cells_is_indexed_or_warned() throws Exception {
    StringBuilder notebook = new StringBuilder("{\"cells\": [");
    for (int i = 0; i < 100_000; i++) {
      notebook.append(i == 0 ? "" : ",").append("{\"cell_type\": \"markdown\", \"source\": [\"第 ").append(i)
          .append(" 格\"]}");
    }
    notebook.append("], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
    assertIndexedOrWarned("大笔记本.ipynb", notebook.toString());
  }

  @Test
  void a_256_character_query_of_distinct_glossary_terms_answers_or_is_refused_with_400() throws Exception {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    Glossary glossary = Glossary.forContent(content);
    StringBuilder query = new StringBuilder();
    for (String term : GlossaryTerms.distinct(glossary)) {
      if (query.length() + term.length() + 1 > 256) {
        break;
      }
      query.append(query.length() == 0 ? "" : " ").append(term);
    }
    assertThat(query.length()).isGreaterThan(200);
    try (IndexHandle handle = IndexHandle.open(content, temp.resolve("index"))) {
      JavalinTest.test(App.create(ServeCommand.features(handle, glossary), App.Settings.DEFAULT), (server, client) -> {
        RawHttp.Response response = new RawHttp(server.port(), 30_000).send("GET",
            "/api/search?q=" + HostileInputs.encode(query.toString()));
        assertThat(response.status()).as(response.body()).isIn(200, 400);
      });
    }
  }

  @Test
  void the_depth_2_neighbourhood_of_a_hub_answers() throws Exception {
    StringBuilder hub = new StringBuilder("# 目录\n\n");
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    Path many = Files.createDirectories(content.resolve("很多"));
    for (int i = 0; i < 2_000; i++) {
      Files.writeString(many.resolve("笔记" + i + ".md"), "# 笔记 " + i + "\n\n见 [目录](../目录.md) 和 [下一篇](笔记"
          + (i + 1) + ".md)。梯度下降。\n");
      hub.append("- [笔记 ").append(i).append("](很多/笔记").append(i).append(".md)\n");
    }
    Files.writeString(content.resolve("目录.md"), hub.toString());
    try (IndexHandle handle = IndexHandle.open(content, temp.resolve("index"))) {
      JavalinTest.test(App.create(ServeCommand.features(handle, Glossary.forContent(content)), App.Settings.DEFAULT),
          (server, client) -> {
            RawHttp http = new RawHttp(server.port(), 60_000);
            String id = JSON.readTree(http.send("GET", "/api/articles?path=" + HostileInputs.encode("目录.md")).body())
                .get("articles").get(0).get("id").asText();
            RawHttp.Response graph = http.send("GET", "/api/graph?depth=2&center=" + id);
            assertThat(graph.status()).as(graph.body()).isEqualTo(200);
            assertThat(JSON.readTree(graph.body()).get("nodes").size()).isBetween(2, 2_000);
          });
    }
  }

  /** Indexes the fixture corpus plus {@code text} at {@code path}: served (200) or skipped with a warning. */
  private void assertIndexedOrWarned(String path, String text) throws Exception {
    check(path, text, false);
  }

  /** The same, and the file must be indexed and served. */
  private void assertServed(String path, String text) throws Exception {
    check(path, text, true);
  }

  private void check(String path, String text, boolean mustServe) throws Exception {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content-" + Math.abs(path.hashCode())));
    Files.writeString(content.resolve(path), text, StandardCharsets.UTF_8);
    try (IndexHandle handle = IndexHandle.open(content, temp.resolve("index-" + Math.abs(path.hashCode())))) {
      List<Problem> problems = handle.lastReport().problems();
      boolean warned = problems.stream().anyMatch(p -> p.path().equals(path));
      JavalinTest.test(App.create(ServeCommand.features(handle, Glossary.forContent(content)), App.Settings.DEFAULT),
          (server, client) -> {
            RawHttp http = new RawHttp(server.port(), 60_000);
            assertThat(http.send("GET", "/api/search?q=" + HostileInputs.encode("注意力")).status()).isEqualTo(200);
            RawHttp.Response article = http.send("GET", "/api/articles?path=" + HostileInputs.encode(path));
            if (article.status() == 404 && !mustServe) {
              assertThat(warned).as(path + " is left out only with a warning: " + problems).isTrue();
              return;
            }
            assertThat(article.status()).as(article.body()).isEqualTo(200);
            JsonNode found = JSON.readTree(article.body()).get("articles");
            assertThat(found.size()).as(article.body()).isEqualTo(1);
            String id = found.get(0).get("id").asText();
            for (String target : new String[] {"/api/articles/" + id, "/api/articles/" + id + "/related",
                "/api/graph?center=" + id}) {
              assertThat(http.send("GET", target).status()).as(target).isEqualTo(200);
            }
          });
    }
  }

  /** Glossary terms, each one once, for a long query that expands to many spellings. */
  private static final class GlossaryTerms {
    /** One spelling of each concept, Chinese first (a concept's spellings all join the query). */
    static List<String> distinct(Glossary glossary) {
      java.util.Set<String> concepts = new java.util.HashSet<>();
      return glossary.terms().stream().filter(t -> t.length() >= 2 && !t.contains(" "))
          .sorted(java.util.Comparator.comparing((String t) -> t.codePointAt(0) < 0x3000))
          .filter(t -> concepts.add(glossary.canonical(t))).toList();
    }
  }
}
