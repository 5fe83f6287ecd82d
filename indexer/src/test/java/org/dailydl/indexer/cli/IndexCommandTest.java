package org.dailydl.indexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dailydl.indexer.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IndexCommandTest {
  @TempDir Path temp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new IndexCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void check_fails_with_each_broken_link_as_path_line_message() {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    int code = run("--content", content.toString(), "--index", temp.resolve("idx").toString(), "--check");
    assertThat(code).isEqualTo(IndexCommand.EXIT_CHECK_FAILED);
    assertThat(err.toString())
        .contains("README.md:14: broken link: 深度学习/RNN.md")
        .contains("深度学习/注意力机制.md:34: broken link: 不存在的文章.md");
    assertThat(out.toString()).contains("10 articles in the index").contains("2 broken links");
  }

  @Test
  void check_passes_on_clean_content_and_the_report_is_json() throws IOException {
    Path content = Files.createDirectories(temp.resolve("clean"));
    Files.writeString(content.resolve("a.md"), "# 甲\n\n见[乙](b.md)。\n");
    Files.writeString(content.resolve("b.md"), "# 乙\n\n见[甲](a.md)。\n");
    Files.writeString(content.resolve("empty.md"), "");
    Path reportFile = temp.resolve("out/report.json");
    int code = run("--content", content.toString(), "--index", temp.resolve("idx").toString(), "--check",
        "--report", reportFile.toString());
    assertThat(code).isZero();
    JsonNode report = new ObjectMapper().readTree(reportFile.toFile());
    assertThat(report.get("articles").asInt()).isEqualTo(2);
    assertThat(report.get("skipped").get(0).get("path").asText()).isEqualTo("empty.md");
    assertThat(report.get("skipped").get(0).get("reason").asText()).isEqualTo("empty file");
    assertThat(report.get("warnings")).hasSize(1);
    assertThat(report.get("brokenLinks")).isEmpty();
    assertThat(report.get("millis").isNumber()).isTrue();
    JsonNode embeddings = report.get("embeddings");
    assertThat(embeddings.get("articles").asInt()).isEqualTo(2);
    assertThat(embeddings.get("passages").asInt()).isPositive();
    assertThat(embeddings.get("embedded").asInt()).isEqualTo(embeddings.get("passages").asInt());
    assertThat(embeddings.get("reused").asInt()).isZero();

    // again: nothing changed, every vector is reused; without embeddings the report says so
    assertThat(run("--content", content.toString(), "--index", temp.resolve("idx").toString(),
        "--report", reportFile.toString())).isZero();
    JsonNode again = new ObjectMapper().readTree(reportFile.toFile()).get("embeddings");
    assertThat(again.get("embedded").asInt()).isZero();
    assertThat(again.get("reused").asInt()).isEqualTo(embeddings.get("passages").asInt());
    assertThat(run("--content", content.toString(), "--index", temp.resolve("idx").toString(), "--no-embeddings",
        "--report", reportFile.toString())).isZero();
    assertThat(new ObjectMapper().readTree(reportFile.toFile()).get("embeddings").isNull()).isTrue();
  }

  @Test
  void missing_content_folder_is_exit_3_and_bad_flags_exit_2() {
    assertThat(run("--content", temp.resolve("nope").toString(), "--index", temp.resolve("idx").toString()))
        .isEqualTo(IndexCommand.EXIT_FAILED);
    assertThat(err.toString()).contains("content folder not found");
    assertThat(run("--no-such-flag")).isEqualTo(2);
    assertThat(run("--max-file-size", "-5")).isEqualTo(2);
  }

  @Test
  void help_documents_the_exit_codes() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Exit codes:").contains("--check found broken internal links");
  }
}
