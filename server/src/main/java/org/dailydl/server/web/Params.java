package org.dailydl.server.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dailydl.indexer.collection.ContentRoot;

/** Reads and validates query parameters; every violation is a 400 with a message that says what to fix. */
public final class Params {
  private Params() {}

  /** A parameter given at most once; null when absent. */
  public static String single(Context ctx, String name) {
    List<String> values = ctx.queryParams(name);
    if (values.size() > 1) {
      throw new BadRequestResponse("parameter '" + name + "' was given " + values.size() + " times; give it once");
    }
    return values.isEmpty() ? null : values.get(0);
  }

  /** A required text parameter of at most {@code maxLength} characters. */
  public static String requiredText(Context ctx, String name, int maxLength) {
    String value = single(ctx, name);
    if (value == null) {
      throw new BadRequestResponse("parameter '" + name + "' is required");
    }
    return checkLength(name, value, maxLength);
  }

  /** An optional text parameter (blank counts as absent) of at most {@code maxLength} characters. */
  public static String optionalText(Context ctx, String name, int maxLength) {
    String value = single(ctx, name);
    return value == null || value.isBlank() ? null : checkLength(name, value, maxLength);
  }

  /**
   * A content path parameter ({@code 08-LLM/Bert/核心解析.md}): relative, without {@code ..} or a
   * leading {@code /}, also once decoded again (a double-encoded {@code %252e%252e} is refused too);
   * null when absent unless {@code required}. Lookups by path use the index, never the file system,
   * but a path that could climb out of the content folder is refused before that.
   */
  public static String contentPath(Context ctx, String name, boolean required) {
    String value = required ? requiredText(ctx, name, MAX_PATH) : optionalText(ctx, name, MAX_PATH);
    if (value != null && (!ContentRoot.isPlainRelativePath(value) || !ContentRoot.isPlainRelativePath(decodedAgain(value)))) {
      throw new BadRequestResponse("parameter '" + name + "' must be a path inside the content folder, "
          + "relative and without '..' (e.g. 08-LLM/Bert/核心解析.md)");
    }
    return value;
  }

  /** The longest content path accepted, in characters. */
  public static final int MAX_PATH = 1024;

  /** The longest category accepted, in characters. */
  public static final int MAX_CATEGORY = 200;

  /** The {@code category} value that means the notes at the top of the content folder (category {@code ""}). */
  public static final String ROOT_CATEGORY = "/";

  /** An optional category filter; {@value #ROOT_CATEGORY} selects the notes at the top of the folder. */
  public static String category(Context ctx) {
    String value = optionalText(ctx, "category", MAX_CATEGORY);
    return ROOT_CATEGORY.equals(value) ? "" : value;
  }

  private static String decodedAgain(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    try {
      return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return value;
    }
  }

  private static String checkLength(String name, String value, int maxLength) {
    if (value.length() > maxLength) {
      throw new BadRequestResponse("parameter '" + name + "' is longer than " + maxLength + " characters");
    }
    return value;
  }

  /** An optional integer in {@code [min, max]}, {@code fallback} when absent. */
  public static int integer(Context ctx, String name, int fallback, int min, int max) {
    String value = single(ctx, name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestResponse("parameter '" + name + "' must be a whole number from " + min + " to " + max);
    }
    if (parsed < min || parsed > max) {
      throw new BadRequestResponse("parameter '" + name + "' must be from " + min + " to " + max + ", not " + parsed);
    }
    return parsed;
  }

  /** An optional choice among {@code allowed} values, {@code fallback} when absent. */
  public static String choice(Context ctx, String name, String fallback, List<String> allowed) {
    String value = single(ctx, name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    if (!allowed.contains(value)) {
      throw new BadRequestResponse("parameter '" + name + "' must be one of " + allowed);
    }
    return value;
  }
}
