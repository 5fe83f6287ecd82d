package org.dailydl.server.branding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.dailydl.server.OpenApiContract;
import org.dailydl.indexer.Fixtures;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.App;
import org.dailydl.server.HostileInputs;
import org.dailydl.server.RawHttp;
import org.dailydl.server.ServeCommand;
import org.dailydl.server.index.IndexHandle;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another author's folder is served as its own site: its name, examples and categories, never ours. */
class SiteControllerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> OURS = List.of("Daily-DeepLearning", "深度学习知识库", "每天一点", "自注意力",
      "attention mask", "梯度下降", "卷积神经网络");

  @TempDir Path temp;

  private static JsonNode json(RawHttp http, String target) throws Exception {
    RawHttp.Response response = http.send("GET", target);
    assertThat(response.status()).as(target + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void a_folder_without_settings_is_named_and_offered_from_itself_and_its_root_notes_are_a_category() throws Exception {
    Path content = Fixtures.copyOfForeignNotes(temp.resolve("notes"));
    try (IndexHandle handle = IndexHandle.open(content, temp.resolve("index"))) {
      OpenApiContract.test(App.create(ServeCommand.features(handle, Glossary.forContent(content)), App.Settings.DEFAULT),
          (server, client) -> {
            RawHttp http = new RawHttp(server.port(), 15_000);
            JsonNode site = json(http, "/api/site");
            assertThat(site.get("title").asText()).isEqualTo("小林的算法笔记");
            assertThat(site.get("tagline").isNull()).isTrue();
            assertThat(site.get("home").asText()).isEqualTo("README.md");
            assertThat(site.get("language").asText()).isEqualTo("zh-CN");
            List<String> examples = JSON.convertValue(site.get("examples"), List.class);
            assertThat(examples).isNotEmpty().startsWith("排序").doesNotContainAnyElementsOf(OURS);
            assertThat(site.get("categories").findValuesAsText("label")).containsExactly("动态规划", "图论", "排序", "根目录");

            // /api/categories: the three notes at the top count, under their own label, in the site's order
            JsonNode categories = json(http, "/api/categories");
            assertThat(categories.findValuesAsText("name")).containsExactly("动态规划", "图论", "排序", "");
            assertThat(categories.get(3).get("label").asText()).isEqualTo("根目录");
            assertThat(categories.get(3).get("count").asInt()).isEqualTo(3);
            int total = 0;
            for (JsonNode c : categories) {
              total += c.get("count").asInt();
            }
            assertThat(total).isEqualTo(10);
            // category=/ selects them, in lists and in search
            assertThat(json(http, "/api/articles?category=/").findValuesAsText("path"))
                .containsExactlyInAnyOrder("README.md", "刷题计划.md", "复杂度分析.md");
            JsonNode hits = json(http, "/api/search?category=%2F&q=" + HostileInputs.encode("复杂度")).get("hits");
            assertThat(hits).isNotEmpty();
            assertThat(hits.findValuesAsText("category")).containsOnly("");

            // the page: the folder's name everywhere, none of ours
            RawHttp.Response page = http.send("GET", "/");
            Document doc = Jsoup.parse(page.body());
            assertThat(doc.title()).isEqualTo("小林的算法笔记");
            assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
            assertThat(doc.select(".brand__name").text()).isEqualTo("小林的算法笔记");
            assertThat(doc.selectFirst("meta[name=description]").attr("content")).isEqualTo("小林的算法笔记");
            assertThat(doc.getElementById("q").attr("placeholder")).startsWith("搜索：排序、");
            JsonNode embedded = JSON.readTree(doc.getElementById(SitePage.DATA_ID).data());
            assertThat(embedded).isEqualTo(site);
            for (String ours : OURS) {
              assertThat(page.body()).as(ours).doesNotContain(ours);
            }
            assertThat(doc.select("script:not([src])")).allSatisfy(s -> assertThat(s.attr("type")).isEqualTo("application/json"));
          });
    }
  }

  @Test
  void dailydl_yml_sets_the_site_and_edits_show_without_a_restart() throws Exception {
    Path content = Fixtures.copyOfForeignNotes(temp.resolve("notes"));
    Path config = content.resolve("dailydl.yml");
    Files.writeString(config, String.join("\n", "title: 算法小站", "subtitle: 题解", "tagline: 刷题，每天一道",
        "examples: [二分查找, \"</script><script>alert(1)</script>\"]", "categories:", "  排序: 排序算法", "  /: 总览",
        "home: 刷题计划.md", "language: en", "colour: blue", ""));
    try (IndexHandle handle = IndexHandle.open(content, temp.resolve("index"))) {
      OpenApiContract.test(App.create(ServeCommand.features(handle, Glossary.forContent(content)), App.Settings.DEFAULT),
          (server, client) -> {
            RawHttp http = new RawHttp(server.port(), 15_000);
            JsonNode site = json(http, "/api/site");
            assertThat(site.get("title").asText()).isEqualTo("算法小站");
            assertThat(site.get("tagline").asText()).isEqualTo("刷题，每天一道");
            assertThat(site.get("home").asText()).isEqualTo("刷题计划.md");
            assertThat(site.get("examples").get(0).asText()).isEqualTo("二分查找");
            assertThat(json(http, "/api/categories").findValuesAsText("label"))
                .containsExactly("排序算法", "总览", "动态规划", "图论");
            Document doc = Jsoup.parse(http.send("GET", "/search?q=x").body());
            assertThat(doc.title()).isEqualTo("算法小站 · 题解");
            assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("en");
            assertThat(doc.select("[data-site=subtitle]").text()).isEqualTo("题解");
            // a query in the settings cannot close the data element and inject a script
            assertThat(doc.select("script:not([src])")).hasSize(1);
            assertThat(JSON.readTree(doc.getElementById(SitePage.DATA_ID).data()).get("examples").get(1).asText())
                .isEqualTo("</script><script>alert(1)</script>");

            Files.writeString(config, "title: 改名以后\n");
            Files.setLastModifiedTime(config, FileTime.fromMillis(System.currentTimeMillis() + 5000));
            assertThat(json(http, "/api/site").get("title").asText()).isEqualTo("改名以后");
            assertThat(Jsoup.parse(http.send("GET", "/").body()).title()).isEqualTo("改名以后");

            Files.writeString(config, "title: [坏, 值\n");
            Files.setLastModifiedTime(config, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
            assertThat(json(http, "/api/site").get("title").asText()).isEqualTo("小林的算法笔记");
          });
    }
  }
}
