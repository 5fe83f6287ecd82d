package org.dailydl.server.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.dailydl.indexer.schema.IndexedArticle;
import org.dailydl.server.SharedCorpus;
import org.dailydl.server.index.IndexHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Keywords and topics on notes shaped like other people's: subjects, not structure. */
class TermStatisticsTest {
  @RegisterExtension static final SharedCorpus corpus = SharedCorpus.thirdParty();
  @TempDir Path temp;

  private static List<String> keywords(String path, int n) throws Exception {
    try (IndexHandle.Lease lease = corpus.handle().acquire()) {
      IndexedArticle a = lease.corpus().catalog().byPath(path).orElseThrow();
      return lease.corpus().terms().keywords(a.id(), n).stream().map(Keyword::term).toList();
    }
  }

  @Test
  void the_first_keywords_name_the_note_s_subjects() throws Exception {
    assertThat(keywords("Python/Day03.md", 3)).containsExactlyInAnyOrder("集合", "字典", "哈希表");
    assertThat(keywords("ml/3.md", 3)).containsExactlyInAnyOrder("信息增益", "剪枝", "决策树");
    assertThat(keywords("offer/day03.md", 2)).containsExactly("栈", "队列");
    assertThat(keywords("Python/Day02.md", 10)).contains("列表推导式");
  }

  @Test
  void the_closest_articles_are_the_best_of_the_exhaustive_similarities() throws Exception {
    try (IndexHandle.Lease lease = corpus.handle().acquire()) {
      TermStatistics terms = lease.corpus().terms();
      for (IndexedArticle a : lease.corpus().catalog().articles()) {
        List<TermStatistics.Similar> exhaustive = lease.corpus().catalog().articles().stream()
            .filter(b -> !b.id().equals(a.id()))
            .map(b -> new TermStatistics.Similar(b.id(), terms.cosine(a.id(), b.id())))
            .filter(s -> s.cosine() >= 0.1)
            .sorted(Comparator.comparingDouble(TermStatistics.Similar::cosine).reversed()
                .thenComparing(TermStatistics.Similar::id))
            .limit(5)
            .toList();
        assertThat(terms.mostSimilar(a.id(), 5, 0.1)).as(a.path())
            .usingElementComparatorOnFields("id").containsExactlyElementsOf(exhaustive);
      }
    }
  }

  @Test
  void template_headings_path_words_and_numbers_are_never_keywords() throws Exception {
    try (IndexHandle.Lease lease = corpus.handle().acquire()) {
      for (IndexedArticle a : lease.corpus().catalog().articles()) {
        List<String> top = lease.corpus().terms().keywords(a.id(), 10).stream().map(Keyword::term).toList();
        assertThat(top).as(a.path()).doesNotContain("题目", "思路", "代码", "day", "offer", "python", "ml")
            .noneMatch(t -> t.matches(".*\\d.*"));
      }
    }
  }

  @Test
  void a_concept_written_in_either_language_is_one_topic() throws Exception {
    Path content = Files.createDirectories(temp.resolve("content"));
    Files.writeString(content.resolve("a.md"), "# 翻译模型\n\n注意力让解码器关注输入的不同位置。注意力权重由 softmax 给出，注意力是核心。\n");
    Files.writeString(content.resolve("b.md"), "# Transformer\n\nThe attention layer mixes tokens. Attention weights come from softmax. "
        + "Self attention and attention heads.\n");
    Files.writeString(content.resolve("c.md"), "# 读书笔记\n\n注意力机制（attention）的直观解释：注意力决定看哪里。\n");
    String[] others = {"快速排序和归并排序的比较", "二叉树的遍历顺序", "链表的插入与删除", "哈希冲突的处理", "图的最短路径",
        "栈和队列的区别", "动态规划的状态转移"};
    for (int i = 0; i < others.length; i++) {
      Files.writeString(content.resolve("n" + i + ".md"), "# 笔记 " + i + "\n\n" + others[i] + "，以及相关的例子。\n");
    }
    try (IndexHandle index = IndexHandle.open(content, temp.resolve("index")); IndexHandle.Lease lease = index.acquire()) {
      List<Topics.Topic> topics = lease.corpus().topics().all();
      assertThat(topics).filteredOn(t -> t.term().equals("注意力")).singleElement()
          .satisfies(t -> assertThat(t.articles()).hasSize(3));
      assertThat(topics).noneMatch(t -> t.term().equals("attention"));
    }
  }

  @Test
  void code_vocabulary_and_section_labels_count_for_similarity_but_are_never_named() throws Exception {
    Path content = Files.createDirectories(temp.resolve("labels"));
    String[] subjects = {"快速排序", "归并排序", "二叉树", "链表", "哈希冲突", "最短路径", "动态规划", "回溯法", "拓扑排序", "并查集",
        "滑动窗口", "前缀和"};
    for (int i = 0; i < subjects.length; i++) {
      Files.writeString(content.resolve("n" + i + ".md"), "# " + subjects[i] + "\n\n" + subjects[i] + "是一种常见的算法思想，"
          + subjects[i] + "的关键在于状态。\n\n```java\nint cnt = 0;\nfor (int i = 0; i < n; i++) {\n    cnt++;\n}\n```\n");
    }
    Files.writeString(content.resolve("count.md"), "# 多数元素\n\n## 简介\n\n用 cnt 统计候选元素出现的次数，cnt 为零时更换候选，"
        + "cnt 的值最后给出多数元素。投票算法只需一次遍历。\n\n## 小结\n\n投票算法的小结。\n\n"
        + "```java\nint cnt = 0;\nint majority = nums[0];\n```\n");
    Files.writeString(content.resolve("ddl.md"), "# SQL详解之DDL\n\n## 简介\n\nDDL 语句定义表结构：CREATE TABLE 建表，"
        + "ALTER TABLE 改表，DROP TABLE 删表。\n\n## 小结\n\nDDL 改变表结构。\n");
    try (IndexHandle index = IndexHandle.open(content, temp.resolve("labels-index")); IndexHandle.Lease lease = index.acquire()) {
      TermStatistics terms = lease.corpus().terms();
      String count = lease.corpus().catalog().byPath("count.md").orElseThrow().id();
      String ddl = lease.corpus().catalog().byPath("ddl.md").orElseThrow().id();
      // cnt is in the code of all 13 notes and the prose of one: a variable, not the note's subject
      assertThat(terms.has(count, "cnt")).isTrue();
      assertThat(terms.keywords(count, 10)).extracting(Keyword::term).contains("多数元素", "投票").doesNotContain("cnt");
      assertThat(terms.keywords(ddl, 10)).extracting(Keyword::term).contains("DDL")
          .noneMatch(t -> t.contains("详解") || t.contains("简介") || t.contains("小结"));
      assertThat(terms.keywords(count, 10)).extracting(Keyword::term).noneMatch(t -> t.contains("简介") || t.contains("小结"));
      assertThat(terms.sharedTerms(count, ddl, 5)).noneMatch(t -> t.contains("简介") || t.contains("小结"));
      assertThat(lease.corpus().topics().all()).extracting(Topics.Topic::term).doesNotContain("cnt", "简介", "小结");
    }
  }
}
