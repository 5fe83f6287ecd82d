package org.dailydl.indexer.collection;

/**
 * A guard against Markdown nested deeper than anyone writes: flexmark parses and renders nested
 * block quotes, lists and inline spans by recursion, so 10,000 levels overflow a thread's stack.
 * A line scan (no parse) measures the nesting; deeper levels are flattened to {@link #MAX_DEPTH}
 * before parsing, by the indexer (with a warning for the file) and by the renderer alike.
 * Thread-safe (stateless).
 */
public final class MarkdownNesting {
  /** Block quotes and list levels together, and brackets or emphasis open at once, beyond this are flattened. */
  public static final int MAX_DEPTH = 64;

  private MarkdownNesting() {}

  /** The deepest nesting in {@code markdown}: quote markers plus list indentation, or open brackets and emphasis. */
  public static int depth(String markdown) {
    int deepest = 0;
    int start = 0;
    while (start <= markdown.length()) {
      int end = markdown.indexOf('\n', start);
      if (end < 0) {
        end = markdown.length();
      }
      deepest = Math.max(deepest, Math.max(blockDepth(markdown, start, end), inlineDepth(markdown, start, end)));
      start = end + 1;
    }
    return deepest;
  }

  /** {@code markdown} with every level beyond {@link #MAX_DEPTH} removed; the same text when it is not that deep. */
  public static String flatten(String markdown) {
    if (depth(markdown) <= MAX_DEPTH) {
      return markdown;
    }
    StringBuilder out = new StringBuilder(markdown.length());
    int start = 0;
    while (start <= markdown.length()) {
      int end = markdown.indexOf('\n', start);
      boolean last = end < 0;
      if (last) {
        end = markdown.length();
      }
      flattenLine(markdown, start, end, out);
      if (!last) {
        out.append('\n');
      }
      start = end + 1;
    }
    return out.toString();
  }

  /**
   * Quote markers, list markers ({@code - * +}, {@code 1.} or {@code 1)} and a space) and indentation
   * (two columns a list level) at the start of a line: {@code - - - x} is three lists deep.
   */
  private static int blockDepth(String text, int start, int end) {
    int levels = 0;
    int columns = 0;
    int i = start;
    while (i < end) {
      char c = text.charAt(i);
      int marker = listMarker(text, i, end);
      if (c == '>') {
        levels++;
        i++;
      } else if (marker > 0) {
        levels++;
        i += marker;
      } else if (c == ' ') {
        columns++;
        i++;
      } else if (c == '\t') {
        columns += 4;
        i++;
      } else {
        break;
      }
    }
    return levels + columns / 2;
  }

  /** The length of the list marker and its space at {@code i} ({@code - }, {@code 12. }, {@code 3) }), or 0. */
  static int listMarker(String text, int i, int end) {
    char c = text.charAt(i);
    if ((c == '-' || c == '*' || c == '+') && i + 1 < end && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t')) {
      return 2;
    }
    int digits = i;
    while (digits < end && digits - i < 9 && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
      digits++;
    }
    if (digits > i && digits + 1 < end && (text.charAt(digits) == '.' || text.charAt(digits) == ')')
        && (text.charAt(digits + 1) == ' ' || text.charAt(digits + 1) == '\t')) {
      return digits - i + 2;
    }
    return 0;
  }

  /** The most brackets and emphasis markers open at once on a line. */
  private static int inlineDepth(String text, int start, int end) {
    int open = 0;
    int deepest = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '[' || c == '(' || c == '*' && opens(text, i, end) || c == '_' && opens(text, i, end)) {
        deepest = Math.max(deepest, ++open);
      } else if ((c == ']' || c == ')' || c == '*' || c == '_') && open > 0) {
        open--;
      }
    }
    return deepest;
  }

  /** An emphasis marker followed by something other than a space or the end opens a span. */
  private static boolean opens(String text, int i, int end) {
    return i + 1 < end && !Character.isWhitespace(text.charAt(i + 1)) && (i == 0 || text.charAt(i - 1) != '\\')
        && (i + 1 >= end || text.charAt(i + 1) != ']');
  }

  /** The line with quote markers, list markers and indentation beyond {@link #MAX_DEPTH} levels left out. */
  private static void flattenLine(String text, int start, int end, StringBuilder out) {
    int levels = 0;
    int columns = 0;
    int i = start;
    while (i < end) {
      char c = text.charAt(i);
      int marker = listMarker(text, i, end);
      if (c == '>') {
        if (++levels + columns / 2 <= MAX_DEPTH) {
          out.append(c);
        }
        i++;
      } else if (marker > 0) {
        if (++levels + columns / 2 <= MAX_DEPTH) {
          out.append(text, i, i + marker);
        }
        i += marker;
      } else if (c == ' ' || c == '\t') {
        columns += c == '\t' ? 4 : 1;
        if (levels + columns / 2 <= MAX_DEPTH) {
          out.append(c);
        }
        i++;
      } else {
        break;
      }
    }
    String rest = text.substring(i, end);
    out.append(inlineDepth(rest, 0, rest.length()) > MAX_DEPTH ? rest.replaceAll("[\\[\\]()*_]", " ") : rest);
  }
}
