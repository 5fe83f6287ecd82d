package org.dailydl.indexer.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dailydl.indexer.Fixtures;
import org.dailydl.indexer.index.IndexArticles;
import org.dailydl.indexer.index.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingTest {
  @TempDir static Path temp;
  static Embedder embedder;

  @BeforeAll
  static void load() {
    embedder = Embedder.load(temp.resolve("native"));
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  @Test
  void the_single_threaded_session_computes_exactly_the_stock_model_s_vectors() {
    // langchain4j's own wrapper runs the same weights in onnxruntime's default session
    var stock = new BgeSmallZhV15QuantizedEmbeddingModel();
    List<String> texts = List.of("注意力机制", "transformer 的多头注意力如何计算", "梯度下降",
        "Batch Normalization 在训练和推理时的统计量不同：训练时用当前小批量的均值和方差，推理时用滑动平均。");
    List<float[]> ours = embedder.embedAll(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertThat(ours.get(i)).as(texts.get(i)).containsExactly(stock.embed(Embedder.prepare(texts.get(i))).content().vector());
      assertThat(embedder.embed(texts.get(i))).containsExactly(ours.get(i));
    }
  }

  @Test
  void upper_case_text_is_lower_cased_before_embedding_or_it_would_be_unknown_tokens() {
    float[] raw = embedder.model().embed("KNN XGBoost ResNet").content().vector();
    float[] unknown = embedder.model().embed("[UNK] [UNK] [UNK]").content().vector();
    float[] lower = embedder.model().embed("knn xgboost resnet").content().vector();
    // without lower-casing the upper-case words carry no meaning: the model sees unknown tokens
    assertThat(cosine(raw, unknown)).isGreaterThan(cosine(lower, unknown));
    assertThat(embedder.embed("KNN XGBoost ResNet")).containsExactly(lower);
    assertThat(embedder.embed("KNN XGBoost ResNet")).hasSize(Embedder.DIMENSIONS);
  }

  @Test
  void meaning_is_closer_than_words() {
    float[] query = embedder.embedQuery("梯度爆炸", false);
    double related = cosine(query, embedder.embed("循环神经网络训练时梯度的范数会指数增长，需要梯度裁剪"));
    double unrelated = cosine(query, embedder.embed("Pandas 用 read_csv 读取表格数据"));
    assertThat(related).isGreaterThan(unrelated);
  }

  @Test
  void passages_follow_headings_carry_the_title_and_stay_short() {
    String body = "注意力机制（Attention）\n引言。\n缩放点积注意力\n" + "注意力把查询和键做点积。".repeat(80) + "\n多头注意力\n多个头并行计算。\n";
    List<Passages.Passage> passages = Passages.split("注意力机制（Attention）", body,
        List.of("注意力机制（Attention）", "缩放点积注意力", "多头注意力"));
    assertThat(passages).allSatisfy(p -> {
      assertThat(p.text()).startsWith("注意力机制（Attention）");
      assertThat(p.text().length()).isLessThanOrEqualTo(Passages.MAX_CHARS + 1);
    });
    assertThat(passages).anySatisfy(p -> assertThat(p.text()).contains("· 多头注意力\n多个头并行计算。"));
    assertThat(passages.stream().filter(p -> p.text().contains("· 缩放点积注意力")).count()).isGreaterThan(1);
  }

  @Test
  void vectors_are_cached_by_passage_hash_so_only_changed_passages_are_embedded() throws Exception {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    Path index = temp.resolve("index");
    new IndexArticles(new IndexArticles.Options(content, index), ProgressListener.NONE).run();
    EmbedArticles.Report first = new EmbedArticles(index, embedder).run();
    assertThat(first.embedded()).isEqualTo(first.passages()).isPositive();

    EmbedArticles.Report again = new EmbedArticles(index, embedder).run();
    assertThat(again.unchanged()).isTrue();
    assertThat(again.embedded()).isZero();

    Path cnn = content.resolve("深度学习/CNN.md");
    Files.writeString(cnn, Files.readString(cnn) + "\n## 残差连接\n\n残差网络用跳跃连接训练很深的网络。\n");
    new IndexArticles(new IndexArticles.Options(content, index), ProgressListener.NONE).run();
    EmbedArticles.Report changed = new EmbedArticles(index, embedder).run();
    assertThat(changed.embedded()).isPositive().isLessThanOrEqualTo(2);
    assertThat(changed.reused()).isEqualTo(changed.passages() - changed.embedded());
    assertThat(new VectorStore(index).read().entries()).hasSize(changed.passages());
  }
}
