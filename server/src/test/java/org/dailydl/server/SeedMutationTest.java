package org.dailydl.server;

import org.dailydl.server.articles.NotebookParserFuzzTest;
import org.dailydl.server.articles.MarkdownRendererFuzzTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.dailydl.indexer.collection.LinkResolver;
import org.dailydl.server.search.QueryFuzzTest;
import org.dailydl.server.search.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
/**
 * The fuzz properties over deterministic mutations of the seed corpora (fixed seed), so that a
 * normal test run explores beyond the seeds that Jazzer's regression mode replays. A failing input
 * is written to {@code target/fuzz-findings/} for adding to the corpus, and named in the failure.
 */
class SeedMutationTest {
  static final long SEED = 0xF0221E5L;
  static final List<String> QUERY_TOKENS = List.of("title:", "*", "?", "~", "~2", "^", "^-1", "[a TO", "{", "}",
      "\"", "(", ")", "AND", "OR", "NOT", "\\", "/", "/.*/", "{1,1000}", ":", "+", "-", "&&", "||", "!", "注意力",
      "卷积神经网络", "全连接层", "😀", "\u200d", "\u202e", "\u0000");
  static final List<String> MARKDOWN_TOKENS = List.of("<script>", "</script>", "<iframe src=", "javascript:",
      "JaVaScRiPt:", "vbscript:", "data:text/html,", " onerror=", " onclick=\"", "<style>", "<form action=", "<object>",
      "<embed src=", "srcdoc=", "[x](", ")", "![i](", "<", ">", "\"", "'", "`", "```", "~~~", "$", "$$", "\\href{",
      "---\n", "\n", "\t", "&#106;", "&colon;", "|", "- [x] ", "# ", "[r]: ", "<http://", "www.", "%0a", "\u0000");
  static final List<String> NOTEBOOK_TOKENS = List.of("{", "}", "[", "]", "\"", ",", ":", "\"cells\"",
      "\"worksheets\"", "\"cell_type\"", "\"markdown\"", "\"code\"", "\"heading\"", "\"source\"", "\"input\"",
      "\"level\"", "null", "true", "1e400", "-1", "2147483648", "\\u0000", "\\ud800", "```", "~~~~", "<script>");

  static final Path FINDINGS = Path.of("target", "fuzz-findings");
  static Path temp;
  static Path content;
  static TestIndex index;
  static SearchService search;
  static LinkResolver resolver;

  @BeforeAll
  static void open() throws IOException {
    temp = Files.createTempDirectory("dailydl-mutation");
    index = TestIndex.ofFixtures(temp);
    search = SearchService.create(index.handle, index.glossary());
    content = MarkdownRendererFuzzTest.contentFolder();
    resolver = new LinkResolver(content);
  }

  @AfterAll
  static void close() throws IOException {
    if (index != null) {
      index.close();
    }
    FuzzText.deleteTree(temp);
    FuzzText.deleteTree(content);
  }

  @Test
  void query_builder_survives_1000_mutations() throws IOException {
    run("query_builder", seeds(QueryFuzzTest.class, "query_builder_never_throws"), QUERY_TOKENS, 1000,
        data -> FuzzText.variants(data).forEach(QueryFuzzTest::checkBuild));
  }

  @Test
  void search_survives_150_mutations() throws IOException {
    // each input runs whole searches against the index: fewer mutations keep the run short
    run("search", seeds(QueryFuzzTest.class, "search_throws_only_invalid_query_for_lucene_syntax"), QUERY_TOKENS, 150,
        data -> {
          for (String text : FuzzText.variants(data)) {
            QueryFuzzTest.checkSearch(search, text);
          }
        });
  }

  @Test
  void markdown_renderer_survives_1000_mutations() throws IOException {
    run("markdown", seeds(MarkdownRendererFuzzTest.class, "rendered_html_has_no_active_content"), MARKDOWN_TOKENS,
        1000, data -> FuzzText.variants(data).forEach(md -> MarkdownRendererFuzzTest.check(resolver, md)));
  }

  @Test
  void notebook_parser_survives_2000_mutations() throws IOException {
    run("notebook", seeds(NotebookParserFuzzTest.class, "parse_throws_only_malformed_notebook"), NOTEBOOK_TOKENS,
        2000, data -> {
          for (String json : FuzzText.variants(data)) {
            NotebookParserFuzzTest.checkParse(json);
            NotebookParserFuzzTest.checkToMarkdown(json);
          }
        });
  }

  interface Target {
    void accept(byte[] data) throws Exception;
  }

  private static List<byte[]> seeds(Class<?> testClass, String method) {
    List<byte[]> seeds = FuzzText.seeds(testClass, method);
    assertThat(seeds).as("seed corpus of %s", testClass.getSimpleName()).hasSizeGreaterThanOrEqualTo(10);
    return seeds;
  }

  /** Runs {@code count} mutations; collects every failure (up to a few) before failing. */
  private static void run(String name, List<byte[]> seeds, List<String> tokens, int count, Target target)
      throws IOException {
    Random random = new Random(SEED ^ name.hashCode());
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < count && failures.size() < 5; i++) {
      byte[] input = mutate(random, seeds, tokens);
      try {
        target.accept(input);
      } catch (Throwable t) {
        Files.createDirectories(FINDINGS);
        Path file = FINDINGS.resolve(name + "-" + i + ".bin");
        Files.write(file, input);
        failures.add("mutation " + i + " (" + file + ", hex " + HexFormat.of().formatHex(input, 0,
            Math.min(input.length, 120)) + "): " + t);
      }
    }
    assertThat(failures).as(name).isEmpty();
  }

  /** One to four byte-level or token-level edits of a seed, sometimes spliced with another. */
  static byte[] mutate(Random random, List<byte[]> seeds, List<String> tokens) {
    byte[] data = seeds.get(random.nextInt(seeds.size())).clone();
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = data.length == 0 ? 0 : random.nextInt(data.length + 1);
      switch (random.nextInt(7)) {
        case 0 -> { // flip a bit
          if (data.length > 0) {
            int i = random.nextInt(data.length);
            data[i] ^= (byte) (1 << random.nextInt(8));
          }
        }
        case 1 -> data = insert(data, at, new byte[] {(byte) random.nextInt(256)});
        case 2 -> { // delete a range
          if (data.length > 0) {
            int from = random.nextInt(data.length);
            int to = Math.min(data.length, from + 1 + random.nextInt(16));
            data = concat(slice(data, 0, from), slice(data, to, data.length));
          }
        }
        case 3 -> { // duplicate a range
          if (data.length > 0) {
            int from = random.nextInt(data.length);
            int to = Math.min(data.length, from + 1 + random.nextInt(32));
            data = insert(data, at, slice(data, from, to));
          }
        }
        case 4 -> { // splice another seed
          byte[] other = seeds.get(random.nextInt(seeds.size()));
          if (other.length > 0) {
            int from = random.nextInt(other.length);
            data = insert(data, at, slice(other, from, Math.min(other.length, from + 1 + random.nextInt(64))));
          }
        }
        case 5 -> data = slice(data, 0, at); // truncate
        default -> data = insert(data, at, tokens.get(random.nextInt(tokens.size())).getBytes(StandardCharsets.UTF_8));
      }
    }
    return data;
  }

  private static byte[] insert(byte[] data, int at, byte[] piece) {
    int i = Math.min(at, data.length);
    return concat(concat(slice(data, 0, i), piece), slice(data, i, data.length));
  }

  private static byte[] slice(byte[] data, int from, int to) {
    return Arrays.copyOfRange(data, from, to);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
