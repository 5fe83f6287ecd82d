package org.dailydl.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.analysis.Analysis;
import org.dailydl.indexer.analysis.Glossary;
import org.junit.jupiter.api.Test;

class QueryBuilderTest {
  private final QueryBuilder builder = new QueryBuilder(Analysis.standard(), Glossary.builtIn());

  private static List<String> texts(List<QueryBuilder.Unit> units) {
    return units.stream().map(QueryBuilder.Unit::text).toList();
  }

  @Test
  void glossary_terms_are_one_unit_with_every_spelling() {
    List<QueryBuilder.Unit> units = builder.build("卷积神经网络的输出").units();
    QueryBuilder.Unit cnn = units.get(0);
    assertThat(cnn.text()).isEqualTo("卷积神经网络");
    assertThat(cnn.spellings()).containsEntry("卷积神经网络", 1f).containsKey("cnn");
    assertThat(cnn.spellings().get("cnn")).isEqualTo(QueryBuilder.EQUIVALENT_WEIGHT);
    assertThat(texts(units)).contains("输出").doesNotContain("的");
  }

  @Test
  void the_longest_glossary_term_wins() {
    assertThat(texts(builder.build("多头注意力").units())).containsExactly("多头注意力");
  }

  @Test
  void english_words_stay_whole_and_count_as_latin_words_for_spelling() {
    QueryBuilder.Built built = builder.build("pytroch 张量");
    assertThat(texts(built.units())).containsExactly("pytroch", "张量");
    assertThat(built.latinWords()).containsExactly("pytroch");
  }

  @Test
  void question_words_are_optional_and_stop_words_beside_real_words_are_dropped() {
    QueryBuilder.Built built = builder.build("为什么 梯度 消失");
    // 为什么 is a stop word: beside a glossary term it must not come back as required bigrams
    assertThat(texts(built.units())).containsExactly("梯度", "消失");
    QueryBuilder.Built question = builder.build("区别 梯度 消失");
    assertThat(texts(question.units())).containsExactly("区别", "梯度", "消失");
    BooleanQuery strict = (BooleanQuery) question.strict();
    long required = strict.clauses().stream().filter(c -> c.getOccur() == BooleanClause.Occur.MUST).count();
    long optional = strict.clauses().stream().filter(c -> c.getOccur() == BooleanClause.Occur.SHOULD).count();
    assertThat(required).as("梯度 and 消失").isEqualTo(2);
    assertThat(optional).as("区别 and the phrase clauses").isGreaterThanOrEqualTo(2);
  }

  @Test
  void a_unit_is_built_once_per_index_version_and_shared_by_later_queries() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(Analysis.standard().indexAnalyzer()))) {
        Document doc = new Document();
        doc.add(new TextField(Fields.BODY, "梯度消失与梯度爆炸", Field.Store.NO));
        writer.addDocument(doc);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        Map<Term, TermStates> states = new ConcurrentHashMap<>();
        Map<QueryBuilder.Unit, Query> units = new ConcurrentHashMap<>();
        QueryBuilder.Built first = builder.build("梯度 消失", new TermLookup(reader, states, units));
        QueryBuilder.Built second = builder.build("消失 爆炸", new TermLookup(reader, states, units));
        QueryBuilder.Unit vanishing = first.units().get(1);
        assertThat(second.units().get(0)).isEqualTo(vanishing);
        assertThat(units).containsKeys(first.units().get(0), vanishing, second.units().get(1));
        Query shared = units.get(vanishing);
        // the second query holds the very clauses the first one built
        assertThat(((BooleanQuery) second.strict()).clauses()).anyMatch(c -> c.getQuery() == shared);
      }
    }
  }

  @Test
  void highlight_terms_are_the_bigrams_of_every_spelling() {
    assertThat(builder.build("注意力").highlightTerms()).contains("注意", "意力", "attention");
  }

  @Test
  void symbols_alone_build_nothing_and_long_queries_are_capped() {
    assertThat(builder.build("？？？ ！！").isEmpty()).isTrue();
    assertThat(texts(builder.build("的").units())).as("a stop word alone still means something").containsExactly("的");
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      many.append("word").append((char) ('a' + i % 26)).append((char) ('a' + i / 26)).append(' ');
    }
    assertThat(builder.build(many.toString()).units()).hasSize(QueryBuilder.MAX_UNITS);
  }
}
