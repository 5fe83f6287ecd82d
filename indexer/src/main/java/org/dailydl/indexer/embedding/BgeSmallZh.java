package org.dailydl.indexer.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * bge-small-zh-v1.5 (int8) from langchain4j's artifact, in an onnxruntime session that runs each
 * inference on its calling thread: one intra-op thread, no spinning. The default session gives every
 * inference a pool of one thread per core that spins while it waits, so concurrent searches (each
 * embedding its query) and the passage batches (one inference per core already) fought over the
 * cores. The same weights, tokenizer and CLS pooling as {@link BgeSmallZhV15QuantizedEmbeddingModel}.
 */
final class BgeSmallZh extends AbstractInProcessEmbeddingModel {
  private static final String MODEL = "bge-small-zh-v1.5-q.onnx";
  private static final String TOKENIZER = "bge-small-zh-v1.5-q-tokenizer.json";

  private final OnnxBertBiEncoder encoder;

  BgeSmallZh(Executor executor) {
    super(executor);
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER);
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      OrtSession session = environment.createSession(model.readAllBytes(), options);
      encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + MODEL + " from its jar", e);
    } catch (OrtException e) {
      throw new IllegalStateException("onnxruntime cannot load " + MODEL, e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = BgeSmallZhV15QuantizedEmbeddingModel.class.getResourceAsStream("/" + name);
    if (in == null) {
      throw new IllegalStateException(name + " is missing from the classpath");
    }
    return in;
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return Embedder.DIMENSIONS;
  }
}
