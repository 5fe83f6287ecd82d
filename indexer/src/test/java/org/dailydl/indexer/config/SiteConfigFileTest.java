package org.dailydl.indexer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dailydl.indexer.Fixtures;
import org.dailydl.indexer.collection.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteConfigFileTest {
  @TempDir Path temp;

  private SiteConfigFile.Loaded read(String yaml) throws IOException {
    Path content = Fixtures.copyOfForeignNotes(temp.resolve("notes"));
    Files.writeString(content.resolve(SiteConfigFile.NAME), yaml);
    return SiteConfigFile.read(content);
  }

  private static List<String> warnings(SiteConfigFile.Loaded loaded) {
    return loaded.warnings().stream().map(p -> p.line() + ": " + p.message()).toList();
  }

  @Test
  void every_setting_is_read_in_order() throws IOException {
    SiteConfigFile.Loaded loaded = read(String.join("\n",
        "# 我的站点", "title: 小林的算法笔记", "subtitle: 算法题解", "tagline: 每天一道题", "description: 面试前整理的算法题解。",
        "examples: [快速排序, 背包问题, BFS]", "categories:", "  图论: 图论与搜索", "  排序:", "  /: 总览",
        "home: 刷题计划.md", "language: zh-cn", ""));
    assertThat(loaded.present()).isTrue();
    assertThat(loaded.warnings()).isEmpty();
    SiteConfig c = loaded.config();
    assertThat(c.title()).isEqualTo("小林的算法笔记");
    assertThat(c.subtitle()).isEqualTo("算法题解");
    assertThat(c.tagline()).isEqualTo("每天一道题");
    assertThat(c.description()).isEqualTo("面试前整理的算法题解。");
    assertThat(c.examples()).containsExactly("快速排序", "背包问题", "BFS");
    assertThat(c.categories()).containsExactly(new Site.Category("图论", "图论与搜索"), new Site.Category("排序", null),
        new Site.Category("", "总览"));
    assertThat(c.home()).isEqualTo("刷题计划.md");
    assertThat(c.language()).isEqualTo("zh-CN");
  }

  @Test
  void unknown_keys_and_bad_values_are_warnings_with_lines_and_fall_back() throws IOException {
    SiteConfigFile.Loaded loaded = read(String.join("\n",
        "tittle: 拼错了",                       // 1
        "title: [不是, 文本]",                   // 2
        "examples: 快速排序",                   // 3
        "categories:",                         // 4
        "  排序: 排序算法",
        "  数论: 不存在的文件夹",
        "home: ../outside.md",                 // 7
        "language: 中文",                       // 8
        "tagline: " + "长".repeat(300),         // 9
        "theme: dark",                         // 10
        "title: 第二次",                        // 11
        ""));
    assertThat(warnings(loaded)).containsExactly(
        "1: unknown key 'tittle' (did you mean 'title'?); known keys: title, subtitle, tagline, description, examples, categories, home, language",
        "2: 'title' must be text, not a list; ignored",
        "3: 'examples' should be a list ([a, b] or lines starting with '- '); read as one example",
        "4: 'categories': no folder '数论' at the top of the content folder (did you mean '图论'?)",
        "7: 'home': no article '../outside.md' in the content folder (a path like README.md); ignored",
        "8: 'language': '中文' is not a language tag like zh-CN or en; ignored",
        "9: 'tagline' is longer than 200 characters; ignored",
        "10: unknown key 'theme'; known keys: title, subtitle, tagline, description, examples, categories, home, language",
        "11: 'title' is given twice; the last one counts");
    assertThat(loaded.warnings()).allSatisfy(p -> {
      assertThat(p.path()).isEqualTo("dailydl.yml");
      assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
    });
    SiteConfig c = loaded.config();
    assertThat(c.title()).isEqualTo("第二次");
    assertThat(c.examples()).containsExactly("快速排序");
    assertThat(c.categories()).containsExactly(new Site.Category("排序", "排序算法"));
    assertThat(c.home()).isNull();
    assertThat(c.language()).isNull();
    assertThat(c.tagline()).isNull();
  }

  @Test
  void yaml_that_does_not_parse_or_is_not_a_mapping_is_a_warning_never_a_crash() throws IOException {
    SiteConfigFile.Loaded broken = read("title: 好的\nexamples: [未闭合\nhome: README.md\n");
    assertThat(broken.warnings()).hasSize(1);
    assertThat(broken.warnings().get(0).message()).startsWith("not valid YAML");
    assertThat(broken.warnings().get(0).line()).isPositive();
    assertThat(broken.config().title()).isEqualTo("好的");

    assertThat(warnings(read("- 只是\n- 一个列表\n"))).containsExactly(
        "1: not read: expected lines of key: value (title: …, examples: …)");
    assertThat(read("").warnings()).isEmpty();
    assertThat(read("# 只有注释\n").config()).isEqualTo(SiteConfig.NONE);
    assertThat(warnings(read("\u0000\u0001 binary"))).hasSize(1);
    // a billion laughs stops at the alias limit
    StringBuilder bomb = new StringBuilder("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char p = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
          .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
    }
    assertThat(read(bomb.toString()).warnings()).isNotEmpty();
  }

  @Test
  void a_folder_without_the_file_has_no_settings_and_no_warnings() {
    SiteConfigFile.Loaded loaded = SiteConfigFile.read(Fixtures.foreignNotes());
    assertThat(loaded.present()).isFalse();
    assertThat(loaded.config()).isEqualTo(SiteConfig.NONE);
    assertThat(loaded.warnings()).isEmpty();
  }

  @Test
  void a_config_file_that_links_out_of_the_folder_is_not_read() throws IOException {
    Path content = Fixtures.copyOfForeignNotes(temp.resolve("notes"));
    Path outside = Files.writeString(temp.resolve("elsewhere.yml"), "title: 别人的标题\n");
    Files.createSymbolicLink(content.resolve(SiteConfigFile.NAME), outside);
    SiteConfigFile.Loaded loaded = SiteConfigFile.read(content);
    assertThat(loaded.config().title()).isNull();
    assertThat(warnings(loaded)).containsExactly("0: not read: not a file inside the content folder");
  }
}
