package org.dailydl.indexer.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorStoreTest {
  @TempDir Path temp;

  private static float[] randomVector(Random random) {
    float[] v = new float[Embedder.DIMENSIONS];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }

  @Test
  void vectors_come_back_exactly_as_written_with_their_passages_and_commit_data() throws Exception {
    Random random = new Random(7);
    List<VectorStore.Entry> entries = List.of(
        new VectorStore.Entry("a", 0, "h1", randomVector(random)),
        new VectorStore.Entry("a", 1, "h2", randomVector(random)),
        new VectorStore.Entry("b", 0, "h3", randomVector(random)));
    VectorStore store = new VectorStore(temp);
    assertThat(store.read().entries()).isEmpty();
    store.write(entries, "lexical-1");

    VectorStore.Contents contents = new VectorStore(temp).read();
    assertThat(contents.lexicalHash()).isEqualTo("lexical-1");
    assertThat(contents.entries()).hasSize(3);
    for (int i = 0; i < entries.size(); i++) {
      VectorStore.Entry read = contents.entries().get(i);
      assertThat(read.articleId()).isEqualTo(entries.get(i).articleId());
      assertThat(read.passage()).isEqualTo(entries.get(i).passage());
      assertThat(read.hash()).isEqualTo(entries.get(i).hash());
      assertThat(read.vector()).containsExactly(entries.get(i).vector());
    }

    // a rewrite replaces everything
    store.write(List.of(entries.get(2)), "lexical-2");
    assertThat(store.read().entries()).extracting(VectorStore.Entry::hash).containsExactly("h3");
    assertThat(store.read().lexicalHash()).isEqualTo("lexical-2");
  }

  @Test
  void a_store_written_in_several_segments_is_one_segment_in_the_order_written() throws Exception {
    Random random = new Random(3);
    List<VectorStore.Entry> entries = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      entries.add(new VectorStore.Entry("a" + i / 3, i % 3, "h" + i, randomVector(random)));
    }
    VectorStore store = new VectorStore(temp);
    store.write(entries, "lexical", 40); // eight flushed segments, merged
    try (Directory d = FSDirectory.open(temp.resolve("vectors")); DirectoryReader reader = DirectoryReader.open(d)) {
      assertThat(reader.leaves()).hasSize(1);
    }
    assertThat(store.read().entries()).extracting(VectorStore.Entry::hash)
        .containsExactlyElementsOf(entries.stream().map(VectorStore.Entry::hash).toList());
    try (VectorNeighbours graph = store.neighbours()) {
      for (int i : new int[] {0, 41, 299}) {
        VectorNeighbours.Hit nearest = graph.nearest(entries.get(i).vector(), 1).get(0);
        assertThat(nearest.entry()).as("the entry nearest to entry %d's own vector", i).isEqualTo(i);
        assertThat(nearest.cosine()).isCloseTo(1f, offset(1e-5f));
      }
    }
  }
}
