package org.dailydl.benchmarks.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.dailydl.benchmarks.corpus.ArticleComposer.Composed;
import org.dailydl.benchmarks.corpus.CorpusPlan.Spec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a synthetic knowledge base for benchmarks: {@code --articles} Chinese/English Markdown
 * articles in a category/topic folder tree, plus a {@code README.md} home page linking into every
 * category. The same arguments always produce the same files.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.dailydl.benchmarks.corpus.CorpusGenerator --out /tmp/corpus10k</pre>
 */
@Command(
    name = "generate-corpus",
    mixinStandardHelpOptions = true,
    description = "Writes N deterministic Chinese/English Markdown articles (front matter, headings, lists, tables, "
        + "math, Python code, relative links with a share broken on purpose) for indexing and server benchmarks.")
public final class CorpusGenerator implements Callable<Integer> {
  /** Marks a folder this program wrote, so that a rerun may replace it and nothing else. */
  static final String MARKER = ".dailydl-corpus";

  @Option(names = "--out", required = true, description = "Folder to write (created; replaced if written by this program).")
  Path out;

  @Option(names = "--articles", defaultValue = "10000", description = "Number of articles (default: ${DEFAULT-VALUE}).")
  int articles;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--broken-link-rate", defaultValue = "0.01",
      description = "Share of internal links pointing to missing files (default: ${DEFAULT-VALUE}).")
  double brokenLinkRate;

  public static void main(String[] args) {
    System.exit(new CommandLine(new CorpusGenerator()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    if (articles < 2) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--articles must be at least 2");
    }
    long start = System.nanoTime();
    prepare(out);
    CorpusPlan plan = CorpusPlan.create(Vocabulary.load(), articles, seed);
    ArticleComposer composer = new ArticleComposer(plan, seed, brokenLinkRate);
    for (CorpusPlan.Folder folder : plan.folders()) {
      Files.createDirectories(out.resolve(folder.path()));
    }
    Composed[] written = plan.specs().parallelStream().map(spec -> write(composer, spec)).toArray(Composed[]::new);
    String readme = homePage(plan);
    Files.writeString(out.resolve("README.md"), readme, StandardCharsets.UTF_8);
    Files.writeString(out.resolve(MARKER), String.format(Locale.ROOT, "articles=%d%nseed=%d%nbrokenLinkRate=%s%n",
        articles, seed, brokenLinkRate), StandardCharsets.UTF_8);
    printSummary(plan, written, ArticleComposer.utf8Length(readme), (System.nanoTime() - start) / 1e9);
    return 0;
  }

  private Composed write(ArticleComposer composer, Spec spec) {
    Composed composed = composer.compose(spec);
    try {
      Files.writeString(out.resolve(spec.path()), composed.markdown(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return composed;
  }

  /** Creates {@code out}, or empties it when an earlier run of this program wrote it; refuses other folders. */
  private static void prepare(Path out) throws IOException {
    if (Files.isDirectory(out)) {
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          if (!Files.exists(out.resolve(MARKER))) {
            throw new IOException(out + " is not empty and was not written by this program; choose another --out");
          }
          deleteTree(out);
        }
      }
    }
    Files.createDirectories(out);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The home page: every category with links to its first articles, as a hub of the link graph. */
  private static String homePage(CorpusPlan plan) {
    StringBuilder readme = new StringBuilder("# 深度学习知识库（合成语料）\n\n");
    readme.append("这是基准测试用的合成语料：文章由术语表中的真实领域词汇和中文句式拼成。\n\n");
    for (String category : plan.categories()) {
      List<Spec> specs = plan.inCategory(category);
      readme.append("## ").append(category).append("\n\n");
      for (Spec spec : specs.subList(0, Math.min(5, specs.size()))) {
        readme.append("- [").append(spec.topic().zhName()).append("](").append(spec.path()).append(")\n");
      }
      readme.append('\n');
    }
    return readme.toString();
  }

  private void printSummary(CorpusPlan plan, Composed[] written, int readmeBytes, double seconds) {
    int[] sizes = Arrays.stream(written).mapToInt(Composed::bytes).sorted().toArray();
    long total = Arrays.stream(sizes).asLongStream().sum() + readmeBytes;
    int links = Arrays.stream(written).mapToInt(Composed::links).sum();
    int broken = Arrays.stream(written).mapToInt(Composed::brokenLinks).sum();
    System.out.printf(Locale.ROOT, "wrote %d articles + README.md in %d folders under %s (%.1f MB) in %.1f s%n",
        written.length, plan.folders().size(), out, total / 1e6, seconds);
    System.out.printf(Locale.ROOT, "article bytes: min %d, p50 %d, p90 %d, p99 %d, max %d%n", sizes[0],
        sizes[sizes.length / 2], sizes[(int) (sizes.length * 0.9)], sizes[(int) (sizes.length * 0.99)],
        sizes[sizes.length - 1]);
    System.out.printf(Locale.ROOT, "internal links: %d, broken on purpose: %d (%.2f%%)%n", links, broken,
        100.0 * broken / Math.max(1, links));
  }
}
