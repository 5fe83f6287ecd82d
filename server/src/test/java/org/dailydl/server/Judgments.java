package org.dailydl.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The judged query set and related pairs for {@code content/}, and the recorded regression numbers. */
public final class Judgments {
  static final ObjectMapper JSON = new ObjectMapper();

  public record Query(String query, String type, Map<String, Integer> relevant) {}

  public record Related(String source, List<String> related) {}

  private Judgments() {}

  public static List<Query> queries() {
    return read("/relevance/search-judgments.json", new TypeReference<>() {});
  }

  public static List<Related> related() {
    return read("/relevance/related-judgments.json", new TypeReference<>() {});
  }

  /** The regression file in the source tree (tests run in the server module's folder). */
  static final Path REGRESSION_SOURCE = Path.of("src", "test", "resources", "relevance", "regression.json");

  /** Set this system property to write this run's numbers into the regression file instead of checking them. */
  static final String UPDATE = "dailydl.regression.update";

  /**
   * Checks that a system's numbers on a task are exactly those recorded in {@code regression.json}
   * (values are rounded to 4 decimals, counts are whole numbers): an improvement must be recorded
   * as much as a regression. With {@code -Ddailydl.regression.update=true} the file is rewritten
   * with this run's numbers instead, for the commit that changes them.
   */
  public static void assertRecorded(String task, String system, Map<String, Double> actual) {
    if (Boolean.getBoolean(UPDATE)) {
      record(task, system, actual);
      return;
    }
    JsonNode recorded = read("/relevance/regression.json", new TypeReference<JsonNode>() {}).path(task).path(system);
    Map<String, Double> expected = new LinkedHashMap<>();
    recorded.fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asDouble()));
    assertThat(actual).as(task + " / " + system + " in regression.json (rerun with -D" + UPDATE
        + "=true to record a change, and say why in the commit)").isEqualTo(expected);
  }

  /**
   * The task name under which numbers that depend on the embedding model's arithmetic are recorded
   * on this machine: {@code task@kernels} when the file holds numbers for this CPU's kernels, else
   * {@code task}. onnxruntime picks its int8 matrix kernels by CPU feature (VNNI instructions
   * multiply exactly, the AVX2 ones saturate), so the same model ranks a few near-ties differently
   * on another kind of CPU. Recording ({@code -D}{@value #UPDATE}) always writes {@code task@kernels}.
   */
  public static String embeddingTask(String task) {
    String own = task + "@" + cpuKernels();
    if (Boolean.getBoolean(UPDATE)) {
      return own;
    }
    JsonNode recorded = read("/relevance/regression.json", new TypeReference<JsonNode>() {});
    return recorded.has(own) ? own : task;
  }

  /** The family of onnxruntime's int8 kernels this CPU gets, from its feature flags (Linux). */
  static String cpuKernels() {
    String flags = "";
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("flags")) {
          flags = " " + line.substring(line.indexOf(':') + 1).strip() + " ";
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
    if (flags.contains(" avx512_vnni ")) {
      return "avx512-vnni";
    }
    if (flags.contains(" avx_vnni ")) {
      return "avx-vnni";
    }
    if (flags.contains(" avx512bw ")) {
      return "avx512";
    }
    return flags.contains(" avx2 ") ? "avx2" : "unknown";
  }

  private static synchronized void record(String task, String system, Map<String, Double> actual) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(REGRESSION_SOURCE.toFile());
      ObjectNode taskNode = root.has(task) ? (ObjectNode) root.get(task) : root.putObject(task);
      ObjectNode values = taskNode.putObject(system);
      actual.forEach(values::put);
      JSON.writerWithDefaultPrettyPrinter().writeValue(REGRESSION_SOURCE.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T read(String resource, TypeReference<T> type) {
    try (InputStream in = Judgments.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing");
      }
      return JSON.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository's knowledge base, from the server module's working directory. */
  public static Path content() {
    for (Path candidate : List.of(Path.of("../content"), Path.of("content"))) {
      if (Files.isRegularFile(candidate.resolve("README.md"))) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("content/ not found from " + Path.of("").toAbsolutePath());
  }

  public static void writeReport(String name, Object report) {
    try {
      Path out = Path.of("target", "relevance", name);
      Files.createDirectories(out.getParent());
      JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
