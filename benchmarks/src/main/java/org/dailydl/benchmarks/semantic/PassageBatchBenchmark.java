package org.dailydl.benchmarks.semantic;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dailydl.indexer.collection.Article;
import org.dailydl.indexer.collection.MathText;
import org.dailydl.indexer.embedding.Embedder;
import org.dailydl.indexer.embedding.Passages;
import org.dailydl.indexer.index.IndexLocation;
import org.dailydl.indexer.schema.ArticleSchema;
import org.dailydl.indexer.schema.IndexedArticle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Whether batching passages (sorted by length, padded within a batch) embeds faster than the
 * shipped path, which hands onnxruntime one passage at a time on every core. Takes the passages of a
 * lexical index exactly as the service cuts them, embeds them the shipped way ({@link Embedder}),
 * then with onnxruntime directly in batches of each size, and prints passages per second and the
 * lowest cosine between a passage's batched and shipped vector.
 *
 * <pre>java -cp server/target/dailydl.jar:benchmarks/target/benchmarks.jar \
 *     org.dailydl.benchmarks.semantic.PassageBatchBenchmark --index /tmp/lex-index --passages 600</pre>
 */
@Command(name = "passage-batches", mixinStandardHelpOptions = true,
    description = "Passages per second of the shipped embedder against batched onnxruntime runs.")
public final class PassageBatchBenchmark implements Callable<Integer> {
  private static final String MODEL = "bge-small-zh-v1.5-q.onnx";
  private static final String TOKENIZER = "bge-small-zh-v1.5-q-tokenizer.json";

  @Option(names = "--index", required = true, description = "an index folder (its lexical generation is read)")
  Path index;
  @Option(names = "--passages", defaultValue = "600", description = "how many passages (the first ones)")
  int count;
  @Option(names = "--batches", split = ",", defaultValue = "1,4,8,32") List<Integer> batches;

  public static void main(String[] args) {
    System.exit(new CommandLine(new PassageBatchBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<String> texts = passages().stream().limit(count).map(Embedder::prepare).toList();
    Embedder shipped = Embedder.load(Files.createTempDirectory("passage-batches-native"));
    shipped.embed("预热");
    long start = System.nanoTime();
    List<float[]> reference = shipped.embedAll(texts);
    System.out.printf(Locale.ROOT, "%d passages, %.0f characters on average, load %.2f%n", texts.size(),
        texts.stream().mapToInt(String::length).average().orElse(0), load());
    System.out.printf(Locale.ROOT, "shipped (one passage per run, a run per core): %.1f passages/s%n",
        texts.size() / seconds(start));

    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(resource(TOKENIZER), Map.of("padding", "false"));
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      try (OrtSession session = env.createSession(resource(MODEL).readAllBytes(), options)) {
        for (int batch : batches) {
          start = System.nanoTime();
          Encoding[] encodings = texts.stream().map(t -> tokenizer.encode(t, true, false)).toArray(Encoding[]::new);
          Integer[] order = IntStream.range(0, texts.size()).boxed().toArray(Integer[]::new);
          Arrays.sort(order, Comparator.comparingInt(i -> encodings[i].getIds().length));
          float[][] vectors = new float[texts.size()][];
          for (int from = 0; from < order.length; from += batch) {
            run(env, session, encodings, Arrays.copyOfRange(order, from, Math.min(order.length, from + batch)), vectors);
          }
          double perSecond = texts.size() / seconds(start);
          double lowest = 1;
          for (int i = 0; i < texts.size(); i++) {
            lowest = Math.min(lowest, cosine(vectors[i], reference.get(i)));
          }
          System.out.printf(Locale.ROOT, "batches of %2d sorted by length (onnxruntime on both cores): %.1f passages/s, "
              + "lowest cosine with the shipped vector %.4f, load %.2f%n", batch, perSecond, lowest, load());
        }
      }
    }
    return 0;
  }

  /** The index's passages, cut as the service cuts them for embedding. */
  private List<String> passages() throws IOException {
    Path generation = new IndexLocation(index).current().orElseThrow(() -> new IOException("no index in " + index));
    List<String> texts = new ArrayList<>();
    try (Directory dir = FSDirectory.open(generation); DirectoryReader reader = DirectoryReader.open(dir)) {
      for (IndexedArticle article : ArticleSchema.read(reader)) {
        List<String> headings = article.outline().stream().map(Article.Heading::text).toList();
        String body = MathText.indexed(ArticleSchema.body(reader, article.doc()));
        Passages.split(article.title(), body, headings).forEach(p -> texts.add(p.text()));
      }
    }
    return texts;
  }

  /** One padded batch (rows {@code rows} of {@code encodings}) through the model: CLS vectors, unit length. */
  private static void run(OrtEnvironment env, OrtSession session, Encoding[] encodings, Integer[] rows, float[][] out)
      throws OrtException {
    int width = 0;
    for (int r : rows) {
      width = Math.max(width, encodings[r].getIds().length);
    }
    long[] ids = new long[rows.length * width];
    long[] mask = new long[rows.length * width];
    for (int k = 0; k < rows.length; k++) {
      long[] row = encodings[rows[k]].getIds();
      System.arraycopy(row, 0, ids, k * width, row.length);
      Arrays.fill(mask, k * width, k * width + row.length, 1L);
    }
    long[] shape = {rows.length, width};
    try (OnnxTensor input = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
        OnnxTensor attention = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
        OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape);
        OrtSession.Result result = session.run(Map.of("input_ids", input, "attention_mask", attention, "token_type_ids", types))) {
      float[][][] hidden = (float[][][]) result.get(0).getValue();
      for (int k = 0; k < rows.length; k++) {
        out[rows[k]] = unit(hidden[k][0]);
      }
    }
  }

  private static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    float[] u = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      u[i] = (float) (v[i] / Math.sqrt(norm));
    }
    return u;
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = PassageBatchBenchmark.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("missing " + name + " (it ships in langchain4j-embeddings-bge-small-zh-v15-q)");
    }
    return in;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
