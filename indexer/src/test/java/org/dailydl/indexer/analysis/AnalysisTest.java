package org.dailydl.indexer.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dailydl.indexer.analysis.TokenDump.terms;

import org.junit.jupiter.api.Test;

class AnalysisTest {
  private final Analysis analysis = Analysis.standard();

  @Test
  void word_field_segments_chinese_and_keeps_english_whole_and_lower_case() {
    assertThat(terms(analysis.word(), "自注意力机制的Self-Attention在Transformer中"))
        .contains("注意力", "机制", "self", "attention", "transformer")
        .doesNotContain("的", "Transformer");
  }

  @Test
  void english_is_not_stemmed_into_non_words() {
    assertThat(terms(analysis.word(), "languages and networks"))
        .containsExactly("languages", "networks");
  }

  @Test
  void bigram_field_finds_words_the_dictionary_lacks() {
    assertThat(terms(analysis.word(), "卷积")).doesNotContain("卷积");
    assertThat(terms(analysis.bigram(), "卷积神经网络")).contains("卷积", "积神", "神经", "经网", "网络");
    assertThat(terms(analysis.bigram(), "树")).containsExactly("树");
  }

  @Test
  void full_width_letters_meet_half_width_ones() {
    assertThat(terms(analysis.word(), "ＧＰＴ模型")).contains("gpt");
    assertThat(terms(analysis.bigram(), "ＢＥＲＴ")).containsExactly("bert");
  }

  @Test
  void code_identifiers_are_split_as_developers_read_them() {
    assertThat(terms(analysis.code(), "np.linalg.norm(x)"))
        .contains("np.linalg.norm", "np", "linalg", "norm");
    assertThat(terms(analysis.code(), "df = pd.read_csv(path)")).contains("pd.read_csv", "read", "csv");
    assertThat(terms(analysis.code(), "class MultiHeadAttention(nn.Module):"))
        .contains("multiheadattention", "multi", "head", "attention", "module");
    assertThat(terms(analysis.codeQuery(), "read_csv")).containsExactly("read", "csv");
  }

  @Test
  void path_words_split_on_separators() {
    assertThat(terms(analysis.pathWords(), "02-Machine-Learning/05_ResNet.md"))
        .contains("machine", "learning", "resnet");
  }

  @Test
  void stop_words_are_kept_out_of_the_word_field() {
    assertThat(analysis.stopWords().contains("的")).isTrue();
    assertThat(terms(analysis.word(), "这是我们的模型")).containsExactly("模型");
  }
}
