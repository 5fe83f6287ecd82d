package org.dailydl.indexer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.dailydl.indexer.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteTest {
  @TempDir Path temp;

  private static final List<String> FOREIGN_TITLES = List.of("小林的算法笔记", "刷题计划", "复杂度分析", "背包问题",
      "最长公共子序列", "BFS 广度优先搜索", "Dijkstra 最短路径", "堆排序", "归并排序", "快速排序");

  @Test
  void a_folder_without_settings_is_named_by_its_readme_and_its_own_titles() {
    Site site = Site.resolve(SiteConfig.NONE, Fixtures.foreignNotes(), Set.of("", "排序", "动态规划", "图论"), FOREIGN_TITLES);
    assertThat(site.title()).isEqualTo("小林的算法笔记");
    assertThat(site.tagline()).isNull();
    assertThat(site.home()).isEqualTo("README.md");
    assertThat(site.language()).isEqualTo("zh-CN");
    // folders by name with their names as labels, the notes at the top last
    assertThat(site.categories()).containsExactly(new Site.Category("动态规划", "动态规划"),
        new Site.Category("图论", "图论"), new Site.Category("排序", "排序"), new Site.Category("", "根目录"));
    // the word most titles share first, then the most specific, as written; nothing of ours, nor the site's name
    assertThat(site.examples()).hasSize(SiteDefaults.EXAMPLES).startsWith("排序", "Dijkstra", "BFS")
        .doesNotContain("自注意力", "attention mask", "KNN", "梯度下降", "小林", "算法");
  }

  @Test
  void settings_win_and_configured_categories_come_first() {
    SiteConfig config = new SiteConfig("算法", null, "每天一道", null, List.of("二分查找"),
        List.of(new Site.Category("图论", "图与搜索"), new Site.Category("", "总览"), new Site.Category("已删除", "x")),
        "刷题计划.md", "en");
    Site site = Site.resolve(config, Fixtures.foreignNotes(), Set.of("", "排序", "图论"), FOREIGN_TITLES);
    assertThat(site.title()).isEqualTo("算法");
    assertThat(site.tagline()).isEqualTo("每天一道");
    assertThat(site.examples()).containsExactly("二分查找");
    assertThat(site.categories()).containsExactly(new Site.Category("图论", "图与搜索"), new Site.Category("", "总览"),
        new Site.Category("排序", "排序"));
    assertThat(site.labelOf("")).isEqualTo("总览");
    assertThat(site.labelOf("排序")).isEqualTo("排序");
    assertThat(site.home()).isEqualTo("刷题计划.md");
    assertThat(site.language()).isEqualTo("en");
  }

  @Test
  void a_readme_of_sections_has_no_title_and_emoji_codes_are_left_out() throws IOException {
    Path sections = Files.createDirectories(temp.resolve("CS-Notes"));
    Files.writeString(sections.resolve("README.md"), "## :pencil2: 算法\n\n- a\n\n## :computer: 操作系统\n\n### 进程\n");
    assertThat(SiteDefaults.title(sections)).isEqualTo("CS-Notes");

    Path one = Files.createDirectories(temp.resolve("python"));
    Files.writeString(one.resolve("README.md"), "## :books: Python - 100天\n\n### Day01\n\n### Day02\n\n#### 小节\n");
    assertThat(SiteDefaults.title(one)).isEqualTo("Python - 100天");

    Path clock = Files.createDirectories(temp.resolve("clock"));
    Files.writeString(clock.resolve("README.md"), "# 10:30:00 的 std::vector 笔记\n\n## 一\n");
    assertThat(SiteDefaults.title(clock)).isEqualTo("10:30:00 的 std::vector 笔记");
  }

  @Test
  void a_folder_without_readme_is_named_after_itself_and_example_words_keep_their_spelling() throws IOException {
    Path content = Files.createDirectories(temp.resolve("my-notes"));
    Files.writeString(content.resolve("a.md"), "# PyTorch 张量\n");
    Site site = Site.resolve(SiteConfig.NONE, content, Set.of(""),
        List.of("PyTorch 张量", "PyTorch 自动求导", "Day01", "第 3 章 笔记", "张量的广播"));
    assertThat(site.title()).isEqualTo("my-notes");
    assertThat(site.home()).isNull();
    assertThat(site.examples()).startsWith("PyTorch").contains("广播").doesNotContain("day01", "Day01", "笔记", "3", "的");
  }
}
