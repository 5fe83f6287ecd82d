package org.dailydl.indexer.cli;

import java.nio.file.Path;
import java.util.List;
import org.dailydl.indexer.collection.Problem;
import org.dailydl.indexer.config.SiteConfigFile;
import org.dailydl.indexer.config.SiteDefaults;

/**
 * The site an {@code index} run names in its report: the title {@code dailydl.yml} gives (else the
 * folder's README heading or name), whether the folder has the file, and the file's warnings.
 */
public record SiteSummary(String title, boolean configured, List<Problem> warnings) {
  public SiteSummary {
    warnings = List.copyOf(warnings);
  }

  /** Reads {@code dailydl.yml} of {@code contentRoot}; never throws for what the file contains. */
  public static SiteSummary of(Path contentRoot) {
    SiteConfigFile.Loaded loaded = SiteConfigFile.read(contentRoot);
    String title = loaded.config().title() != null ? loaded.config().title() : SiteDefaults.title(contentRoot);
    return new SiteSummary(title, loaded.present(), loaded.warnings());
  }

  /** One line for the terminal: {@code site: 小林的算法笔记 (dailydl.yml)}. */
  String line() {
    return "site: " + title + (configured ? " (" + SiteConfigFile.NAME + ")" : " (no " + SiteConfigFile.NAME
        + ": named after the folder)");
  }
}
