package org.dailydl.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.dailydl.indexer.Fixtures;
import org.dailydl.indexer.schema.ArticleSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notes shaped like other people's get titles that name their subject. */
class ThirdPartyTitlesTest {
  @TempDir static Path temp;
  static Map<String, String> titles = new TreeMap<>();

  @BeforeAll
  static void index() throws IOException {
    Path content = Fixtures.copyOfThirdParty(temp.resolve("content"));
    new IndexArticles(new IndexArticles.Options(content, temp.resolve("index")), ProgressListener.NONE).run();
    Path live = new IndexLocation(temp.resolve("index")).current().orElseThrow();
    try (var dir = FSDirectory.open(live); DirectoryReader reader = DirectoryReader.open(dir)) {
      ArticleSchema.read(reader).forEach(a -> titles.put(a.path(), a.title()));
    }
  }

  @Test
  void numbered_days_take_the_words_the_table_of_contents_links_them_with() {
    assertThat(titles).containsEntry("Python/Day02.md", "列表、元组").containsEntry("Python/Day03.md", "字典、集合");
  }

  @Test
  void problem_notes_are_named_by_the_table_of_contents_before_their_opening_sentence() {
    assertThat(titles).containsEntry("offer/day01.md", "斐波那契数列").containsEntry("offer/day03.md", "用两个栈实现队列");
  }

  @Test
  void chapter_numbers_are_stripped_from_a_note_s_own_heading() {
    assertThat(titles).containsEntry("ml/2.md", "k-近邻算法").containsEntry("ml/3.md", "决策树");
  }

  @Test
  void no_title_is_a_file_name_a_day_number_or_a_generic_heading() {
    assertThat(titles.values()).noneMatch(t -> t.matches("(?i).*day\\s*\\d+.*") || t.equals("题目") || t.matches("\\d+"));
  }
}
