package org.dailydl.indexer.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleInferenceTest {

  @ParameterizedTest(name = "{0} | {1} → {2}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "-            | 05_ResNet.md                    | ResNet",
      "-            | 08-LLM/Bert/核心解析.md          | Bert 核心解析",
      "1. 列表      | 07-BaseClass/Ds/02线性表.md      | 列表",
      "题目         | leetcode/two_sum.md             | two sum",
      "一、背景     | notes/Transformer.md            | Transformer",
      "第3章 树     | ds/04树和二叉树.md               | 树",
      "第2章 k-近邻算法 | docs/ml/2.md               | k-近邻算法",
      "7. 重建二叉树 | notes/7. 重建二叉树.md        | 重建二叉树",
      "Chapter 5: Convolution | book/chapter05.md   | Convolution",
      "-            | docs/linalg/chapter05.md        | linalg chapter05",
      "Day01       | 01-Python/Day01.md              | Python Day01",
      "Python 字典与集合 | 01-Python/Day03.md         | Python 字典与集合",
      "-            | docs/README.md                  | docs",
      "-            | 2_Select_row_and_columns.ipynb  | Select row and columns",
  })
  void title_names_the_subject(String h1, String path, String expected) {
    assertThat(TitleInference.infer(null, h1, path)).isEqualTo(expected);
  }

  private static Article.Heading h(int level, String text) {
    return new Article.Heading(level, text, 0);
  }

  @Test
  void numbered_sections_and_several_top_headings_are_not_titles() {
    var sections = List.of(h(1, "1. 算法简介"), h(2, "2. 距离度量"), h(2, "3. 代码"));
    assertThat(TitleInference.infer(null, sections, null, "机器学习/05_KNN.md").text()).isEqualTo("KNN");
    var days = List.of(h(3, "1. 字典"), h(3, "2. 集合"));
    Article.Title day = TitleInference.infer(null, days, null, "01-Python/Day03.md");
    assertThat(day.text()).isEqualTo("Python Day03");
    assertThat(day.source()).isEqualTo(Article.TitleSource.FILE_NAME);
    var chapter = List.of(h(1, "1 语言处理与 Python"), h(2, "1.1 语言计算"), h(2, "1.2 近观 Python"));
    assertThat(TitleInference.infer(null, chapter, null, "docs/nlp/1.md").text()).isEqualTo("语言处理与 Python");
  }

  @Test
  void a_unique_top_heading_names_the_note_at_any_level() {
    var headings = List.of(h(2, "分支结构和循环结构的应用"), h(3, "例子1：素数"), h(3, "例子2：斐波那契数列"));
    Article.Title title = TitleInference.infer(null, headings, null, "Day01-20/07.分支.md");
    assertThat(title.text()).isEqualTo("分支结构和循环结构的应用");
    assertThat(title.source()).isEqualTo(Article.TitleSource.HEADING);
  }

  @Test
  void a_problem_heading_yields_the_problem_sentence_shortened() {
    var headings = List.of(h(2, "题目"), h(2, "思路"), h(2, "代码"));
    Article.Title title = TitleInference.infer(null, headings,
        "写一个函数，输入 n，求斐波那契（Fibonacci）数列的第 n 项，要求用尽量少的内存完成计算并说明复杂度。", "offer/day07.md");
    assertThat(title.source()).isEqualTo(Article.TitleSource.OPENING);
    assertThat(title.text()).startsWith("写一个函数，输入 n").endsWith("…");
    assertThat(title.text().length()).isLessThanOrEqualTo(TitleInference.OPENING_CHARS + 9);
    assertThat(TitleInference.infer(null, headings, "求二叉树的深度。", "offer/day08.md").text()).isEqualTo("求二叉树的深度");
  }

  @Test
  void link_words_name_a_note_unless_they_are_generic() {
    assertThat(TitleInference.fromLinkText("字典、集合")).contains("字典、集合");
    assertThat(TitleInference.fromLinkText("Day03")).isEmpty();
    assertThat(TitleInference.fromLinkText("详见")).isEmpty();
    assertThat(TitleInference.fromLinkText("下一篇")).isEmpty();
    assertThat(TitleInference.fromLinkText("notes/Day03.md")).isEmpty();
    assertThat(TitleInference.fromLinkText("https://example.org")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"自注意力机制, true", "1. 列表, false", "一、背景, false", "目录, false", "References, false", "2.3 小结, false"})
  void subject_headings_are_told_from_sections(String heading, boolean subject) {
    assertThat(TitleInference.isSubject(heading)).isEqualTo(subject);
  }

  @Test
  void a_part_of_a_series_is_qualified_by_its_first_sections() {
    var numpy = List.of(h(2, "NumPy的应用-1"), h(3, "准备工作"), h(3, "创建数组对象"), h(4, "一维数组"),
        h(3, "数组的索引运算"));
    assertThat(TitleInference.infer(null, numpy, null, "Day66-80/68.NumPy的应用-1.md").text())
        .isEqualTo("NumPy的应用-1：准备工作、创建数组对象");
    // a section with a generic word says nothing of the part; numbering is stripped
    var excel = List.of(h(2, "Python读写Excel文件-2"), h(3, "Excel简介"), h(3, "1. 读取Excel文件"));
    assertThat(TitleInference.infer(null, excel, null, "Day21-30/25.md").text())
        .isEqualTo("Python读写Excel文件-2：读取Excel文件");
    var halves = List.of(h(1, "排序算法（下）"), h(2, "归并排序"), h(2, "快速排序"), h(2, "堆排序"));
    assertThat(TitleInference.infer(null, halves, null, "算法/排序2.md").text()).isEqualTo("排序算法（下）：归并排序、快速排序");
    assertThat(TitleInference.infer(null, List.of(h(1, "动态规划之二"), h(2, "背包问题")), null, "dp/2.md").text())
        .isEqualTo("动态规划之二：背包问题");
  }

  @Test
  void a_title_that_is_not_a_numbered_part_or_has_no_sections_stays_as_written() {
    var chapter = List.of(h(1, "第2章 k-近邻算法"), h(2, "距离度量"));
    assertThat(TitleInference.infer(null, chapter, null, "docs/ml/2.md").text()).isEqualTo("k-近邻算法");
    var alone = List.of(h(1, "并发编程-3"));
    assertThat(TitleInference.infer(null, alone, null, "p/3.md").text()).isEqualTo("并发编程-3");
    var onlyGeneric = List.of(h(1, "并发编程-3"), h(2, "小结"), h(2, "参考资料"));
    assertThat(TitleInference.infer(null, onlyGeneric, null, "p/3.md").text()).isEqualTo("并发编程-3");
    var version = List.of(h(1, "Web 2.0 的特点"), h(2, "用户生成内容"));
    assertThat(TitleInference.infer(null, version, null, "web.md").text()).isEqualTo("Web 2.0 的特点");
  }

  @Test
  void a_note_that_opens_with_an_introduction_is_named_by_the_sections_under_it() {
    var oop = List.of(h(1, "简介"), h(2, "属性 attributes"), h(2, "方法 method"), h(2, "总结"));
    Article.Title title = TitleInference.infer(null, oop, "属性是与对象绑定的一组数据。", "docs/da/101.md");
    assertThat(title.text()).isEqualTo("简介：属性 attributes、方法 method");
    assertThat(title.source()).isEqualTo(Article.TitleSource.SECTIONS);
    assertThat(title.source().yieldsToLinkText()).as("a table of contents' words are better still").isTrue();
    // the second section only while the title stays short
    var longer = List.of(h(1, "前言"), h(2, "使用 Python 和另一种语言混编在工程里带来的种种好处"), h(2, "语言扩展工具的选择"));
    assertThat(TitleInference.infer(null, longer, null, "d/1.md").text())
        .isEqualTo("前言：使用 Python 和另一种语言混编在工程里带来的种种好处");
    // an introduction with nothing under it that names a subject: the file name, as before
    assertThat(TitleInference.infer(null, List.of(h(1, "简介"), h(2, "小结")), null, "docs/da/092.md").text())
        .isEqualTo("da 092");
    // a problem heading keeps its opening sentence
    assertThat(TitleInference.infer(null, List.of(h(2, "题目"), h(3, "思路")), "求斐波那契数列的第 n 项。", "offer/day07.md")
        .source()).isEqualTo(Article.TitleSource.OPENING);
  }
}
