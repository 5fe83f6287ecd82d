package org.dailydl.indexer.collection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleInferenceTest {

  @ParameterizedTest(name = "{0} | {1} → {2}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "-            | 05_ResNet.md                    | ResNet",
      "-            | 08-LLM/Bert/核心解析.md          | Bert 核心解析",
      "1. 列表      | 07-BaseClass/Ds/02线性表.md      | 线性表",
      "题目         | leetcode/two_sum.md             | two sum",
      "一、背景     | notes/Transformer.md            | Transformer",
      "第3章 树     | ds/04树和二叉树.md               | 树和二叉树",
      "Day01       | 01-Python/Day01.md              | Python Day01",
      "Python 字典与集合 | 01-Python/Day03.md         | Python 字典与集合",
      "-            | docs/README.md                  | docs",
      "-            | 2_Select_row_and_columns.ipynb  | Select row and columns",
  })
  void title_names_the_subject(String h1, String path, String expected) {
    assertThat(TitleInference.infer(null, h1, path)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"自注意力机制, true", "1. 列表, false", "一、背景, false", "目录, false", "References, false", "2.3 小结, false"})
  void subject_headings_are_told_from_sections(String heading, boolean subject) {
    assertThat(TitleInference.isSubject(heading)).isEqualTo(subject);
  }
}
