package org.dailydl.indexer.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The content and index folders, shared by every command ({@code index}, {@code serve}) as a picocli mixin. */
public final class Locations {
  @Option(names = "--content", defaultValue = "${env:DAILYDL_CONTENT:-content}",
      description = "Content folder (env DAILYDL_CONTENT; default: ${DEFAULT-VALUE}).")
  public Path content;

  @Option(names = "--index", defaultValue = "${env:DAILYDL_INDEX:-.dailydl-index}",
      description = "Index folder (env DAILYDL_INDEX; default: ${DEFAULT-VALUE}).")
  public Path index;
}
