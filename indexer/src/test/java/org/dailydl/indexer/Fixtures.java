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

/**
 * The fixture corpora under {@code src/test/resources}: {@code corpus} (small real Chinese
 * articles, front matter and dense links, like ours) and {@code thirdparty} (notes shaped like
 * other people's: numbered days, {@code ## 题目} first headings, chapter-numbered H1s, a home page
 * whose table of contents names the notes, no front matter, few links).
 */
public final class Fixtures {
  private Fixtures() {}

  /** The corpus folder on the classpath (read-only use). */
  public static Path corpus() {
    return folder("corpus");
  }

  /** The third-party-shaped corpus folder on the classpath (read-only use). */
  public static Path thirdParty() {
    return folder("thirdparty");
  }

  /** A writable copy of the third-party-shaped corpus in {@code target}. */
  public static Path copyOfThirdParty(Path target) {
    return copy(thirdParty(), target);
  }

  /**
   * Another author's notes (an algorithms notebook, no {@code dailydl.yml}): three notes at the top,
   * three folders, a figure; for what any folder gets without our settings.
   */
  public static Path foreignNotes() {
    return folder("foreign-notes");
  }

  /** A writable copy of {@link #foreignNotes()} in {@code target}. */
  public static Path copyOfForeignNotes(Path target) {
    return copy(foreignNotes(), target);
  }

  private static Path folder(String name) {
    try {
      URI uri = Fixtures.class.getResource("/" + name + "/README.md").toURI();
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
    return copy(corpus(), target);
  }

  private static Path copy(Path source, Path target) {
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
