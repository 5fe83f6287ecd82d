package org.dailydl.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns fuzzer bytes into the strings the targets take. Bytes are read as UTF-8 (malformed sequences
 * become U+FFFD, as the server's decoders do); when that happened, the same text with every U+FFFD
 * replaced by a lone surrogate is tried too, since Java strings from other sources may carry them.
 */
public final class FuzzText {
  private FuzzText() {}

  public static List<String> variants(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    List<String> variants = new ArrayList<>(2);
    variants.add(text);
    if (text.indexOf('\uFFFD') >= 0) {
      variants.add(text.replace('\uFFFD', '\uD800'));
    }
    return variants;
  }

  /** At most {@code max} chars, never ending inside a surrogate pair. */
  public static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }

  /** The seed files of a Jazzer inputs directory (class-level files and the method's folder), sorted. */
  public static List<byte[]> seeds(Class<?> testClass, String method) {
    List<byte[]> seeds = new ArrayList<>();
    try {
      var url = testClass.getResource(testClass.getSimpleName() + "Inputs");
      if (url == null) {
        return seeds;
      }
      Path dir = Path.of(url.toURI());
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
          seeds.add(Files.readAllBytes(file));
        }
      }
      Path methodDir = dir.resolve(method);
      if (Files.isDirectory(methodDir)) {
        try (Stream<Path> files = Files.walk(methodDir)) {
          for (Path file : files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
            seeds.add(Files.readAllBytes(file));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return seeds;
  }

  /** Deletes a folder tree (test scratch space). */
  public static void deleteTree(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
