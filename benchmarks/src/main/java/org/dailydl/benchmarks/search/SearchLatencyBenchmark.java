package org.dailydl.benchmarks.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.dailydl.benchmarks.indexing.ParsedCorpus;
import org.dailydl.benchmarks.relevance.LuceneBaselines;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.search.Mode;
import org.dailydl.server.search.SearchRequest;
import org.dailydl.server.search.SearchService;
import org.dailydl.server.semantic.SemanticService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Server-side latency of uncached search, in-process: every request is a distinct query (the
 * judged queries alone, then rounds of fresh pairs of them), so the result cache never answers. Plain Lucene
 * (SmartChineseAnalyzer, BM25 over title and body, OR) answers the same queries in the same run as
 * the yardstick. Prints p50/p90/p99 of both and their ratio.
 *
 * <pre>java -cp server/target/dailydl.jar:benchmarks/target/benchmarks.jar \
 *     org.dailydl.benchmarks.search.SearchLatencyBenchmark --content content --index /tmp/lat-index \
 *     [--mode lexical|hybrid] [--threads 1] [--rounds 3]</pre>
 */
@Command(name = "search-latency", mixinStandardHelpOptions = true,
    description = "Uncached search latency on distinct queries, beside plain Lucene.")
public final class SearchLatencyBenchmark implements Callable<Integer> {
  @Option(names = "--content", required = true) Path content;
  @Option(names = "--index", required = true) Path index;
  @Option(names = "--queries", description = "judged queries (JSON list of {query}); default: content/'s judged set")
  Path queries;
  @Option(names = "--mode", defaultValue = "lexical") String mode;
  @Option(names = "--threads", defaultValue = "1") int threads;
  @Option(names = "--rounds", defaultValue = "3") int rounds;
  @Option(names = "--pairs", defaultValue = "2000", description = "how many distinct pairs of queries to add") int pairs;
  @Option(names = "--cpu", description = "measure each query's CPU time instead of its wall time") boolean cpu;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SearchLatencyBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<String> singles = readQueries();
    // every request is new to the result cache: the singles once, then fresh pairs in each round
    // (no salt word: an extra word would change what the query finds and how it is run)
    Random random = new Random(42);
    LinkedHashSet<String> seen = new LinkedHashSet<>(singles);
    List<List<String>> pairRounds = new ArrayList<>();
    for (int round = 0; round < rounds + 1; round++) {
      List<String> fresh = new ArrayList<>();
      while (fresh.size() < pairs) {
        String pair = singles.get(random.nextInt(singles.size())) + " " + singles.get(random.nextInt(singles.size()));
        if (seen.add(pair)) {
          fresh.add(pair);
        }
      }
      pairRounds.add(fresh);
    }
    try (IndexHandle handle = IndexHandle.open(content, index)) {
      SemanticService semantics = mode.equals("lexical") ? SemanticService.disabled() : SemanticService.enabled(handle);
      semantics.update();
      SearchService search = SearchService.create(handle, Glossary.forContent(content), semantics);
      Mode m = Mode.of(mode);
      ByteBuffersDirectory plainDir = new ByteBuffersDirectory();
      LuceneBaselines.index(ParsedCorpus.load(content).articles(), new SmartChineseAnalyzer(), plainDir);
      try (DirectoryReader plainReader = DirectoryReader.open(plainDir)) {
        IndexSearcher plain = new IndexSearcher(plainReader);
        QueryBuilder parser = new QueryBuilder(new SmartChineseAnalyzer());
        Run ours = q -> search.search(new SearchRequest(q, 1, 10, null, null, false, m));
        Run base = q -> plain.search(plainQuery(parser, q), 10);
        // warm-up (class loading, JIT, per-version data) on pairs no round uses
        for (String q : pairRounds.get(rounds)) {
          ours.run(q);
          base.run(q);
        }
        String how = threads + " thread(s), " + mode + (cpu ? ", CPU time" : ", wall time");
        report("judged queries alone (" + singles.size() + ", " + how + ")", time(singles, ours), time(singles, base));
        for (int round = 0; round < rounds; round++) {
          List<String> fresh = pairRounds.get(round);
          report("round " + (round + 1) + ": " + fresh.size() + " new pairs of judged queries (" + how + ")",
              time(fresh, ours), time(fresh, base));
        }
      }
      semantics.close();
    }
    return 0;
  }

  private static Query plainQuery(QueryBuilder parser, String text) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String field : new String[] {LuceneBaselines.TITLE, LuceneBaselines.BODY}) {
      Query q = parser.createBooleanQuery(field, text, BooleanClause.Occur.SHOULD);
      if (q != null) {
        b.add(q, BooleanClause.Occur.SHOULD);
      }
    }
    return b.build();
  }

  private interface Run {
    void run(String query) throws Exception;
  }

  /**
   * Nanoseconds of each query, run on {@code threads} threads: wall time, or with {@code --cpu} the
   * thread's CPU time (steady on a shared machine, where wall time includes waiting for a core).
   */
  private long[] time(List<String> queries, Run run) throws Exception {
    long[] nanos = new long[queries.size()];
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        futures.add(pool.submit(() -> {
          for (int i = offset; i < queries.size(); i += threads) {
            long start = cpu ? bean.getCurrentThreadCpuTime() : System.nanoTime();
            run.run(queries.get(i));
            nanos[i] = (cpu ? bean.getCurrentThreadCpuTime() : System.nanoTime()) - start;
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return nanos;
  }

  private static void report(String label, long[] ours, long[] base) {
    long[] a = ours.clone();
    long[] b = base.clone();
    Arrays.sort(a);
    Arrays.sort(b);
    System.out.printf(Locale.ROOT, "%s%n  ours:         p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  mean %6.2f ms%n"
            + "  plain Lucene: p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  mean %6.2f ms%n  ratio p50 %.1fx%n",
        label, ms(a, 0.5), ms(a, 0.9), ms(a, 0.99), mean(a), ms(b, 0.5), ms(b, 0.9), ms(b, 0.99), mean(b),
        ms(a, 0.5) / ms(b, 0.5));
  }

  private static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
  }

  private static double mean(long[] values) {
    return Arrays.stream(values).average().orElse(0) / 1e6;
  }

  private List<String> readQueries() throws IOException {
    Path file = queries != null ? queries
        : Path.of("server/src/test/resources/relevance/search-judgments.json");
    JsonNode root = new ObjectMapper().readTree(Files.readString(file));
    JsonNode list = root.isArray() ? root : root.path("queries");
    List<String> texts = new ArrayList<>();
    for (JsonNode q : list) {
      texts.add(q.has("query") ? q.get("query").asText() : q.get("q").asText());
    }
    return texts;
  }
}
