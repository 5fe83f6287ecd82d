package org.dailydl.server.relevance;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The judged query set and related pairs for {@code content/}, and the recorded regression numbers. */
public final class Judgments {
  static final ObjectMapper JSON = new ObjectMapper();

  public record Query(String query, String type, Map<String, Integer> relevant) {}

  record Related(String source, List<String> related) {}

  private Judgments() {}

  public static List<Query> queries() {
    return read("/relevance/search-judgments.json", new TypeReference<>() {});
  }

  static List<Related> related() {
    return read("/relevance/related-judgments.json", new TypeReference<>() {});
  }

  /** {@code regression.json}: metric values per system, the floor the shipped ranking may not drop below. */
  static double recorded(String task, String system, String metric) {
    com.fasterxml.jackson.databind.JsonNode node =
        read("/relevance/regression.json", new TypeReference<com.fasterxml.jackson.databind.JsonNode>() {});
    return node.path(task).path(system).path(metric).asDouble(Double.NaN);
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

  static void writeReport(String name, Object report) {
    try {
      Path out = Path.of("target", "relevance", name);
      Files.createDirectories(out.getParent());
      JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
