package org.dailydl.server.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.dailydl.indexer.analysis.Analysis;
import org.dailydl.indexer.index.IndexLocation;
import org.dailydl.indexer.schema.IndexMeta;

/** The checks a prebuilt index passes before a read-only server opens it; all of them only read. */
final class ReadOnlyCheck {
  private ReadOnlyCheck() {}

  /** The live generation of {@code location}, or why it cannot be served. */
  static Path usableGeneration(IndexLocation location) throws UnusableIndexException {
    Path root = location.root();
    String build = "build one with: dailydl index --content DIR --index " + root;
    if (!Files.isDirectory(root)) {
      throw new UnusableIndexException("there is no index folder " + root + "; " + build);
    }
    Optional<Path> current;
    try {
      current = location.current();
    } catch (IOException e) {
      throw new UnusableIndexException("the index folder " + root + " is damaged (" + e.getMessage() + "); " + build);
    }
    if (current.isEmpty()) {
      throw new UnusableIndexException("the folder " + root + " holds no complete index; " + build);
    }
    String problem = IndexHandle.verify(current.get());
    if (problem != null) {
      throw new UnusableIndexException(problem + " in " + current.get() + "; " + build);
    }
    IndexMeta meta;
    try {
      meta = IndexMeta.read(current.get());
    } catch (IOException e) {
      throw new UnusableIndexException("the index in " + current.get() + " cannot be read (" + e.getMessage() + ")");
    }
    if (!meta.matchesAnalysis()) {
      throw new UnusableIndexException("the index in " + root + " was built with analysis version "
          + meta.analysisVersion() + ", this server needs " + Analysis.VERSION + "; rebuild it with this release");
    }
    return current.get();
  }
}
