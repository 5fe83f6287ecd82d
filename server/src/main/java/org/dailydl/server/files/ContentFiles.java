package org.dailydl.server.files;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dailydl.indexer.collection.ContentRoot;
import org.dailydl.indexer.collection.ContentWalker;

/**
 * The files of the content folder that the reader may show: images that articles reference
 * ({@code ![图](figures/x.svg)}), chosen by type only (PNG, JPEG, GIF, WebP, SVG) and only from inside
 * the folder ({@link ContentRoot}: no {@code ..}, no absolute path, no symbolic link that leads
 * out, no hidden folder). Everything else is not found. Knows nothing of HTTP. Thread-safe.
 */
public final class ContentFiles {
  /** The URL prefix of the route that serves them. */
  public static final String PREFIX = "/files/";
  /** Larger files are not served (a figure is kilobytes; this is a guard, not a budget). */
  static final long MAX_BYTES = 32L * 1024 * 1024;

  /** Extension (lower case) → media type: the whole list of what is served. */
  static final Map<String, String> TYPES = Map.of(
      "png", "image/png",
      "jpg", "image/jpeg",
      "jpeg", "image/jpeg",
      "gif", "image/gif",
      "webp", "image/webp",
      "svg", "image/svg+xml");

  /** A file to serve: where it is, its media type, size and last-modified time. */
  public record Served(Path file, String contentType, long size, long modified) {
    public boolean isSvg() {
      return contentType.equals("image/svg+xml");
    }
  }

  /** Why a request names no servable file. */
  public enum Refusal {
    /** Not written as a plain relative content path ({@code ..}, absolute, backslash, control characters). */
    NOT_A_CONTENT_PATH,
    /** Not an image type the reader shows, hidden, missing, outside the folder or too large. */
    NOT_FOUND
  }

  /** The outcome of a lookup: a file, or why not. */
  public record Lookup(Served file, Refusal refusal) {}

  private final ContentRoot root;

  public ContentFiles(Path contentDir) {
    this.root = new ContentRoot(Objects.requireNonNull(contentDir));
  }

  /** Whether a content path names a type this route serves (by its extension). */
  public static boolean isServable(String path) {
    return TYPES.containsKey(extension(path));
  }

  /** The URL of a content file on this route, each segment percent-encoded. */
  public static String urlOf(String contentPath) {
    return PREFIX + Arrays.stream(contentPath.split("/"))
        .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
        .collect(Collectors.joining("/"));
  }

  /** Finds the file at a content path (already URL-decoded once, as the route receives it). */
  public Lookup find(String path) {
    if (!ContentRoot.isPlainRelativePath(path) || path.length() > 1024) {
      return new Lookup(null, Refusal.NOT_A_CONTENT_PATH);
    }
    String type = TYPES.get(extension(path));
    if (type == null || hidden(path)) {
      return notFound();
    }
    Optional<Path> file = root.resolve(path);
    if (file.isEmpty()) {
      return notFound();
    }
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(file.get(), BasicFileAttributes.class);
    } catch (IOException e) {
      return notFound();
    }
    if (!attrs.isRegularFile() || attrs.size() > MAX_BYTES) {
      return notFound();
    }
    return new Lookup(new Served(file.get(), type, attrs.size(), attrs.lastModifiedTime().toMillis()), null);
  }

  private static Lookup notFound() {
    return new Lookup(null, Refusal.NOT_FOUND);
  }

  /** Hidden files and folders ({@code .git}), and folders the walker never enters, are not served. */
  private static boolean hidden(String path) {
    String[] segments = path.split("/");
    for (int i = 0; i < segments.length; i++) {
      if (segments[i].startsWith(".") || (i < segments.length - 1 && ContentWalker.isSkippedFolder(segments[i]))) {
        return true;
      }
    }
    return false;
  }

  private static String extension(String path) {
    int dot = path.lastIndexOf('.');
    int slash = path.lastIndexOf('/');
    return dot > slash ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }
}
