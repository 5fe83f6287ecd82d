package org.dailydl.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.analysis.Analysis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SpellingSuggesterTest {
  static ByteBuffersDirectory dir = new ByteBuffersDirectory();
  static DirectoryReader reader;
  final SpellingSuggester speller = new SpellingSuggester();

  @BeforeAll
  static void index() throws IOException {
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(Analysis.standard().indexAnalyzer()))) {
      for (int i = 0; i < 5; i++) {
        Document doc = new Document();
        doc.add(new TextField(Fields.TITLE, "PyTorch 入门 " + i, Field.Store.NO));
        doc.add(new TextField(Fields.BODY, "用 pytorch 和 tensorflow 训练 transformer 模型", Field.Store.NO));
        doc.add(new TextField(Fields.CODE, "import torch\nx = torch.zeros(3)", Field.Store.NO));
        writer.addDocument(doc);
      }
      Document rare = new Document();
      rare.add(new TextField(Fields.BODY, "transformr 只出现一次", Field.Store.NO));
      writer.addDocument(rare);
    }
    reader = DirectoryReader.open(dir);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    dir.close();
  }

  @Test
  void a_word_the_index_lacks_gets_its_closest_frequent_neighbour() throws IOException {
    assertThat(speller.suggest(reader, "pytroch 入门", List.of("pytroch"))).isEqualTo("pytorch 入门");
  }

  @Test
  void a_rare_spelling_gets_the_popular_one_and_the_rest_of_the_query_stays_as_typed() throws IOException {
    assertThat(speller.suggest(reader, "Transformr 模型", List.of("transformr"))).isEqualTo("transformer 模型");
  }

  @Test
  void words_the_index_knows_well_get_no_suggestion() throws IOException {
    assertThat(speller.suggest(reader, "pytorch tensorflow", List.of("pytorch", "tensorflow"))).isNull();
    assertThat(speller.suggest(reader, "zzzzqqqq", List.of("zzzzqqqq"))).isNull();
  }

  @Test
  void replacement_respects_word_boundaries() {
    assertThat(SpellingSuggester.replaceWord("numpyx numpy", "numpy", "NumPy")).isEqualTo("numpyx NumPy");
  }
}
