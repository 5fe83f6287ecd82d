package org.dailydl.indexer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.dailydl.indexer.collection.Problem;
import org.dailydl.indexer.index.IndexReport;

/**
 * Prints what a run found, in the format a reader of the output wants: {@code text}
 * ({@code path:line: message} on stderr, for people and editors), {@code github} (workflow
 * commands on stdout, which GitHub Actions turns into annotations on the files) or {@code json}
 * (the report, on stdout, for scripts).
 */
final class ReportPrinter {
  /** Output formats of {@code index --format}. */
  enum Format { text, github, json }

  /** One finding: where, what, and whether it fails {@code --check}. */
  record Finding(String path, int line, String message, boolean error) {}

  private final Format format;
  private final Path contentDir;
  private final PrintWriter out;
  private final PrintWriter err;

  ReportPrinter(Format format, Path contentDir, PrintWriter out, PrintWriter err) {
    this.format = Objects.requireNonNull(format);
    this.contentDir = contentDir;
    this.out = out;
    this.err = err;
  }

  /** Every finding of a run, the site file's warnings first, then by path and line. */
  static List<Finding> findings(IndexReport report, SiteSummary site) {
    List<Finding> findings = new ArrayList<>();
    for (Problem p : site.warnings()) {
      findings.add(new Finding(p.path(), p.line(), p.message(), false));
    }
    List<Finding> files = new ArrayList<>();
    for (Problem p : report.problems()) {
      files.add(new Finding(p.path(), p.line(), p.message(), p.severity() == Problem.Severity.UNREADABLE));
    }
    for (IndexReport.BrokenLink link : report.brokenLinks()) {
      files.add(new Finding(link.path(), link.line(), link.message(), true));
    }
    files.sort(Comparator.comparing(Finding::path).thenComparingInt(Finding::line));
    findings.addAll(files);
    return findings;
  }

  /** The findings and the summary lines, as the format wants them (nothing for json: see {@link #json}). */
  void findingsAndSummary(List<Finding> findings, List<String> summary) {
    switch (format) {
      case text -> {
        findings.forEach(f -> err.printf("%s:%d: %s%n", f.path(), f.line(), f.message()));
        summary.forEach(out::println);
      }
      case github -> {
        findings.forEach(f -> out.println(workflowCommand(f)));
        summary.forEach(out::println);
      }
      case json -> summary.forEach(err::println);
    }
  }

  /** A line of progress or a note after the summary (stdout, except in json where stdout is the report). */
  void note(String line) {
    (format == Format.json ? err : out).println(line);
  }

  /** The JSON report on stdout (json format only). */
  void json(String report) {
    if (format == Format.json) {
      out.println(report);
    }
  }

  /** {@code ::error file=notes/a.md,line=3::broken link: b.md}, escaped as GitHub reads it. */
  String workflowCommand(Finding f) {
    StringBuilder command = new StringBuilder(f.error() ? "::error" : "::warning");
    command.append(" file=").append(property(file(f.path())));
    if (f.line() > 0) {
      command.append(",line=").append(f.line());
    }
    return command.append("::").append(data(f.message())).toString();
  }

  /** The file as the repository sees it: under the content folder, relative to the working directory. */
  private String file(String path) {
    if (contentDir == null) {
      return path;
    }
    Path file = contentDir.resolve(path).normalize();
    Path cwd = Path.of("").toAbsolutePath();
    if (file.isAbsolute() && file.startsWith(cwd)) {
      file = cwd.relativize(file);
    }
    return file.toString().replace('\\', '/');
  }

  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
