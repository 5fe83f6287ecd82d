package org.dailydl.indexer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dailydl.indexer.collection.ContentWalker;
import org.dailydl.indexer.embedding.EmbedArticles;
import org.dailydl.indexer.embedding.Embedder;
import org.dailydl.indexer.index.FolderLock;
import org.dailydl.indexer.index.IndexArticles;
import org.dailydl.indexer.index.IndexReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code index}: builds or updates the index of a content folder; {@code --check} is the CI mode. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Builds or updates the search index of a folder of Markdown notes and Jupyter notebooks.",
      "An existing index is updated in place (only changed files are re-read); a full build",
      "goes to a fresh folder and replaces the old index atomically."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success (with --check: no broken link, anchor or image, no unreadable file)",
      "1:--check found broken internal links, anchors or images, or unreadable files (each listed as path:line: message)",
      "2:invalid command line",
      "3:the index could not be built (content folder missing, index folder not writable, I/O error)",
      "4:another process (a serve or an index) is writing the index folder; its pid is named"
    })
public final class IndexCommand implements Callable<Integer> {
  public static final int EXIT_CHECK_FAILED = 1;
  public static final int EXIT_FAILED = 3;
  public static final int EXIT_IN_USE = 4;

  @Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin Locations locations;

  @Option(names = "--full", description = "Rebuild from scratch instead of updating.")
  boolean full;

  @Option(names = "--check",
      description = "CI mode: exit 1 when an internal link, #anchor or image is broken or a file cannot be read.")
  boolean check;

  @Option(names = "--report", paramLabel = "FILE", description = "Also write the run's report as JSON to FILE.")
  Path report;

  @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "" + ContentWalker.DEFAULT_MAX_BYTES,
      description = "Skip files larger than this (default: ${DEFAULT-VALUE}, 5 MB).")
  long maxFileSize;

  @Option(names = "--quiet", description = "No progress output; the summary line only.")
  boolean quiet;

  @Option(names = "--no-embeddings",
      description = "Build the lexical index only; skip the passage vectors of semantic search.")
  boolean noEmbeddings;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "How to print what was found: text (path:line: message on stderr), github (workflow commands "
          + "that annotate the files in GitHub Actions) or json (the report on stdout). Default: ${DEFAULT-VALUE}.")
  ReportPrinter.Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (maxFileSize <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--max-file-size must be positive");
    }
    // one writer per index folder: a running serve (or another index) keeps it
    try (FolderLock lock = FolderLock.acquire(locations.index, "index")) {
      return build(out, err);
    } catch (FolderLock.HeldException e) {
      err.println("index: " + e.getMessage());
      err.flush();
      return EXIT_IN_USE;
    } catch (IOException e) {
      err.println("index: failed: cannot write the index folder " + locations.index + ": " + e.getMessage());
      err.flush();
      return EXIT_FAILED;
    }
  }

  private int build(PrintWriter out, PrintWriter err) {
    ReportPrinter printer = new ReportPrinter(format, locations.content, out, err);
    IndexReport result;
    try (Progress progress = quiet ? Progress.silent() : Progress.forConsole(err)) {
      result = new IndexArticles(new IndexArticles.Options(locations.content, locations.index, full, maxFileSize), progress).run();
    } catch (IOException | RuntimeException e) {
      err.println("index: failed: " + e.getMessage());
      err.flush();
      return EXIT_FAILED;
    }
    SiteSummary site = SiteSummary.of(locations.content);
    printer.findingsAndSummary(ReportPrinter.findings(result, site), List.of(site.line(), summary(result)));
    EmbedArticles.Report embedded = null;
    if (!noEmbeddings) {
      try {
        embedded = new EmbedArticles(locations.index,
            Embedder.load(locations.index.resolve("native"))).run();
        printer.note(String.format(Locale.ROOT, "embeddings: %d passages of %d articles (%d embedded, %d reused), %.1f s",
            embedded.passages(), embedded.articles(), embedded.embedded(), embedded.reused(), embedded.millis() / 1000.0));
      } catch (IOException | RuntimeException e) {
        err.println("index: embeddings failed (the lexical index is complete): " + e.getMessage());
        err.flush();
        return EXIT_FAILED;
      }
    }
    Map<String, Object> json = ReportWriter.toMap(result, embedded, site);
    try {
      if (report != null) {
        ReportWriter.write(json, report);
      }
      printer.json(ReportWriter.toJson(json));
    } catch (IOException e) {
      err.println("index: cannot write report " + report + ": " + e.getMessage());
      err.flush();
      return EXIT_FAILED;
    }
    out.flush();
    err.flush();
    return check && !result.passesCheck() ? EXIT_CHECK_FAILED : 0;
  }

  static String summary(IndexReport r) {
    return String.format(Locale.ROOT,
        "%s: %d files seen, %d articles in the index (%d indexed, %d removed), %d skipped, %d warnings, "
            + "%d broken links, %d broken anchors, %d missing images, %.1f s",
        r.mode(), r.files(), r.articles(), r.indexed(), r.removed(), r.skipped().size(), r.problems().size(),
        r.brokenLinks(IndexReport.Kind.LINK).size(), r.brokenLinks(IndexReport.Kind.ANCHOR).size(),
        r.brokenLinks(IndexReport.Kind.IMAGE).size(), r.millis() / 1000.0);
  }

  /** Runs {@code index} on its own (the server's jar offers it as a subcommand too). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new IndexCommand()).execute(args));
  }
}
