package org.dailydl.server.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query log on disk: one JSON object per line, {@code {"event":"search","hour":…,"query":…,
 * "results":…}} or {@code {"event":"open","hour":…,"query":…,"path":…}}. Lines that cannot be read
 * back (a torn last line, a hand edit) are skipped. A failed write is logged and the event kept in
 * memory only: analytics never break search. Thread-safe.
 */
final class QueryLogFile {
  private static final Logger LOG = LoggerFactory.getLogger(QueryLogFile.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path path;
  private final BufferedWriter writer;

  private QueryLogFile(Path path, BufferedWriter writer) {
    this.path = path;
    this.writer = writer;
  }

  /** Reads {@code path} into {@code stats} and opens it for appending. */
  static QueryLogFile open(Path path, QueryStats stats) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    int skipped = 0;
    if (Files.exists(path)) {
      try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          QueryStats.Event event = parse(line);
          if (event == null) {
            skipped++;
          } else {
            stats.add(event);
          }
        }
      }
    }
    if (skipped > 0) {
      LOG.warn("query log {}: skipped {} unreadable lines", path, skipped);
    }
    BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    return new QueryLogFile(path, writer);
  }

  static QueryStats.Event parse(String line) {
    if (line.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(line);
      String query = node.path("query").asText("");
      String hour = node.path("hour").asText("");
      if (query.isEmpty() || hour.isEmpty()) {
        return null;
      }
      return switch (node.path("event").asText("")) {
        case "search" -> new QueryStats.Event(QueryStats.Kind.SEARCH, hour, query, node.path("results").asLong(0), null);
        case "open" -> new QueryStats.Event(QueryStats.Kind.OPEN, hour, query, 0, node.path("path").asText(null));
        default -> null;
      };
    } catch (IOException e) {
      return null;
    }
  }

  static String format(QueryStats.Event event) throws IOException {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("event", event.kind() == QueryStats.Kind.SEARCH ? "search" : "open");
    line.put("hour", event.hour());
    line.put("query", event.query());
    if (event.kind() == QueryStats.Kind.SEARCH) {
      line.put("results", event.results());
    } else {
      line.put("path", event.path());
    }
    return JSON.writeValueAsString(line);
  }

  synchronized void append(QueryStats.Event event) {
    try {
      writer.write(format(event));
      writer.newLine();
      writer.flush();
    } catch (IOException e) {
      LOG.warn("query log {}: cannot write ({}); the event is counted in memory only", path, e.toString());
    }
  }

  synchronized void close() throws IOException {
    writer.close();
  }
}
