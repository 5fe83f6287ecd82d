package org.dailydl.benchmarks.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.corpus.PassageVectors;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.semantic.SemanticService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Where the similarity floor of dense hits should be: for judged queries, the cosine of the best
 * passage of each judged-relevant article and of the best article that is not relevant; for
 * off-topic queries (about nothing in the notes), the best cosine at all. A floor below the
 * relevant articles and above the off-topic queries lets semantic search say "nothing found".
 *
 * <pre>java -cp server/target/dailydl.jar:benchmarks/target/benchmarks.jar \
 *     org.dailydl.benchmarks.semantic.DenseFloorCalibration --content content --index /tmp/cal-index \
 *     --judgments server/src/test/resources/relevance/search-judgments.json</pre>
 */
@Command(name = "dense-floor", mixinStandardHelpOptions = true,
    description = "Cosine distributions of relevant, non-relevant and off-topic dense hits.")
public final class DenseFloorCalibration implements Callable<Integer> {
  /** Queries about nothing a deep-learning or CS notes folder holds. */
  static final List<String> OFF_TOPIC = List.of("红烧肉怎么做", "明天的天气预报和股票行情", "xyzzyqwv", "周杰伦的新歌",
      "去西藏旅游需要准备什么", "宫保鸡丁的做法", "足球世界杯冠军", "如何种植西红柿", "iPhone 电池保养", "离婚财产怎么分",
      "养猫注意事项", "北京到上海的高铁票", "qwertyuiop asdf", "婚礼策划流程", "感冒吃什么药", "量子计算");

  @Option(names = "--content", required = true) Path content;
  @Option(names = "--index", required = true) Path index;
  @Option(names = "--judgments", required = true, description = "judged queries: ours (list) or a third-party file ({queries})")
  Path judgments;
  @Option(names = "--sweep", split = ",", description = "floors to try: nDCG@10 of hybrid and semantic search at each, "
      + "and how many off-topic queries answer nothing")
  List<Double> floors = List.of();
  @Option(names = "--alone", split = ",", description = "floors to try when lexical search found nothing (default: the --sweep floor)")
  List<Double> aloneFloors = List.of(0.0);

  public static void main(String[] args) {
    System.exit(new CommandLine(new DenseFloorCalibration()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    JsonNode root = new ObjectMapper().readTree(judgments.toFile());
    JsonNode list = root.isArray() ? root : root.path("queries");
    try (IndexHandle handle = IndexHandle.open(content, index)) {
      SemanticService semantics = SemanticService.enabled(handle);
      semantics.update();
      PassageVectors vectors = semantics.passages().orElseThrow();
      Map<String, String> idToPath = new HashMap<>();
      try (IndexHandle.Lease lease = handle.acquire()) {
        lease.corpus().catalog().articles().forEach(a -> idToPath.put(a.id(), a.path()));
      }
      List<Double> relevant = new ArrayList<>();
      List<Double> bestOther = new ArrayList<>();
      List<Double> relevantTop = new ArrayList<>();
      for (JsonNode q : list) {
        String text = q.has("query") ? q.get("query").asText() : q.get("q").asText();
        JsonNode grades = q.path("relevant");
        double bestRelevant = Double.NEGATIVE_INFINITY;
        double other = Double.NEGATIVE_INFINITY;
        for (PassageVectors.Scored s : vectors.rank(semantics.embedQuery(text), 10_000)) {
          String path = idToPath.get(s.articleId());
          if (grades.has(path)) {
            relevant.add(s.score());
            bestRelevant = Math.max(bestRelevant, s.score());
          } else {
            other = Math.max(other, s.score());
          }
        }
        relevantTop.add(bestRelevant);
        bestOther.add(other);
      }
      List<Double> offTopic = new ArrayList<>();
      StringBuilder offTopicLine = new StringBuilder("off-topic best cosines:");
      for (String text : OFF_TOPIC) {
        double best = vectors.rank(semantics.embedQuery(text), 1).get(0).score();
        offTopic.add(best);
        offTopicLine.append(String.format(Locale.ROOT, " %s %.3f;", text, best));
      }
      System.out.println(offTopicLine);
      print("every judged-relevant article", relevant);
      print("best judged-relevant article per query", relevantTop);
      print("best non-relevant article per query", bestOther);
      print("best article for off-topic queries", offTopic);
      if (!floors.isEmpty()) {
        new FloorSweep(handle, Glossary.forContent(content), semantics).run(list, floors, aloneFloors);
      }
      semantics.close();
    }
    return 0;
  }

  private static void print(String label, List<Double> values) {
    List<Double> sorted = values.stream().filter(v -> v > Double.NEGATIVE_INFINITY).sorted().toList();
    if (sorted.isEmpty()) {
      System.out.println(label + ": none");
      return;
    }
    System.out.printf(Locale.ROOT, "%-42s n=%4d  min %.3f  p10 %.3f  p25 %.3f  p50 %.3f  p75 %.3f  p90 %.3f  max %.3f%n",
        label, sorted.size(), sorted.get(0), q(sorted, 0.1), q(sorted, 0.25), q(sorted, 0.5), q(sorted, 0.75),
        q(sorted, 0.9), sorted.get(sorted.size() - 1));
  }

  private static double q(List<Double> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) (p * sorted.size())));
  }
}
