package org.dailydl.benchmarks.relevance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.dailydl.indexer.schema.IndexedArticle;
import org.dailydl.server.corpus.CorpusSnapshot;
import org.dailydl.server.corpus.Keyword;
import org.dailydl.server.corpus.TermStatistics;
import org.dailydl.server.corpus.TermWeighting;
import org.dailydl.server.corpus.Topics;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.related.RelatedBlend;
import org.dailydl.server.related.RelatedService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The recommendation half of the service measured in-process on every judged corpus at once:
 * related articles (P@5, R@5, nDCG@10), keywords (P@5, articles with a generic word in their top
 * ten), titles (names the subject), topics (generic ones). The same metrics as
 * {@code benchmarks/scripts/score-corpus.py}, without HTTP, so that a change is measured on all
 * corpora in seconds. Third-party corpora are read from {@code --corpora} (checked out there, never
 * committed); a missing one is skipped with a message.
 *
 * <pre>java -cp server/target/dailydl.jar:benchmarks/target/benchmarks.jar \
 *     org.dailydl.benchmarks.relevance.RecommendationLab [--corpora /work/corpora] [--details]</pre>
 */
@Command(name = "recommendation-lab", mixinStandardHelpOptions = true,
    description = "Related articles, keywords, titles and topics on every judged corpus.")
public final class RecommendationLab implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--corpora", defaultValue = "/work/corpora") Path corpora;
  @Option(names = "--judgments", defaultValue = "benchmarks/judgments") Path judgments;
  @Option(names = "--content", defaultValue = "content") Path content;
  @Option(names = "--index-root", defaultValue = "/tmp/recommendation-lab") Path indexRoot;
  @Option(names = "--details", description = "print each corpus's failures") boolean details;
  @Option(names = "--show-keywords", description = "print predicted and judged keywords of every judged article")
  boolean showKeywords;
  @Option(names = "--set", description = "a parameter of TermWeighting or RelatedBlend: name=value")
  List<String> settings = new ArrayList<>();
  @Option(names = "--sweep", description = "evaluate each value of one parameter: name=v1,v2,…") String sweep;
  @Option(names = "--fit", description = "fit RelatedBlend by coordinate ascent on the mean nDCG@10 of all corpora,"
      + " then once leaving each corpus out (fitted on the others, scored on it)") boolean fit;

  public static void main(String[] args) {
    System.exit(new CommandLine(new RecommendationLab()).execute(args));
  }

  /** One judged corpus: its folder and its judgments in the third-party format. */
  public record Corpus(String name, Path root, JsonNode judged) {}

  /** The metrics of one corpus. */
  public record Scores(String name, int articles, double relatedP5, double relatedR5, double relatedNdcg10,
      double keywordP5, double genericShare, int genericWords, double titleAccuracy, int topics, int genericTopics,
      List<String> failures) {}

  /** One setting of everything the lab can vary. */
  public record Variant(TermWeighting weighting, RelatedBlend blend) {
    Variant with(String name, double value) {
      return blendNames().contains(name) ? new Variant(weighting, RecommendationLab.with(blend, name, value))
          : new Variant(RecommendationLab.with(weighting, name, value), blend);
    }
  }

  @Override
  public Integer call() throws Exception {
    Variant base = new Variant(TermWeighting.DEFAULT, RelatedBlend.DEFAULT);
    for (String setting : settings) {
      String[] kv = setting.split("=", 2);
      base = base.with(kv[0], Double.parseDouble(kv[1]));
    }
    List<Variant> variants = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    if (sweep == null) {
      variants.add(base);
      labels.add(base.weighting() + " " + base.blend());
    } else {
      String[] kv = sweep.split("=", 2);
      for (String v : kv[1].split(",")) {
        variants.add(base.with(kv[0], Double.parseDouble(v)));
        labels.add(kv[0] + "=" + v);
      }
    }
    List<Corpus> corpora = corpora();
    List<IndexHandle> handles = new ArrayList<>();
    try {
      for (Corpus corpus : corpora) {
        handles.add(IndexHandle.open(corpus.root(), indexRoot.resolve(corpus.name())));
      }
      if (fit) {
        fitBlend(corpora, handles, base);
        return 0;
      }
      for (int v = 0; v < variants.size(); v++) {
        System.out.println("== " + labels.get(v));
        List<Scores> all = new ArrayList<>();
        for (int c = 0; c < corpora.size(); c++) {
          Scores scores = score(corpora.get(c), handles.get(c), variants.get(v));
          all.add(scores);
          if (details) {
            String name = corpora.get(c).name();
            scores.failures().forEach(f -> System.out.println("  " + name + ": " + f));
          }
        }
        print(all);
      }
    } finally {
      for (IndexHandle h : handles) {
        h.close();
      }
    }
    return 0;
  }

  /** The steps coordinate ascent tries for each weight, relative to its value (and from zero). */
  private static final double[] STEPS = {0.5, 0.75, 1.25, 1.5, 2.0};
  private static final double[] FROM_ZERO = {0.02, 0.05, 0.1, 0.2, 0.4};

  /**
   * Fits the blend on all corpora, then on each set of all corpora but one, reporting the held-out
   * corpus's nDCG@10 under the blend fitted without it next to the default's: a weight that only
   * helps the corpus it was fitted on shows up as a loss here.
   */
  private void fitBlend(List<Corpus> corpora, List<IndexHandle> handles, Variant base) throws IOException {
    List<RelatedEvaluation> evaluations = new ArrayList<>();
    for (int c = 0; c < corpora.size(); c++) {
      evaluations.add(new RelatedEvaluation(corpora.get(c), handles.get(c), base.weighting()));
    }
    RelatedBlend all = ascend(evaluations, base.blend());
    System.out.println("fitted on all: " + all);
    report("default", evaluations, base.blend());
    report("fitted", evaluations, all);
    System.out.println("leave one corpus out (nDCG@10 of the held-out corpus: default -> fitted without it):");
    for (int held = 0; held < evaluations.size(); held++) {
      List<RelatedEvaluation> others = new ArrayList<>(evaluations);
      RelatedEvaluation out = others.remove(held);
      RelatedBlend fitted = ascend(others, base.blend());
      System.out.printf(Locale.ROOT, "  %-28s %.4f -> %.4f   %s%n", out.corpus().name(), out.ndcg(base.blend()),
          out.ndcg(fitted), fitted);
    }
  }

  private static void report(String label, List<RelatedEvaluation> evaluations, RelatedBlend blend) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-8s mean %.4f:", label, mean(evaluations, blend)));
    for (RelatedEvaluation e : evaluations) {
      line.append(String.format(Locale.ROOT, " %s %.4f", e.corpus().name(), e.ndcg(blend)));
    }
    System.out.println(line);
  }

  private static double mean(List<RelatedEvaluation> evaluations, RelatedBlend blend) {
    return evaluations.stream().mapToDouble(e -> e.ndcg(blend)).average().orElse(0);
  }

  /** Coordinate ascent on the mean nDCG@10; content similarity stays 1 (the scale). */
  private static RelatedBlend ascend(List<RelatedEvaluation> evaluations, RelatedBlend start) {
    RelatedBlend best = start;
    double bestScore = mean(evaluations, best);
    for (int round = 0; round < 4; round++) {
      boolean improved = false;
      for (String name : blendNames()) {
        if (name.equals("content")) {
          continue;
        }
        double value = valueOf(best, name);
        for (double step : value == 0 ? FROM_ZERO : STEPS) {
          RelatedBlend candidate = with(best, name, value == 0 ? step : value * step);
          double score = mean(evaluations, candidate);
          if (score > bestScore + 1e-4) {
            best = candidate;
            bestScore = score;
            improved = true;
          }
        }
        if (value > 0) {
          RelatedBlend off = with(best, name, 0);
          double score = mean(evaluations, off);
          if (score > bestScore + 1e-4) {
            best = off;
            bestScore = score;
            improved = true;
          }
        }
      }
      if (!improved) {
        break;
      }
    }
    return best;
  }

  /** The related-article judgments of one corpus, scored under any blend without re-reading the index. */
  private final class RelatedEvaluation {
    private final Corpus corpus;
    private final IndexHandle handle;
    private final TermStatistics terms;
    private final Map<RelatedBlend, Double> scores = new HashMap<>();

    RelatedEvaluation(Corpus corpus, IndexHandle handle, TermWeighting weighting) throws IOException {
      this.corpus = corpus;
      this.handle = handle;
      try (IndexHandle.Lease lease = handle.acquire()) {
        CorpusSnapshot snapshot = lease.corpus();
        this.terms = TermStatistics.of(snapshot.catalog(), snapshot.reader(), snapshot.glossary(), weighting);
      }
    }

    Corpus corpus() {
      return corpus;
    }

    double ndcg(RelatedBlend blend) {
      return scores.computeIfAbsent(blend, b -> {
        try (IndexHandle.Lease lease = handle.acquire()) {
          return related(corpus, lease.corpus(), new RelatedService(handle, b), terms).ndcg();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
  }

  /** Related-article metrics averaged over a corpus's judged sources. */
  record RelatedScores(double p5, double r5, double ndcg, List<String> failures) {}

  static RelatedScores related(Corpus corpus, CorpusSnapshot snapshot, RelatedService service, TermStatistics terms) {
    double p5 = 0;
    double r5 = 0;
    double ndcg = 0;
    int sources = 0;
    List<String> failures = new ArrayList<>();
    for (JsonNode r : corpus.judged().path("related")) {
      Map<String, Integer> wanted = grades(r.path("wanted"));
      IndexedArticle source = snapshot.catalog().byPath(r.path("source").asText()).orElse(null);
      if (source == null || wanted.isEmpty()) {
        continue;
      }
      List<String> ranked = service.related(snapshot, terms, source, 10).hits().stream().map(RelatedService.Hit::path).toList();
      int found = found(ranked, wanted, 5);
      p5 += found / 5.0;
      r5 += (double) found / wanted.size();
      ndcg += ndcg(ranked, wanted, 10);
      sources++;
      if (found < Math.min(3, wanted.size())) {
        failures.add("related " + source.path() + ": " + found + "/" + wanted.size() + " in top 5 " + ranked.subList(0, Math.min(5, ranked.size())));
      }
    }
    int n = Math.max(1, sources);
    return new RelatedScores(p5 / n, r5 / n, ndcg / n, failures);
  }

  static List<String> blendNames() {
    return List.of("content", "linksTo", "linkedFrom", "coCitation", "sameFolder", "next", "previous", "seriesDecay", "folderSize", "listing");
  }

  static double valueOf(RelatedBlend b, String name) {
    return switch (name) {
      case "content" -> b.content();
      case "linksTo" -> b.linksTo();
      case "linkedFrom" -> b.linkedFrom();
      case "coCitation" -> b.coCitation();
      case "sameFolder" -> b.sameFolder();
      case "next" -> b.next();
      case "previous" -> b.previous();
      case "seriesDecay" -> b.seriesDecay();
      case "folderSize" -> b.folderSize();
      case "listing" -> b.listing();
      default -> throw new IllegalArgumentException("no blend weight " + name);
    };
  }

  /** {@code w} with one parameter changed by name (any component of the record). */
  static TermWeighting with(TermWeighting w, String name, double value) {
    RecordComponent[] components = TermWeighting.class.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    boolean found = false;
    try {
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        found |= components[i].getName().equals(name);
        values[i] = components[i].getName().equals(name) ? value : components[i].getAccessor().invoke(w);
      }
      if (!found) {
        throw new IllegalArgumentException("no weighting parameter " + name);
      }
      return TermWeighting.class.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code b} with one weight changed by name. */
  static RelatedBlend with(RelatedBlend b, String name, double v) {
    double[] w = {b.content(), b.linksTo(), b.linkedFrom(), b.coCitation(), b.sameFolder(), b.next(), b.previous(), b.seriesDecay(), b.folderSize(), b.listing()};
    int at = blendNames().indexOf(name);
    if (at < 0) {
      throw new IllegalArgumentException("no blend weight " + name);
    }
    w[at] = v;
    return new RelatedBlend(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9]);
  }

  /** content/ (our judgments in server test resources, plus content.json) and every third-party set present. */
  public List<Corpus> corpora() throws IOException {
    List<Corpus> list = new ArrayList<>();
    list.add(new Corpus("content", content, contentJudgments()));
    try (var files = Files.list(judgments)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        if (name.equals("content")) {
          continue;
        }
        JsonNode judged = JSON.readTree(file.toFile());
        Path root = corpora.resolve(name).resolve(judged.path("root").asText(""));
        if (!Files.isDirectory(root)) {
          System.err.println("skipping " + name + ": " + root + " is missing (fetch and check it out there)");
          continue;
        }
        list.add(new Corpus(name, root, judged));
      }
    }
    return list;
  }

  private JsonNode contentJudgments() throws IOException {
    var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(judgments.resolve("content.json").toFile());
    var related = JSON.createArrayNode();
    for (JsonNode r : JSON.readTree(Path.of("server/src/test/resources/relevance/related-judgments.json").toFile())) {
      var wanted = JSON.createObjectNode();
      r.path("related").forEach(p -> wanted.put(p.asText(), 1));
      related.add(JSON.createObjectNode().put("source", r.path("source").asText()).set("wanted", wanted));
    }
    node.set("related", related);
    return node;
  }

  /** Every metric of one corpus, with related articles from {@code related}. */
  public Scores score(Corpus corpus, IndexHandle handle, Variant variant) throws IOException {
    JsonNode judged = corpus.judged();
    RelatedService service = new RelatedService(handle, variant.blend());
    List<String> failures = new ArrayList<>();
    try (IndexHandle.Lease lease = handle.acquire()) {
      CorpusSnapshot snapshot = lease.corpus();
      TermStatistics terms = TermStatistics.of(snapshot.catalog(), snapshot.reader(), snapshot.glossary(), variant.weighting());
      RelatedScores relatedScores = related(corpus, snapshot, service, terms);
      if (details) {
        failures.addAll(relatedScores.failures());
      }
      Set<String> generic = new HashSet<>();
      judged.path("generic").forEach(g -> generic.add(norm(g.asText())));
      double kp5 = 0;
      int judgedKeywords = 0;
      for (JsonNode k : judged.path("keywords")) {
        IndexedArticle article = snapshot.catalog().byPath(k.path("path").asText()).orElse(null);
        if (article == null) {
          continue;
        }
        List<String> predicted = terms.keywords(article.id(), 10).stream().map(Keyword::term).toList();
        int matched = matchedGroups(predicted.subList(0, Math.min(5, predicted.size())), k.path("keywords"));
        kp5 += matched / 5.0;
        if (showKeywords) {
          System.out.println("  " + matched + "/5 " + k.path("path").asText() + "\n      ours:   " + predicted
              + "\n      judged: " + k.path("keywords"));
        }
        judgedKeywords++;
      }
      int withGeneric = 0;
      int genericWords = 0;
      for (IndexedArticle a : snapshot.catalog().articles()) {
        List<String> top = terms.keywords(a.id(), 10).stream().map(Keyword::term).toList();
        long bad = top.stream().filter(t -> generic.contains(norm(t))).count();
        genericWords += (int) bad;
        if (bad > 0) {
          withGeneric++;
          if (details) {
            failures.add("generic keywords " + a.path() + ": " + top.stream().filter(t -> generic.contains(norm(t))).toList());
          }
        }
      }
      int titlesRight = 0;
      int titles = 0;
      for (JsonNode t : judged.path("titles")) {
        IndexedArticle article = snapshot.catalog().byPath(t.path("path").asText()).orElse(null);
        titles++;
        String title = article == null ? "" : article.title().toLowerCase(Locale.ROOT);
        boolean ok = false;
        for (JsonNode s : t.path("subject")) {
          ok |= title.contains(s.asText().toLowerCase(Locale.ROOT));
        }
        if (ok) {
          titlesRight++;
        } else {
          failures.add("title " + t.path("path").asText() + ": \"" + (article == null ? null : article.title())
              + "\" (judged: " + t.path("title").asText() + ")");
        }
      }
      List<Topics.Topic> topics = Topics.of(snapshot.catalog(), terms).all();
      List<String> badTopics = topics.stream().map(Topics.Topic::label).filter(t -> generic.contains(norm(t))).toList();
      if (!badTopics.isEmpty()) {
        failures.add("generic topics: " + badTopics);
      }
      return new Scores(corpus.name(), snapshot.catalog().size(), relatedScores.p5(), relatedScores.r5(),
          relatedScores.ndcg(), kp5 / Math.max(1, judgedKeywords),
          (double) withGeneric / Math.max(1, snapshot.catalog().size()), genericWords,
          (double) titlesRight / Math.max(1, titles), topics.size(), badTopics.size(), failures);
    }
  }

  public static void print(List<Scores> all) {
    System.out.printf(Locale.ROOT, "%-28s %5s %7s %7s %7s %7s %8s %6s %7s %7s%n", "corpus", "docs", "relP@5", "relR@5",
        "nDCG10", "kwP@5", "generic%", "genW", "titles", "topics");
    for (Scores s : all) {
      System.out.printf(Locale.ROOT, "%-28s %5d %7.4f %7.4f %7.4f %7.4f %8.3f %6d %7.4f %3d(%d)%n", s.name(), s.articles(),
          s.relatedP5(), s.relatedR5(), s.relatedNdcg10(), s.keywordP5(), s.genericShare(), s.genericWords(),
          s.titleAccuracy(), s.topics(), s.genericTopics());
    }
  }

  static Map<String, Integer> grades(JsonNode wanted) {
    Map<String, Integer> grades = new LinkedHashMap<>();
    wanted.fields().forEachRemaining(e -> {
      if (e.getValue().asInt() > 0) {
        grades.put(e.getKey(), e.getValue().asInt());
      }
    });
    return grades;
  }

  static int found(List<String> ranked, Map<String, Integer> grades, int k) {
    int n = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (grades.containsKey(ranked.get(i))) {
        n++;
      }
    }
    return n;
  }

  public static double ndcg(List<String> ranked, Map<String, Integer> grades, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      dcg += (Math.pow(2, grades.getOrDefault(ranked.get(i), 0)) - 1) / (Math.log(i + 2) / Math.log(2));
    }
    List<Integer> ideal = grades.values().stream().sorted((a, b) -> b - a).limit(k).toList();
    double idcg = 0;
    for (int i = 0; i < ideal.size(); i++) {
      idcg += (Math.pow(2, ideal.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  /** Judged keyword groups matched by the predicted terms, each group once (case and spaces ignored). */
  static int matchedGroups(List<String> predicted, JsonNode groups) {
    List<Set<String>> spellings = new ArrayList<>();
    groups.forEach(g -> {
      Set<String> set = new HashSet<>();
      g.forEach(s -> set.add(norm(s.asText())));
      spellings.add(set);
    });
    Set<Integer> matched = new HashSet<>();
    for (String term : predicted) {
      for (int i = 0; i < spellings.size(); i++) {
        if (!matched.contains(i) && spellings.get(i).contains(norm(term))) {
          matched.add(i);
          break;
        }
      }
    }
    return matched.size();
  }

  static String norm(String term) {
    return Normalizer.normalize(term, Normalizer.Form.NFC).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }
}
