package org.dailydl.indexer.collection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The content folder as a boundary: nothing outside it is indexed, rendered or served, whatever
 * a path or a symbolic link says. A path from outside (an API parameter, a link in an article) must
 * be relative and plain ({@link #isPlainRelativePath}), and the file it names must still lie inside
 * the folder once every symbolic link on the way is resolved ({@link #contains}). Links between
 * places inside the folder are fine. Thread-safe (immutable).
 */
public final class ContentRoot {
  private final Path root;
  private final Path realRoot;

  public ContentRoot(Path root) {
    this.root = Objects.requireNonNull(root).toAbsolutePath().normalize();
    this.realRoot = realPath(this.root).orElse(this.root);
  }

  /** The folder, absolute and normalised (not resolved: it may itself be reached through a link). */
  public Path path() {
    return root;
  }

  /**
   * Whether a content path is written as one: relative, {@code /}-separated, no {@code .} or
   * {@code ..} segment, no empty segment, no backslash, no control character. Says nothing about
   * links: see {@link #contains}.
   */
  public static boolean isPlainRelativePath(String path) {
    if (path == null || path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
      return false;
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\' || Character.isISOControl(c)) {
        return false;
      }
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code file} exists and lies inside the folder after resolving symbolic links (a link
   * in the folder to {@code /etc} or to a parent folder does not).
   */
  public boolean contains(Path file) {
    return realPath(file).map(real -> real.startsWith(realRoot)).orElse(false);
  }

  /** Whether {@code file} is a symbolic link whose target lies outside the folder (or does not exist). */
  public boolean leaves(Path file) {
    return Files.isSymbolicLink(file) && !contains(file);
  }

  /** The existing file or folder at a plain relative content path, inside the folder; empty otherwise. */
  public Optional<Path> resolve(String relativePath) {
    if (!isPlainRelativePath(relativePath)) {
      return Optional.empty();
    }
    Path file;
    try {
      file = root.resolve(relativePath).normalize();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
    return file.startsWith(root) && contains(file) ? Optional.of(file) : Optional.empty();
  }

  private static Optional<Path> realPath(Path file) {
    try {
      return Optional.of(file.toRealPath());
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }
}
