package org.dailydl.indexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The CI examples authors copy (docs/ci) are valid YAML and call {@code index} with flags it has:
 * a renamed flag would otherwise break every copy silently.
 */
class CiExamplesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern INDEX_CALL = Pattern.compile("dailydl\\.jar\"? index (.*)");

  private static List<String> indexCalls(JsonNode node) {
    List<String> calls = new ArrayList<>();
    if (node.isTextual()) {
      Matcher m = INDEX_CALL.matcher(node.asText().replace('\n', ' '));
      if (m.find()) {
        calls.add(m.group(1).strip());
      }
    }
    node.forEach(child -> calls.addAll(indexCalls(child)));
    return calls;
  }

  /** Splits a shell command line on spaces, dropping quotes; variables stand for themselves. */
  private static String[] args(String commandLine) {
    return commandLine.replace("\"", "").split("\\s+");
  }

  private static void assertCallsParse(String file, boolean expectGithubFormat) throws IOException {
    JsonNode workflow = YAML.readTree(Path.of("..", "docs", "ci", file).toFile());
    List<String> calls = indexCalls(workflow);
    assertThat(calls).as(file).hasSizeGreaterThanOrEqualTo(2);
    for (String call : calls) {
      IndexCommand command = new IndexCommand();
      new CommandLine(command).parseArgs(args(call));
      assertThat(command.locations.content.toString()).isEqualTo("$NOTES");
    }
    assertThat(calls).anyMatch(c -> c.contains("--check") && c.contains("--report"));
    if (expectGithubFormat) {
      assertThat(calls).anyMatch(c -> c.contains("--format github"));
    }
  }

  @Test
  void the_github_actions_example_runs_index_with_real_flags() throws IOException {
    assertCallsParse("github-actions.yml", true);
    JsonNode workflow = YAML.readTree(Path.of("..", "docs", "ci", "github-actions.yml").toFile());
    assertThat(workflow.get("jobs").get("check").get("steps")).isNotEmpty();
  }

  @Test
  void the_gitlab_ci_example_runs_index_with_real_flags() throws IOException {
    assertCallsParse("gitlab-ci.yml", false);
    JsonNode pipeline = YAML.readTree(Path.of("..", "docs", "ci", "gitlab-ci.yml").toFile());
    assertThat(pipeline.get("check-notes").get("artifacts").get("when").asText()).isEqualTo("always");
  }
}
