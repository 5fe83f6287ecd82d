package org.dailydl.server.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dailydl.server.SharedCorpus;
import org.dailydl.server.index.IndexHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Reading order on notes shaped like other people's: numbered files and tables of contents. */
class SeriesTest {
  @RegisterExtension static final SharedCorpus corpus = SharedCorpus.thirdParty();
  @TempDir Path temp;

  /** The path of the previous and next note of {@code path}, "-" at either end. */
  private static String neighbours(CorpusSnapshot snapshot, String path) {
    String id = snapshot.catalog().byPath(path).orElseThrow().id();
    Series.Neighbours n = snapshot.series().of(id).orElseThrow(() -> new AssertionError(path + " has no neighbours"));
    return pathOf(snapshot, n.previous()) + " < " + path + " > " + pathOf(snapshot, n.next());
  }

  private static String pathOf(CorpusSnapshot snapshot, String id) {
    return id == null ? "-" : snapshot.catalog().byId(id).orElseThrow().path();
  }

  @Test
  void numbered_notes_follow_their_numbers_whatever_the_case_of_the_prefix() throws Exception {
    try (IndexHandle.Lease lease = corpus.handle().acquire()) {
      CorpusSnapshot s = lease.corpus();
      assertThat(neighbours(s, "Python/Day01.md")).isEqualTo("- < Python/Day01.md > Python/Day02.md");
      assertThat(neighbours(s, "Python/Day03.md")).isEqualTo("Python/Day02.md < Python/Day03.md > Python/Day04.md");
      assertThat(neighbours(s, "Python/Day04.md")).isEqualTo("Python/Day03.md < Python/Day04.md > -");
      assertThat(neighbours(s, "offer/day02.md")).isEqualTo("offer/day01.md < offer/day02.md > offer/day03.md");
      assertThat(neighbours(s, "ml/2.md")).isEqualTo("ml/1.md < ml/2.md > ml/3.md");
      String day03 = s.catalog().byPath("Python/Day03.md").orElseThrow().id();
      String day04 = s.catalog().byPath("Python/Day04.md").orElseThrow().id();
      assertThat(s.series().isNext(day03, day04)).isTrue();
      assertThat(s.series().isPrevious(day04, day03)).isTrue();
      assertThat(s.series().isNext(day04, day03)).isFalse();
      assertThat(s.series().of(s.catalog().byPath("README.md").orElseThrow().id())).isEmpty();
    }
  }

  @Test
  void numbers_are_read_from_the_ways_people_name_notes() {
    assertThat(Series.numberOf("a/Day03.md")).contains(List.of(3));
    assertThat(Series.numberOf("a/day7.md")).contains(List.of(7));
    assertThat(Series.numberOf("a/10.2 矩形覆盖.md")).contains(List.of(10, 2));
    assertThat(Series.numberOf("a/07.分支结构.md")).contains(List.of(7));
    assertThat(Series.numberOf("a/第04章 决策树.md")).contains(List.of(4));
    assertThat(Series.numberOf("a/chapter05.ipynb")).contains(List.of(5));
    assertThat(Series.numberOf("a/深入浅出pandas-3.md")).contains(List.of(3));
    assertThat(Series.numberOf("a/63-1.md")).contains(List.of(63, 1));
    assertThat(Series.numberOf("a/README.md")).isEqualTo(Optional.empty());
    assertThat(Series.numberOf("a/注意力机制.md")).isEqualTo(Optional.empty());
  }

  @Test
  void day10_comes_after_day9_and_two_numbered_notes_are_no_series() throws Exception {
    Path content = Files.createDirectories(temp.resolve("content"));
    Path days = Files.createDirectories(content.resolve("days"));
    for (int day : new int[] {1, 2, 9, 10, 11}) {
      Files.writeString(days.resolve("Day" + day + ".md"), "# 第 " + day + " 天\n\n今天学习循环和函数，第 " + day + " 部分。\n");
    }
    Path pair = Files.createDirectories(content.resolve("pair"));
    Files.writeString(pair.resolve("1.md"), "# 一\n\n排序算法。\n");
    Files.writeString(pair.resolve("2.md"), "# 二\n\n查找算法。\n");
    try (IndexHandle index = IndexHandle.open(content, temp.resolve("index")); IndexHandle.Lease lease = index.acquire()) {
      CorpusSnapshot s = lease.corpus();
      assertThat(neighbours(s, "days/Day9.md")).isEqualTo("days/Day2.md < days/Day9.md > days/Day10.md");
      assertThat(neighbours(s, "days/Day10.md")).isEqualTo("days/Day9.md < days/Day10.md > days/Day11.md");
      assertThat(s.series().of(s.catalog().byPath("pair/1.md").orElseThrow().id())).isEmpty();
    }
  }

  @Test
  void notes_without_numbers_are_read_in_the_order_of_the_nearest_table_of_contents() throws Exception {
    Path content = Files.createDirectories(temp.resolve("content"));
    Path notes = Files.createDirectories(content.resolve("notes"));
    String[] names = {"变量", "循环", "函数", "类", "模块", "异常"};
    StringBuilder local = new StringBuilder("# 目录\n\n");
    StringBuilder home = new StringBuilder("# 首页\n\n");
    for (String name : names) {
      Files.writeString(notes.resolve(name + ".md"), "# " + name + "\n\nPython 的" + name + "。\n");
      local.append("- [").append(name).append("](").append(name).append(".md)\n");
    }
    // the home page lists them in another order; the folder's own table of contents wins
    for (int i = names.length - 1; i >= 0; i--) {
      home.append("- [").append(names[i]).append("](notes/").append(names[i]).append(".md)\n");
    }
    Files.writeString(notes.resolve("README.md"), local.toString());
    Files.writeString(content.resolve("README.md"), home.toString());
    try (IndexHandle index = IndexHandle.open(content, temp.resolve("index")); IndexHandle.Lease lease = index.acquire()) {
      CorpusSnapshot s = lease.corpus();
      assertThat(neighbours(s, "notes/循环.md")).isEqualTo("notes/变量.md < notes/循环.md > notes/函数.md");
      assertThat(neighbours(s, "notes/异常.md")).isEqualTo("notes/模块.md < notes/异常.md > -");
      assertThat(s.series().of(s.catalog().byPath("notes/循环.md").orElseThrow().id()).orElseThrow().source())
          .isEqualTo(Series.Source.TABLE_OF_CONTENTS);
    }
  }

  @Test
  void a_page_of_links_is_a_listing_and_an_article_with_links_is_not() throws Exception {
    try (IndexHandle.Lease lease = corpus.handle().acquire()) {
      CorpusSnapshot s = lease.corpus();
      for (var a : s.catalog().articles()) {
        assertThat(s.links().isListing(a.id())).as(a.path()).isEqualTo(a.path().equals("README.md"));
      }
    }
    Path content = Files.createDirectories(temp.resolve("content"));
    StringBuilder article = new StringBuilder("# 长文\n\n");
    for (int i = 0; i < 6; i++) {
      Files.writeString(content.resolve("n" + i + ".md"), "# 笔记 " + i + "\n\n内容。\n");
      article.append("这一段讲排序算法的稳定性、时间复杂度和空间复杂度，并给出归并排序和快速排序的比较。".repeat(8))
          .append("参见[笔记 ").append(i).append("](n").append(i).append(".md)。\n\n");
    }
    Files.writeString(content.resolve("long.md"), article.toString());
    try (IndexHandle index = IndexHandle.open(content, temp.resolve("index")); IndexHandle.Lease lease = index.acquire()) {
      CorpusSnapshot s = lease.corpus();
      String id = s.catalog().byPath("long.md").orElseThrow().id();
      assertThat(s.links().outgoing(id)).hasSize(6);
      assertThat(s.links().isListing(id)).isFalse();
    }
  }
}
