package org.dailydl.indexer.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The layout of an index folder. Each full build writes a fresh generation folder
 * ({@code gen-000007}); a small {@code CURRENT} file names the live one and is replaced atomically,
 * so a reader sees the old index or the new one, never a half-built one. A crash mid-build leaves
 * an unreferenced generation that the next build removes.
 */
public final class IndexLocation {
  private static final String CURRENT = "CURRENT";
  private static final String REBUILDING = "REBUILDING";
  private static final Pattern GENERATION = Pattern.compile("gen-(\\d{6,})");

  private final Path root;

  public IndexLocation(Path root) {
    this.root = Objects.requireNonNull(root).toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The live generation folder, if a build has ever completed. */
  public Optional<Path> current() throws IOException {
    Path pointer = root.resolve(CURRENT);
    if (!Files.isRegularFile(pointer)) {
      return Optional.empty();
    }
    String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
    if (!GENERATION.matcher(name).matches()) {
      throw new IOException("index pointer " + pointer + " names no generation: '" + name + "'");
    }
    Path dir = root.resolve(name);
    return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
  }

  /** Records that a full rebuild has started (removed by {@link #clearRebuilding} when it completes). */
  public void markRebuilding() throws IOException {
    Files.createDirectories(root);
    Files.writeString(root.resolve(REBUILDING), Instant.now() + "\n", StandardCharsets.UTF_8);
  }

  public void clearRebuilding() throws IOException {
    Files.deleteIfExists(root.resolve(REBUILDING));
  }

  /** Whether a full rebuild started and never completed (the process died or failed mid-build). */
  public boolean rebuildInterrupted() {
    return Files.exists(root.resolve(REBUILDING));
  }

  /**
   * Whether the folder holds something that is not an index of ours: files, but no {@code CURRENT}
   * pointer nor generation folders. Such a folder is never written into.
   */
  public boolean isForeign() throws IOException {
    if (!Files.isDirectory(root)) {
      return Files.exists(root);
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      boolean any = false;
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.equals(CURRENT) || GENERATION.matcher(name).matches()) {
          return false;
        }
        any |= !name.equals(REBUILDING) && !name.equals(CURRENT + ".tmp") && !name.equals(FolderLock.FILE);
      }
      return any;
    }
  }

  /** Creates an empty folder for the next generation. */
  public Path newGeneration() throws IOException {
    Files.createDirectories(root);
    long next = generations().mapToLong(IndexLocation::number).max().orElse(0) + 1;
    Path dir = root.resolve(String.format("gen-%06d", next));
    Files.createDirectory(dir);
    return dir;
  }

  /** Makes {@code generation} the live one (atomic rename of the pointer), then removes older ones. */
  public void switchTo(Path generation) throws IOException {
    Path tmp = root.resolve(CURRENT + ".tmp");
    Files.writeString(tmp, generation.getFileName().toString() + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    try {
      Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
    }
    removeGenerationsExcept(generation);
  }

  /** Deletes every generation folder but {@code keep} (abandoned builds and replaced indexes). */
  public void removeGenerationsExcept(Path keep) throws IOException {
    try (Stream<Path> generations = generations()) {
      for (Path dir : (Iterable<Path>) generations::iterator) {
        if (!dir.equals(keep)) {
          deleteRecursively(dir);
        }
      }
    }
  }

  private Stream<Path> generations() throws IOException {
    if (!Files.isDirectory(root)) {
      return Stream.empty();
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, "gen-*")) {
      Stream.Builder<Path> builder = Stream.builder();
      for (Path entry : entries) {
        if (Files.isDirectory(entry) && GENERATION.matcher(entry.getFileName().toString()).matches()) {
          builder.add(entry);
        }
      }
      return builder.build();
    }
  }

  private static long number(Path generation) {
    var matcher = GENERATION.matcher(generation.getFileName().toString());
    return matcher.matches() ? Long.parseLong(matcher.group(1)) : 0;
  }

  /** Deletes a folder and its content; a missing folder is fine. */
  public static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
