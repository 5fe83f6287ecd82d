package org.dailydl.indexer.collection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Article ids: readable where the path is ASCII, always URL-safe ({@code [a-z0-9-]}), and unique
 * because a short hash of the full path is appended ({@code Day01.md} in two folders differs).
 */
public final class ArticleIds {
  private static final int MAX_SLUG = 48;

  private ArticleIds() {}

  /** The id of the article at {@code path} (relative, {@code /}-separated, with extension). */
  public static String of(String path) {
    String withoutExtension = path.replaceFirst("\\.[A-Za-z0-9]+$", "");
    String slug =
        withoutExtension.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > MAX_SLUG) {
      slug = slug.substring(slug.length() - MAX_SLUG).replaceAll("^-+", "");
    }
    String hash = sha256(path).substring(0, 8);
    return slug.isEmpty() ? hash : slug + "-" + hash;
  }

  /** Hex SHA-256 of a string's UTF-8 bytes. */
  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Hex SHA-256 of bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
