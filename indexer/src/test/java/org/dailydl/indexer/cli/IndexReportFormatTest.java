package org.dailydl.indexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dailydl.indexer.Fixtures;
import org.dailydl.indexer.embedding.EmbedArticles;
import org.dailydl.indexer.index.IndexArticles;
import org.dailydl.indexer.index.IndexReport;
import org.dailydl.indexer.index.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code index --format text|github|json}, and the JSON report against its published schema. */
class IndexReportFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The schema authors' tools read, as committed (the tests run in the module folder). */
  private static final Path SCHEMA = Path.of("..", "docs", "index-report.schema.json");

  @TempDir Path temp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new IndexCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private static Schema schema() throws IOException {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(Files.readString(SCHEMA));
  }

  private static List<String> errors(JsonNode report) throws IOException {
    return schema().validate(report).stream().map(Error::getMessage).toList();
  }

  /** Notes with one of each: broken link, broken anchor, missing image, and a dailydl.yml typo. */
  private Path notesWithMistakes() throws IOException {
    Path content = Fixtures.copyOfForeignNotes(temp.resolve("notes"));
    Files.writeString(content.resolve("排序/快速排序.md"), Files.readString(content.resolve("排序/快速排序.md"))
        + "\n见[堆排序的建堆](堆排序.md#建堆)。\n\n![递归树](figures/recursion-tree.svg)\n\n[旧笔记](旧笔记.md)\n");
    Files.writeString(content.resolve("dailydl.yml"), "title: 小林的算法笔记\ntittle: 拼错了\n");
    return content;
  }

  @Test
  void github_format_prints_workflow_commands_that_annotate_each_file_and_line() throws IOException {
    Path content = notesWithMistakes();
    int code = run("--content", content.toString(), "--index", temp.resolve("idx").toString(), "--check",
        "--no-embeddings", "--format", "github");
    assertThat(code).isEqualTo(IndexCommand.EXIT_CHECK_FAILED);
    String file = content.resolve("排序/快速排序.md").toString();
    String config = content.resolve("dailydl.yml").toString();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).contains(
        "::error file=" + file + ",line=20::broken anchor: 堆排序.md#建堆",
        "::error file=" + file + ",line=22::missing image: figures/recursion-tree.svg",
        "::error file=" + file + ",line=24::broken link: 旧笔记.md",
        "::warning file=" + config + ",line=2::unknown key 'tittle' (did you mean 'title'?); known keys: title, "
            + "subtitle, tagline, description, examples, categories, home, language");
    assertThat(lines).anyMatch(l -> l.startsWith("site: 小林的算法笔记 (dailydl.yml)"));
    assertThat(lines).anyMatch(l -> l.contains("1 broken links, 1 broken anchors, 1 missing images"));
    assertThat(err.toString()).doesNotContain("broken anchor");
  }

  @Test
  void workflow_command_values_are_escaped_as_github_reads_them() {
    ReportPrinter printer = new ReportPrinter(ReportPrinter.Format.github, Path.of("notes"), null, null);
    assertThat(printer.workflowCommand(new ReportPrinter.Finding("a,b:c.md", 3, "100% 坏\nline", true)))
        .isEqualTo("::error file=notes/a%2Cb%3Ac.md,line=3::100%25 坏%0Aline");
    assertThat(printer.workflowCommand(new ReportPrinter.Finding("empty.md", 0, "empty file", false)))
        .isEqualTo("::warning file=notes/empty.md::empty file");
  }

  @Test
  void json_format_prints_only_the_report_on_stdout_and_it_matches_the_schema() throws IOException {
    Path content = notesWithMistakes();
    int code = run("--content", content.toString(), "--index", temp.resolve("idx").toString(), "--check",
        "--no-embeddings", "--format", "json", "--report", temp.resolve("report.json").toString());
    assertThat(code).isEqualTo(IndexCommand.EXIT_CHECK_FAILED);
    JsonNode report = JSON.readTree(out.toString());
    assertThat(errors(report)).isEmpty();
    assertThat(report.get("version").asInt()).isEqualTo(ReportWriter.VERSION).isEqualTo(1);
    assertThat(report.get("site").get("title").asText()).isEqualTo("小林的算法笔记");
    assertThat(report.get("site").get("config").asText()).isEqualTo("dailydl.yml");
    assertThat(report.get("articles").asInt()).isEqualTo(10);
    assertThat(report.get("brokenAnchors").get(0).get("target").asText()).isEqualTo("堆排序.md#建堆");
    assertThat(report.get("brokenAnchors").get(0).get("line").asInt()).isEqualTo(20);
    assertThat(report.get("missingImages").get(0).get("target").asText()).isEqualTo("figures/recursion-tree.svg");
    assertThat(report.get("brokenLinks").get(0).get("target").asText()).isEqualTo("旧笔记.md");
    assertThat(report.get("warnings").get(0).get("path").asText()).isEqualTo("dailydl.yml");
    assertThat(report.get("passesCheck").asBoolean()).isFalse();
    assertThat(JSON.readTree(temp.resolve("report.json").toFile())).isEqualTo(report);
    // the summary goes to stderr, so stdout stays one JSON document
    assertThat(err.toString()).contains("site: 小林的算法笔记").contains("broken anchors");
  }

  @Test
  void text_format_names_a_folder_without_settings_after_its_readme() {
    Path content = Fixtures.copyOfForeignNotes(temp.resolve("notes"));
    assertThat(run("--content", content.toString(), "--index", temp.resolve("idx").toString(), "--check",
        "--no-embeddings")).isZero();
    assertThat(out.toString()).contains("site: 小林的算法笔记 (no dailydl.yml: named after the folder)")
        .contains("0 broken links, 0 broken anchors, 0 missing images");
    assertThat(run("--format", "xml")).isEqualTo(2);
  }

  @Test
  void the_schema_accepts_reports_with_embeddings_and_rejects_unknown_or_missing_fields() throws IOException {
    IndexReport result = new IndexArticles(new IndexArticles.Options(Fixtures.copyOfCorpus(temp.resolve("c")),
        temp.resolve("i")), ProgressListener.NONE).run();
    SiteSummary site = SiteSummary.of(temp.resolve("c"));
    ObjectNode withEmbeddings = JSON.valueToTree(ReportWriter.toMap(result, new EmbedArticles.Report(10, 40, 40, 0, 900, false), site));
    assertThat(errors(withEmbeddings)).isEmpty();
    assertThat(withEmbeddings.get("brokenAnchors")).hasSize(1);
    // the server's statistics carry the same report without a site
    assertThat(errors(JSON.valueToTree(ReportWriter.toMap(result)))).isEmpty();

    ObjectNode extra = withEmbeddings.deepCopy();
    extra.put("surprise", 1);
    assertThat(errors(extra)).isNotEmpty();
    ObjectNode extraInItem = withEmbeddings.deepCopy();
    ((ObjectNode) extraInItem.get("brokenAnchors").get(0)).put("kind", "anchor");
    assertThat(errors(extraInItem)).isNotEmpty();
    ObjectNode noVersion = withEmbeddings.deepCopy();
    noVersion.remove("version");
    assertThat(errors(noVersion)).isNotEmpty();
    ObjectNode wrongVersion = withEmbeddings.deepCopy();
    wrongVersion.put("version", 2);
    assertThat(errors(wrongVersion)).isNotEmpty();
  }
}
