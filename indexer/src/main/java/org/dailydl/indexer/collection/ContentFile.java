package org.dailydl.indexer.collection;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A file found by the walker that looks like an article.
 *
 * @param file the absolute file
 * @param path relative to the content root, {@code /}-separated
 * @param size size in bytes when walked
 */
public record ContentFile(Path file, String path, long size) {
  public boolean isNotebook() {
    return path.toLowerCase(Locale.ROOT).endsWith(".ipynb");
  }
}
