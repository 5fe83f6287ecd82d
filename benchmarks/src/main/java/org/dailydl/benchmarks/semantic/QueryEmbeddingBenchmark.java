package org.dailydl.benchmarks.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dailydl.indexer.embedding.Embedder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Time to embed one search query with the model the server uses, in isolation: no HTTP, no Lucene,
 * one thread, the way {@code /api/search} embeds a query that is not in its result cache. Every
 * judged query is embedded once per round, with and without bge's retrieval instruction; warm-up
 * rounds (JIT, onnxruntime's first sessions) are discarded.
 *
 * <p>The model and onnxruntime are not in the benchmark jar (they would make every build's shade
 * step slow): put the server jar first on the class path.
 *
 * <pre>java -cp server/target/dailydl.jar:benchmarks/target/benchmarks.jar \
 *     org.dailydl.benchmarks.semantic.QueryEmbeddingBenchmark</pre>
 */
@Command(
    name = "query-embedding-benchmark",
    mixinStandardHelpOptions = true,
    description = "Times the embedding of single search queries with bge-small-zh-v1.5 (int8).")
public final class QueryEmbeddingBenchmark implements Callable<Integer> {

  @Option(names = "--judgments", defaultValue = "server/src/test/resources/relevance/search-judgments.json",
      description = "JSON array of objects with a 'query' field (default: ${DEFAULT-VALUE}).")
  Path judgments;

  @Option(names = "--warmup", defaultValue = "2", description = "Discarded rounds (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--runs", defaultValue = "5", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--native", description = "Where native libraries are unpacked (default: a new temporary folder).")
  Path nativeDir;

  @Override
  public Integer call() throws Exception {
    List<String> queries = new ArrayList<>();
    for (JsonNode judged : new ObjectMapper().readTree(judgments.toFile())) {
      queries.add(judged.get("query").asText());
    }
    Path natives = nativeDir != null ? nativeDir : Files.createTempDirectory("dailydl-bench-native");
    long loadStart = System.nanoTime();
    Embedder embedder = Embedder.load(natives);
    embedder.embed("预热");
    System.out.printf(Locale.ROOT, "model loaded and first text embedded in %.0f ms%n", millisSince(loadStart));

    double meanChars = queries.stream().mapToInt(String::length).average().orElse(0);
    System.out.printf(Locale.ROOT, "%d queries, %.1f characters on average; %d warm-up + %d measured rounds%n",
        queries.size(), meanChars, warmup, runs);
    for (boolean instruction : new boolean[] {false, true}) {
      double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      double[] millis = time(embedder, queries, instruction);
      Arrays.sort(millis);
      System.out.printf(Locale.ROOT,
          "%-19s n=%d  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  (%.0f queries/s on one thread, load %.2f)%n",
          instruction ? "with instruction:" : "without instruction:", millis.length,
          percentile(millis, 50), percentile(millis, 90), percentile(millis, 99), millis[millis.length - 1],
          1000.0 * millis.length / Arrays.stream(millis).sum(), load);
    }
    return 0;
  }

  private double[] time(Embedder embedder, List<String> queries, boolean instruction) {
    double[] millis = new double[runs * queries.size()];
    int n = 0;
    for (int round = 0; round < warmup + runs; round++) {
      for (String query : queries) {
        long start = System.nanoTime();
        float[] vector = embedder.embedQuery(query, instruction);
        double elapsed = millisSince(start);
        if (vector.length != Embedder.DIMENSIONS) {
          throw new IllegalStateException("unexpected vector length " + vector.length);
        }
        if (round >= warmup) {
          millis[n++] = elapsed;
        }
      }
    }
    return millis;
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new QueryEmbeddingBenchmark()).execute(args));
  }
}
