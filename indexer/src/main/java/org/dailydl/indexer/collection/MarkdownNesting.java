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

  /** Quote markers and indentation (two columns a list level) at the start of a line. */
  private static int blockDepth(String text, int start, int end) {
    int quotes = 0;
    int columns = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '>') {
        quotes++;
      } else if (c == ' ') {
        columns++;
      } else if (c == '\t') {
        columns += 4;
      } else {
        break;
      }
    }
    return quotes + columns / 2;
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

  private static void flattenLine(String text, int start, int end, StringBuilder out) {
    int quotes = 0;
    int columns = 0;
    int i = start;
    for (; i < end; i++) {
      char c = text.charAt(i);
      if (c == '>') {
        if (++quotes <= MAX_DEPTH) {
          out.append(c);
        }
      } else if (c == ' ' || c == '\t') {
        columns += c == '\t' ? 4 : 1;
        if (quotes + columns / 2 <= MAX_DEPTH) {
          out.append(c);
        }
      } else {
        break;
      }
    }
    String rest = text.substring(i, end);
    out.append(inlineDepth(rest, 0, rest.length()) > MAX_DEPTH ? rest.replaceAll("[\\[\\]()*_]", " ") : rest);
  }
}
