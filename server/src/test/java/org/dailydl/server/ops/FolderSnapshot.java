package org.dailydl.server.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file and folder under a root with its size, modification time and content hash: equal snapshots mean nothing was written. */
final class FolderSnapshot {
  private FolderSnapshot() {}

  static Map<String, String> of(Path root) {
    Map<String, String> entries = new TreeMap<>();
    if (!Files.exists(root)) {
      return entries;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        String key = root.relativize(p).toString();
        if (Files.isDirectory(p)) {
          entries.put(key + "/", "dir " + Files.getLastModifiedTime(p).toMillis());
        } else {
          byte[] bytes = Files.readAllBytes(p);
          entries.put(key, bytes.length + " " + Files.getLastModifiedTime(p).toMillis() + " "
              + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return entries;
  }
}
