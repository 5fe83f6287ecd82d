package org.dailydl.indexer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlossaryTest {
  private final Glossary glossary = Glossary.builtIn();

  @Test
  void built_in_glossary_is_large_and_covers_every_domain() {
    assertThat(glossary.size()).isGreaterThanOrEqualTo(800);
    for (String term : new String[] {"cnn", "rnn", "lstm", "knn", "svm", "gbdt", "pca", "tcp", "注意力", "损失函数",
        "激活函数", "进程", "死锁", "二叉树", "链表", "装饰器", "dataframe", "梯度下降", "transformer"}) {
      assertThat(glossary.equivalents(term)).as(term).isNotEmpty();
    }
  }

  @Test
  void chinese_finds_english_and_english_finds_chinese() {
    assertThat(glossary.equivalents("注意力")).contains("attention");
    assertThat(glossary.equivalents("Attention")).contains("注意力");
    assertThat(glossary.equivalents("CNN")).contains("卷积神经网络");
    assertThat(glossary.equivalents("卷积神经网络")).contains("cnn");
  }

  @Test
  void find_is_leftmost_longest_and_respects_latin_word_boundaries() {
    var matches = glossary.find(Glossary.normalize("自注意力和 CNN 的损失函数"));
    assertThat(matches).extracting(Glossary.Match::term).containsExactly("自注意力", "cnn", "损失函数");
    assertThat(glossary.find("scnn")).isEmpty();
  }

  @Test
  void a_leading_part_of_a_longer_english_term_stands_for_it() {
    var matches = glossary.find("page replacement");
    assertThat(matches).singleElement().satisfies(m -> {
      assertThat(m.term()).isEqualTo("page replacement");
      assertThat(m.equivalents()).contains("页面置换算法");
    });
  }

  @Test
  void authors_extend_the_glossary_with_a_file_in_their_content_folder(@TempDir Path content) throws IOException {
    Files.writeString(content.resolve(Glossary.USER_FILE), "# 我们的术语\n炼丹, model training\n注意力, 关注度\n");
    Glossary extended = Glossary.forContent(content);
    assertThat(extended.equivalents("炼丹")).containsExactly("model training");
    assertThat(extended.equivalents("attention")).contains("注意力", "关注度");
    assertThat(glossary.equivalents("炼丹")).isEmpty();
  }
}
