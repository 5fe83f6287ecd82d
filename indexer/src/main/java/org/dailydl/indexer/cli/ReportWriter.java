package org.dailydl.indexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dailydl.indexer.collection.Problem;
import org.dailydl.indexer.config.SiteConfigFile;
import org.dailydl.indexer.embedding.EmbedArticles;
import org.dailydl.indexer.index.IndexReport;

/**
 * Writes an {@link IndexReport} as the JSON that CI pipelines read. Its shape is described by
 * {@code docs/index-report.schema.json}; {@link #VERSION} changes when a field changes meaning or
 * goes away (adding a field keeps it).
 */
public final class ReportWriter {
  /** The report format's version, the first field of every report. */
  public static final int VERSION = 1;
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
    return toMap(r, embeddings, null);
  }

  /** The same, naming the site ({@code null}: not known, as in the server's statistics). */
  public static Map<String, Object> toMap(IndexReport r, EmbedArticles.Report embeddings, SiteSummary site) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("version", VERSION);
    if (site == null) {
      json.put("site", null);
    } else {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("title", site.title());
      s.put("config", site.configured() ? SiteConfigFile.NAME : null);
      json.put("site", s);
    }
    json.put("mode", r.mode());
    json.put("files", r.files());
    json.put("articles", r.articles());
    json.put("indexed", r.indexed());
    json.put("removed", r.removed());
    json.put("skipped", r.skipped().stream().map(p -> Map.of("path", p.path(), "reason", p.message())).toList());
    List<Problem> warnings = new ArrayList<>(site == null ? List.of() : site.warnings());
    warnings.addAll(r.problems());
    json.put("warnings", warnings.stream()
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
    write(toMap(report, embeddings), file);
  }

  /** Writes a report map (from {@link #toMap}) to {@code file}, creating its folder. */
  static void write(Map<String, Object> report, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    JSON.writeValue(file.toFile(), report);
  }

  /** A report map as indented JSON text. */
  static String toJson(Map<String, Object> report) throws IOException {
    return JSON.writeValueAsString(report);
  }

}
