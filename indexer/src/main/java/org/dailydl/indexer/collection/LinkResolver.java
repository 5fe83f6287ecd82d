package org.dailydl.indexer.collection;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.regex.Pattern;

/**
 * Resolves a link destination written in an article to a path relative to the content root:
 * relative to the file ({@code ./}, {@code ../}), or to the root for {@code /…}; URL-encoded paths
 * decoded; anchors and queries dropped; a folder link resolved to its README. A target counts as
 * existing only inside the content folder: one reached through a symbolic link that leads out of
 * it does not ({@link ContentRoot}).
 */
public final class LinkResolver {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:");

  /** A resolved destination: {@code target} is null for external links and in-page anchors. */
  public record Resolution(String target, boolean exists) {
    static final Resolution EXTERNAL = new Resolution(null, true);
  }

  private final Path root;
  private final ContentRoot boundary;

  public LinkResolver(Path root) {
    this.boundary = new ContentRoot(root);
    this.root = boundary.path();
  }

  /**
   * @param fromPath the linking article's path, relative to the root
   * @param href the destination as written
   */
  public Resolution resolve(String fromPath, String href) {
    String destination = href.strip();
    if (destination.isEmpty() || destination.startsWith("#") || destination.startsWith("//")
        || SCHEME.matcher(destination).find()) {
      return Resolution.EXTERNAL;
    }
    destination = destination.replaceFirst("[#?].*$", "");
    if (destination.isEmpty()) {
      return Resolution.EXTERNAL;
    }
    String decoded = decode(destination);
    String joined;
    if (decoded.startsWith("/")) {
      joined = decoded.substring(1);
    } else {
      int slash = fromPath.lastIndexOf('/');
      joined = (slash < 0 ? "" : fromPath.substring(0, slash + 1)) + decoded;
    }
    String normalized = normalize(joined);
    if (normalized == null) {
      return new Resolution(decoded, false);
    }
    Path file;
    try {
      file = normalized.isEmpty() ? root : root.resolve(normalized);
    } catch (InvalidPathException e) {
      // a name no file can have (NUL, or unmappable characters): a broken link, not a failure
      return new Resolution(normalized, false);
    }
    if (!boundary.contains(file)) {
      return new Resolution(normalized, false);
    }
    if (Files.isDirectory(file)) {
      for (String readme : new String[] {"README.md", "readme.md", "Readme.md", "index.md"}) {
        if (Files.isRegularFile(file.resolve(readme)) && boundary.contains(file.resolve(readme))) {
          return new Resolution(normalized.isEmpty() ? readme : normalized + "/" + readme, true);
        }
      }
      return new Resolution(normalized, true);
    }
    return new Resolution(normalized, true);
  }

  /** Whether a resolved target still exists (for links stored in the index). */
  public boolean exists(String target) {
    String normalized = normalize(target);
    try {
      return normalized != null && boundary.contains(normalized.isEmpty() ? root : root.resolve(normalized));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static String decode(String destination) {
    if (destination.indexOf('%') < 0) {
      return destination;
    }
    try {
      return URLDecoder.decode(destination.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return destination;
    }
  }

  /** Collapses {@code .} and {@code ..}; null when the path climbs out of the root. */
  static String normalize(String path) {
    ArrayDeque<String> parts = new ArrayDeque<>();
    for (String part : path.replace('\\', '/').split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else {
        parts.addLast(part);
      }
    }
    return String.join("/", parts);
  }
}
