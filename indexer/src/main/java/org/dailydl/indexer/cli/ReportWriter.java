package org.dailydl.indexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dailydl.indexer.embedding.EmbedArticles;
import org.dailydl.indexer.index.IndexReport;

/** Writes an {@link IndexReport} as the JSON that CI pipelines read. */
public final class ReportWriter {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportWriter() {}

  /** The report as a JSON-ready map (field order fixed, for diffs). */
  public static Map<String, Object> toMap(IndexReport r) {
    return toMap(r, null);
  }

  /**
   * The report and what the embedding step did ({@code null}: not run, as with
   * {@code --no-embeddings}).
   */
  public static Map<String, Object> toMap(IndexReport r, EmbedArticles.Report embeddings) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("mode", r.mode());
    json.put("files", r.files());
    json.put("articles", r.articles());
    json.put("indexed", r.indexed());
    json.put("removed", r.removed());
    json.put("skipped", r.skipped().stream().map(p -> Map.of("path", p.path(), "reason", p.message())).toList());
    json.put("warnings", r.problems().stream()
        .map(p -> Map.of("path", p.path(), "line", p.line(), "message", p.message())).toList());
    json.put("brokenLinks", references(r, IndexReport.Kind.LINK));
    json.put("brokenAnchors", references(r, IndexReport.Kind.ANCHOR));
    json.put("missingImages", references(r, IndexReport.Kind.IMAGE));
    json.put("passesCheck", r.passesCheck());
    json.put("millis", r.millis());
    if (embeddings == null) {
      json.put("embeddings", null);
    } else {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("articles", embeddings.articles());
      e.put("passages", embeddings.passages());
      e.put("embedded", embeddings.embedded());
      e.put("reused", embeddings.reused());
      e.put("millis", embeddings.millis());
      json.put("embeddings", e);
    }
    return json;
  }

  private static List<Map<String, Object>> references(IndexReport r, IndexReport.Kind kind) {
    return r.brokenLinks(kind).stream()
        .map(l -> Map.<String, Object>of("path", l.path(), "line", l.line(), "target", l.target())).toList();
  }

  public static void write(IndexReport report, Path file) throws IOException {
    write(report, null, file);
  }

  public static void write(IndexReport report, EmbedArticles.Report embeddings, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    JSON.writeValue(file.toFile(), toMap(report, embeddings));
  }

}
