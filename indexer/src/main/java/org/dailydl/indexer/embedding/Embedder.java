package org.dailydl.indexer.embedding;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Text → vector with BAAI's bge-small-zh-v1.5 (int8), run in this JVM by onnxruntime ({@link BgeSmallZh}):
 * no service, no download (the model ships in a Maven artifact). Vectors are L2-normalised, 512
 * dimensions.
 *
 * <p>Every text is lower-cased first: the model's tokenizer has no upper-case vocabulary and does
 * not lower-case, so KNN, XGBoost and ResNet would all become {@code [UNK]}. Thread-safe.
 */
public final class Embedder {
  /** bge's instruction for short retrieval queries (prepended to queries only, never passages). */
  public static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";
  public static final int DIMENSIONS = 512;
  private static final int BATCH = 32;

  private final EmbeddingModel model;

  private Embedder(EmbeddingModel model) {
    this.model = model;
  }

  /**
   * Loads the model. Native libraries are unpacked under {@code nativeDir} (DJL's tokenizer, and
   * JNA's dispatch library, which DJL loads to look for a GPU) and the system temp folder
   * (onnxruntime), never the user's home: JNA would otherwise use {@code ~/.cache/JNA}.
   */
  public static Embedder load(Path nativeDir) {
    String folder = nativeDir.toAbsolutePath().toString();
    for (String property : new String[] {"DJL_CACHE_DIR", "ENGINE_CACHE_DIR", "jna.tmpdir"}) {
      if (System.getProperty(property) == null) {
        System.setProperty(property, folder);
      }
    }
    return new Embedder(new BgeSmallZh(null));
  }

  /** The text as the model must see it. */
  public static String prepare(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  public float[] embed(String text) {
    return model.embed(prepare(text)).content().vector();
  }

  /** A query's vector, with or without bge's retrieval instruction. */
  public float[] embedQuery(String query, boolean instruction) {
    return embed(instruction ? QUERY_INSTRUCTION + query : query);
  }

  public List<float[]> embedAll(List<String> texts) {
    return embedAll(texts, done -> {});
  }

  /** Like {@link #embedAll(List)}, telling {@code progress} how many texts are done after each batch. */
  public List<float[]> embedAll(List<String> texts, IntConsumer progress) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += BATCH) {
      List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
          .map(t -> TextSegment.from(prepare(t))).toList();
      model.embedAll(batch).content().forEach(e -> vectors.add(e.vector()));
      progress.accept(vectors.size());
    }
    return vectors;
  }

  /** The model itself, for tests that show what happens without lower-casing. */
  EmbeddingModel model() {
    return model;
  }
}
