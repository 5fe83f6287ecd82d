package org.dailydl.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/** The fixture corpus of small real Chinese articles under {@code src/test/resources/corpus}. */
public final class Fixtures {
  private Fixtures() {}

  /** The corpus folder on the classpath (read-only use). */
  public static Path corpus() {
    try {
      URI uri = Fixtures.class.getResource("/corpus/README.md").toURI();
      if (uri.getScheme().equals("jar")) {
        // the server's tests read the corpus from the indexer's test jar
        try {
          FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException alreadyOpen) {
          // opened by an earlier call
        }
      }
      return Path.of(uri).getParent();
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A writable copy of the corpus in {@code target}, for tests that edit files. */
  public static Path copyOfCorpus(Path target) {
    Path source = corpus();
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path dest = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(path, dest, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }
}
