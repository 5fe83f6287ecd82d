package org.dailydl.benchmarks.indexing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.dailydl.indexer.index.IndexArticles;
import org.dailydl.indexer.index.IndexReport;
import org.dailydl.indexer.index.ProgressListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Indexing throughput of the real pipeline ({@link IndexArticles}: walk, parse, smartcn + bigram +
 * code analysis, term vectors, anchors, atomic switch) beside plain Lucene ({@link PlainLuceneBaseline}: StandardAnalyzer and smartcn, one thread)
 * over the same parsed titles and bodies, on one or more content folders. Each round runs the
 * parse, the baseline and the pipeline once; warm-up rounds are discarded and the medians of the
 * measured rounds reported, with the 1-minute load average seen during each round.
 *
 * <pre>java -Xmx2g -cp benchmarks/target/benchmarks.jar org.dailydl.benchmarks.indexing.IndexingBenchmark \
 *     --content content --content /tmp/corpus10k</pre>
 */
@Command(
    name = "indexing-benchmark",
    mixinStandardHelpOptions = true,
    description = "Times the project's full indexing pipeline against plain Lucene StandardAnalyzer on the same text.")
public final class IndexingBenchmark implements Callable<Integer> {

  @Option(names = "--content", required = true, description = "Content folder to index (repeatable).")
  List<Path> contents;

  @Option(names = "--warmup", defaultValue = "1", description = "Discarded rounds first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--runs", defaultValue = "3", description = "Measured rounds; medians reported (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--work", description = "Scratch folder for the indexes (default: a new temporary folder, deleted after).")
  Path work;

  @Option(names = "--json", description = "Also write every round and the medians to this JSON file.")
  Path json;

  /** One measured round. */
  record Round(int round, boolean warmup, double parseSeconds, double baselineSeconds, double smartcnSeconds,
      double pipelineSeconds,
      int pipelineArticles, long pipelineIndexBytes, long baselineIndexBytes, double loadBefore, double loadAfter) {}

  /** Medians over the measured rounds of one content folder. */
  record Summary(String content, int files, int articles, int brokenLinks, int problems, long inputBytes, long textChars,
      double pipelineSeconds, double pipelineArticlesPerSecond, double pipelineMBPerSecond,
      double baselineSeconds, double baselineArticlesPerSecond, double baselineMBPerSecond,
      double pipelineOverBaseline, double smartcnSeconds, double pipelineOverSmartcn, double parseSeconds, long pipelineIndexBytes, long baselineIndexBytes,
      double maxLoad, List<Round> rounds) {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new IndexingBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    boolean temporary = work == null;
    Path scratch = temporary ? Files.createTempDirectory("dailydl-indexing-bench") : Files.createDirectories(work);
    List<Summary> summaries = new ArrayList<>();
    try {
      for (Path content : contents) {
        summaries.add(measure(content, scratch));
      }
    } finally {
      if (temporary) {
        deleteTree(scratch);
      }
    }
    System.out.println();
    System.out.println(table(summaries));
    if (json != null) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), summaries);
    }
    return 0;
  }

  private Summary measure(Path content, Path scratch) throws IOException {
    List<Round> rounds = new ArrayList<>();
    int files = 0;
    int articles = 0;
    long inputBytes = 0;
    long textChars = 0;
    int pipelineArticles = 0;
    int brokenLinks = 0;
    int problems = 0;
    for (int i = 0; i < warmup + runs; i++) {
      double loadBefore = load();
      System.gc();
      ParsedCorpus corpus = ParsedCorpus.load(content);
      double parseSeconds = corpus.nanos() / 1e9;
      files = corpus.files();
      articles = corpus.articles().size();
      inputBytes = corpus.inputBytes();
      textChars = corpus.textChars();
      Path plain = scratch.resolve("plain-" + i);
      long baseline = PlainLuceneBaseline.standard(corpus.articles(), plain);
      long plainBytes = sizeOf(plain);
      deleteTree(plain);
      long smartcn = PlainLuceneBaseline.smartcn(corpus.articles(), plain);
      deleteTree(plain);
      corpus = null; // the pipeline parses for itself: do not make it collect around our copy

      System.gc();
      Path indexDir = scratch.resolve("pipeline-" + i);
      long start = System.nanoTime();
      IndexReport report =
          new IndexArticles(new IndexArticles.Options(content, indexDir, true, 5_000_000), ProgressListener.NONE).run();
      long pipeline = System.nanoTime() - start;
      long pipelineBytes = sizeOf(indexDir);
      deleteTree(indexDir);
      pipelineArticles = report.articles();
      brokenLinks = report.brokenLinks().size();
      problems = report.problems().size();

      Round round = new Round(i + 1, i < warmup, parseSeconds, baseline / 1e9, smartcn / 1e9, pipeline / 1e9,
          report.articles(), pipelineBytes, plainBytes, loadBefore, load());
      rounds.add(round);
      System.out.printf(Locale.ROOT, "%s round %d%s: parse %.2f s, StandardAnalyzer %.2f s, smartcn %.2f s, "
              + "pipeline %.2f s (%d articles), load %.2f → %.2f%n", content, round.round(),
          round.warmup() ? " (warm-up)" : "", round.parseSeconds(), round.baselineSeconds(), round.smartcnSeconds(),
          round.pipelineSeconds(), report.articles(), loadBefore, round.loadAfter());
    }
    List<Round> measured = rounds.stream().filter(r -> !r.warmup()).toList();
    double pipeline = median(measured, Round::pipelineSeconds);
    double baseline = median(measured, Round::baselineSeconds);
    double smartcn = median(measured, Round::smartcnSeconds);
    double megabytes = inputBytes / 1e6;
    System.out.printf(Locale.ROOT, "%s: %d files, %d articles, %.1f MB, %d broken links, %d problems reported%n",
        content, files, pipelineArticles, inputBytes / 1e6, brokenLinks, problems);
    return new Summary(content.toString(), files, pipelineArticles, brokenLinks, problems, inputBytes, textChars,
        pipeline, pipelineArticles / pipeline, megabytes / pipeline,
        baseline, articles / baseline, megabytes / baseline,
        pipeline / baseline, smartcn, pipeline / smartcn, median(measured, Round::parseSeconds),
        (long) median(measured, r -> r.pipelineIndexBytes()), (long) median(measured, r -> r.baselineIndexBytes()),
        measured.stream().mapToDouble(r -> Math.max(r.loadBefore(), r.loadAfter())).max().orElse(0), rounds);
  }

  static String table(List<Summary> summaries) {
    StringBuilder t = new StringBuilder();
    t.append("| corpus | articles | input MB | pipeline s | pipeline articles/s | pipeline MB/s | "
        + "StandardAnalyzer s | StandardAnalyzer articles/s | StandardAnalyzer MB/s | pipeline ÷ StandardAnalyzer | "
        + "smartcn s | pipeline ÷ smartcn | walk+parse s | index MB (pipeline / plain) | max load |\n");
    t.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Summary s : summaries) {
      t.append(String.format(Locale.ROOT,
          "| %s | %d | %.1f | %.2f | %.0f | %.2f | %.2f | %.0f | %.2f | %.1f× | %.2f | %.2f× | %.2f | %.1f / %.1f | %.2f |%n",
          s.content(), s.articles(), s.inputBytes() / 1e6, s.pipelineSeconds(), s.pipelineArticlesPerSecond(),
          s.pipelineMBPerSecond(), s.baselineSeconds(), s.baselineArticlesPerSecond(), s.baselineMBPerSecond(),
          s.pipelineOverBaseline(), s.smartcnSeconds(), s.pipelineOverSmartcn(), s.parseSeconds(), s.pipelineIndexBytes() / 1e6, s.baselineIndexBytes() / 1e6,
          s.maxLoad()));
    }
    return t.toString();
  }

  static double median(List<Round> rounds, ToDoubleFunction<Round> value) {
    double[] sorted = rounds.stream().mapToDouble(value).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
