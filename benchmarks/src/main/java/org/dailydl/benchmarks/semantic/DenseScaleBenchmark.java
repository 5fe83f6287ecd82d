package org.dailydl.benchmarks.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.dailydl.indexer.embedding.Embedder;
import org.dailydl.indexer.embedding.VectorStore;
import org.dailydl.server.corpus.PassageVectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Where dense retrieval should switch from the exact scan to HNSW: real passage vectors (from the
 * vector stores of indexes built with embeddings) grown to each size by perturbed copies (cosine
 * about 0.9 with their original, twelve passages an article), written through {@link VectorStore}
 * as the service writes them, and ranked for real query embeddings (the judged queries) exactly and
 * through the HNSW graph. Prints CPU time per query of both and the graph's recall@10 of articles
 * against the exact ranking.
 *
 * <pre>java -cp server/target/dailydl.jar:benchmarks/target/benchmarks.jar \
 *     org.dailydl.benchmarks.semantic.DenseScaleBenchmark --vectors /tmp/cal-content --vectors /tmp/cal-CS-Notes \
 *     --judgments server/src/test/resources/relevance/search-judgments.json --sizes 5000,20000,60000,120000</pre>
 */
@Command(name = "dense-scale", mixinStandardHelpOptions = true,
    description = "Exact scan against HNSW for passage vectors at several corpus sizes.")
public final class DenseScaleBenchmark implements Callable<Integer> {
  @Option(names = "--vectors", required = true, description = "index folder holding a vectors/ store (repeatable)")
  List<Path> stores;
  @Option(names = "--judgments", required = true, description = "judged queries (repeatable)")
  List<Path> judgments;
  @Option(names = "--sizes", split = ",", defaultValue = "5000,20000,60000,120000") List<Integer> sizes;
  @Option(names = "--work", description = "scratch folder (default: a temporary one)") Path work;

  /** Per-dimension noise giving a perturbed copy a cosine of about 0.9 with its original. */
  static final double NOISE = 0.0214;
  static final int PASSAGES_PER_ARTICLE = 12;
  static final int ARTICLES_WANTED = 200;

  public static void main(String[] args) {
    System.exit(new CommandLine(new DenseScaleBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<float[]> real = new ArrayList<>();
    for (Path store : stores) {
      new VectorStore(store).read().entries().forEach(e -> real.add(e.vector()));
    }
    List<float[]> queries = embedQueries();
    System.out.printf(Locale.ROOT, "%d real passage vectors, %d queries%n", real.size(), queries.size());
    Path scratch = work != null ? Files.createDirectories(work) : Files.createTempDirectory("dense-scale");
    for (int size : sizes) {
      measure(grow(real, size), queries, scratch.resolve("n" + size));
    }
    return 0;
  }

  private List<float[]> embedQueries() throws Exception {
    Embedder embedder = Embedder.load(Files.createTempDirectory("dense-scale-native"));
    List<float[]> vectors = new ArrayList<>();
    for (Path file : judgments) {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      for (JsonNode q : root.isArray() ? root : root.path("queries")) {
        vectors.add(embedder.embedQuery(q.has("query") ? q.get("query").asText() : q.get("q").asText(), false));
      }
    }
    return vectors;
  }

  /** {@code size} entries: the real vectors, then perturbed copies, twelve consecutive ones an article. */
  static List<VectorStore.Entry> grow(List<float[]> real, int size) {
    Random random = new Random(42);
    List<VectorStore.Entry> entries = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      float[] base = real.get(i % real.size());
      float[] v = base.clone();
      if (i >= real.size()) {
        for (int d = 0; d < v.length; d++) {
          v[d] += (float) (random.nextGaussian() * NOISE);
        }
      }
      entries.add(new VectorStore.Entry("a" + i / PASSAGES_PER_ARTICLE, i % PASSAGES_PER_ARTICLE, "h" + i, v));
    }
    return entries;
  }

  private static void measure(List<VectorStore.Entry> entries, List<float[]> queries, Path dir) throws Exception {
    VectorStore store = new VectorStore(dir);
    long start = System.nanoTime();
    store.write(entries, "bench");
    double writeSeconds = (System.nanoTime() - start) / 1e9;
    // numbered as the store numbers them (its graph's entries), like the service does
    List<PassageVectors.Passage> passages = store.read().entries().stream()
        .map(e -> new PassageVectors.Passage(e.articleId(), e.vector())).toList();
    try (PassageVectors exact = new PassageVectors(passages);
        PassageVectors approximate = new PassageVectors(passages, store.neighbours())) {
      for (int warm = 0; warm < 3; warm++) {
        queries.forEach(q -> {
          exact.rank(q, ARTICLES_WANTED);
          approximate.rank(q, ARTICLES_WANTED);
        });
      }
      long[] exactNanos = new long[queries.size()];
      long[] graphNanos = new long[queries.size()];
      double recall = 0;
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      for (int i = 0; i < queries.size(); i++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        List<PassageVectors.Scored> truth = exact.rank(queries.get(i), ARTICLES_WANTED);
        long t1 = cpu.getCurrentThreadCpuTime();
        List<PassageVectors.Scored> found = approximate.rank(queries.get(i), ARTICLES_WANTED);
        long t2 = cpu.getCurrentThreadCpuTime();
        exactNanos[i] = t1 - t0;
        graphNanos[i] = t2 - t1;
        recall += recallAt10(truth, found);
      }
      System.out.printf(Locale.ROOT, "%7d passages (%d articles): exact p50 %6.2f ms p99 %6.2f ms | HNSW p50 %6.2f ms "
              + "p99 %6.2f ms | recall@10 %.4f | store written in %.1f s | load %.2f%n", entries.size(),
          (entries.size() + PASSAGES_PER_ARTICLE - 1) / PASSAGES_PER_ARTICLE, ms(exactNanos, 0.5), ms(exactNanos, 0.99),
          ms(graphNanos, 0.5), ms(graphNanos, 0.99), recall / queries.size(), writeSeconds,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  static double recallAt10(List<PassageVectors.Scored> truth, List<PassageVectors.Scored> found) {
    Set<String> wanted = new HashSet<>();
    truth.stream().limit(10).forEach(s -> wanted.add(s.articleId()));
    long hit = found.stream().limit(10).filter(s -> wanted.contains(s.articleId())).count();
    return wanted.isEmpty() ? 1 : (double) hit / wanted.size();
  }

  private static double ms(long[] nanos, double q) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
  }
}
