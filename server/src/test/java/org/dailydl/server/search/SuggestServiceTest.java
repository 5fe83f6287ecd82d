package org.dailydl.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dailydl.server.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SuggestServiceTest {
  @RegisterExtension static final SharedCorpus corpus = SharedCorpus.fixtures();

  private static List<SuggestService.Suggestion> suggest(String q, int size) throws Exception {
    return new SuggestService(corpus.handle()).suggest(q, size);
  }

  @Test
  void titles_and_headings_complete_what_was_typed_prefixes_first() throws Exception {
    List<SuggestService.Suggestion> s = suggest("注意", 8);
    assertThat(s).isNotEmpty();
    assertThat(s.get(0).text()).isEqualTo("注意力机制（Attention）");
    assertThat(s.get(0).kind()).isEqualTo(SuggestService.Kind.TITLE);
    assertThat(s.get(0).path()).isEqualTo("深度学习/注意力机制.md");
    // an infix match (the heading 缩放点积注意力) comes after the prefix match
    assertThat(s).extracting(SuggestService.Suggestion::text).contains("缩放点积注意力");
  }

  @Test
  void a_heading_suggestion_leads_to_its_article() throws Exception {
    SuggestService.Suggestion heading = suggest("输出尺寸", 8).get(0);
    assertThat(heading.kind()).isEqualTo(SuggestService.Kind.HEADING);
    assertThat(heading.path()).isEqualTo("深度学习/CNN.md");
    assertThat(heading.title()).isEqualTo("卷积神经网络（CNN）");
  }

  @Test
  void case_and_width_do_not_matter_and_size_is_respected() throws Exception {
    assertThat(suggest("ＣＮＮ", 8)).extracting(SuggestService.Suggestion::path).contains("深度学习/CNN.md");
    assertThat(suggest("cnn", 8)).extracting(SuggestService.Suggestion::path).contains("深度学习/CNN.md");
    assertThat(suggest("a", 2)).hasSizeLessThanOrEqualTo(2);
  }

  @Test
  void nothing_typed_or_nothing_matching_suggests_nothing() throws Exception {
    assertThat(suggest("   ", 8)).isEmpty();
    assertThat(suggest("量子纠缠", 8)).isEmpty();
  }
}
