package org.dailydl.indexer.collection;

import java.util.Arrays;

/**
 * A guard against paragraphs so long that flexmark parses them in quadratic time. Its inline
 * parser matches each link, emphasis and bracket with {@code Matcher.toMatchResult()}, which on
 * Java 17 copies the whole paragraph every time: 50,000 links on one line took twelve minutes.
 * Paragraphs longer than {@link #SPLIT_ABOVE} characters are therefore cut into paragraphs of about
 * {@link #PART} characters before parsing, by the indexer and the renderer alike, at a space or
 * after a Chinese full stop outside brackets, code spans and formulas, or between two lines; inside
 * a quote or a list item the new paragraph keeps its container. Code blocks, formula blocks, HTML
 * blocks, headings, tables and front matter are never cut. The newlines added are reported, so line
 * numbers stay those of the file. Thread-safe (stateless).
 */
public final class LongParagraphs {
  /** Paragraphs up to this many characters are left as written. */
  public static final int SPLIT_ABOVE = 4_096;
  /** The length cut paragraphs are brought to, give or take a sentence. */
  public static final int PART = 1_024;

  private LongParagraphs() {}

  /** Markdown to parse, and the offsets in it of the newlines that are not the file's. */
  public record Split(String text, int[] addedNewlines) {
    /** The text itself when nothing needed cutting. */
    static Split unchanged(String text) {
      return new Split(text, new int[0]);
    }
  }

  /** {@code markdown} with every paragraph longer than {@link #SPLIT_ABOVE} characters cut into parts. */
  public static Split split(String markdown) {
    if (markdown.length() <= SPLIT_ABOVE) {
      return Split.unchanged(markdown);
    }
    return new Splitter(markdown).run();
  }

  private static final class Splitter {
    private final String text;
    private final StringBuilder out;
    private int[] added = new int[8];
    private int addedCount;
    private boolean changed;

    // block state
    private String fence;
    private boolean mathBlock;
    private boolean inParagraph;
    private boolean splittable;
    private int sinceBreak;
    // inline state, carried across the lines of a paragraph
    private int brackets;
    private int backticks;
    private boolean math;

    Splitter(String text) {
      this.text = text;
      this.out = new StringBuilder(text.length() + 64);
    }

    Split run() {
      int start = frontMatterEnd();
      out.append(text, 0, start);
      while (start < text.length()) {
        int end = text.indexOf('\n', start);
        int next = end < 0 ? text.length() : end + 1;
        line(start, end < 0 ? text.length() : end);
        out.append(text, end < 0 ? text.length() : end, next);
        start = next;
      }
      return changed ? new Split(out.toString(), Arrays.copyOf(added, addedCount)) : Split.unchanged(text);
    }

    /** Where YAML front matter ends (after its closing line), or 0. */
    private int frontMatterEnd() {
      if (!text.startsWith("---\n") && !text.startsWith("---\r\n")) {
        return 0;
      }
      int start = text.indexOf('\n') + 1;
      while (start < text.length()) {
        int end = text.indexOf('\n', start);
        String line = text.substring(start, end < 0 ? text.length() : end).strip();
        start = end < 0 ? text.length() : end + 1;
        if (line.equals("---") || line.equals("...")) {
          return start;
        }
      }
      return 0;
    }

    /** One line, {@code [start, end)} without its newline, copied to the output with any cuts. */
    private void line(int start, int end) {
      int content = containerEnd(start, end);
      String trimmed = text.substring(content, end).strip();
      if (fence != null) {
        if (trimmed.startsWith(fence)) {
          fence = null;
        }
        copy(start, end);
        return;
      }
      if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
        fence = trimmed.substring(0, 3);
        endParagraph();
        copy(start, end);
        return;
      }
      if (trimmed.startsWith("$$")) {
        boolean closedOnLine = trimmed.length() >= 4 && trimmed.endsWith("$$");
        if (!closedOnLine) {
          mathBlock = !mathBlock;
        }
        endParagraph();
        copy(start, end);
        return;
      }
      if (mathBlock || trimmed.isEmpty()) {
        endParagraph();
        copy(start, end);
        return;
      }
      if (trimmed.charAt(0) == '#') {
        // a heading, never cut, interrupts a paragraph
        endParagraph();
        copy(start, end);
        return;
      }
      if (startsItem(start, content)) {
        // each list item is a paragraph of its own
        endParagraph();
      }
      if (!inParagraph) {
        inParagraph = true;
        sinceBreak = 0;
        brackets = 0;
        backticks = 0;
        math = false;
        char first = trimmed.charAt(0);
        int indent = indentOf(start, end);
        // headings, HTML blocks, tables and indented code are not paragraphs to cut
        splittable = first != '<' && first != '|' && indent < 4 && paragraphLength(start) > SPLIT_ABOVE;
      } else if (isDelimiterRow(trimmed) || isUnderline(trimmed)) {
        // a table or a Setext heading after all: what came before belongs to it
        splittable = false;
      } else if (splittable && sinceBreak >= PART && startsParagraphSafely(content, end)) {
        // the line is already preceded by its newline: one empty line inside the same quote
        out.append(quotePrefix(start, content));
        record(out.length());
        out.append('\n');
        changed = true;
        sinceBreak = 0;
      }
      int from = start;
      for (int i = content; i < end; i++) {
        char c = text.charAt(i);
        sinceBreak++;
        if (c == '\\') {
          i++;
          sinceBreak++;
          continue;
        }
        if (c == '`') {
          int run = 1;
          while (i + run < end && text.charAt(i + run) == '`') {
            run++;
          }
          backticks = backticks == 0 ? run : backticks == run ? 0 : backticks;
          sinceBreak += run - 1;
          i += run - 1;
          continue;
        }
        if (backticks > 0) {
          continue;
        }
        if (c == '$') {
          math = !math;
        } else if (math) {
          continue;
        } else if (c == '[' || c == '(') {
          brackets++;
        } else if ((c == ']' || c == ')') && brackets > 0) {
          brackets--;
        } else if (splittable && sinceBreak >= PART && brackets == 0) {
          int cut = c == ' ' || c == '\t' ? i : c == '。' || c == '！' || c == '？' ? i + 1 : -1;
          if (cut > 0 && cut + 1 < end && startsParagraphSafely(cut + (cut == i ? 1 : 0), end)) {
            copy(from, cut);
            addBlankLine(quotePrefix(start, content));
            out.append(continuationPrefix(start, content));
            from = cut == i ? i + 1 : cut;
            sinceBreak = 0;
          }
        }
      }
      copy(from, end);
      sinceBreak += content - start + 1; // the container prefix and the newline
    }

    /** Characters from {@code start} to the end of the paragraph that starts there. */
    private int paragraphLength(int start) {
      int length = 0;
      while (start < text.length()) {
        int end = text.indexOf('\n', start);
        end = end < 0 ? text.length() : end;
        String trimmed = text.substring(containerEnd(start, end), end).strip();
        if (length > 0 && (trimmed.isEmpty() || trimmed.startsWith("```") || trimmed.startsWith("~~~")
            || trimmed.startsWith("$$") || trimmed.charAt(0) == '#')) {
          break;
        }
        length += end - start + 1;
        if (length > SPLIT_ABOVE) {
          break;
        }
        start = end + 1;
      }
      return length;
    }

    private void endParagraph() {
      inParagraph = false;
    }

    private void copy(int from, int to) {
      out.append(text, from, to);
    }

    /** A newline, the quote markers of the line, and a newline: an empty line inside the same container. */
    private void addBlankLine(String quotes) {
      record(out.length());
      out.append('\n').append(quotes);
      record(out.length());
      out.append('\n');
      changed = true;
    }

    private void record(int offset) {
      if (addedCount == added.length) {
        added = Arrays.copyOf(added, addedCount * 2);
      }
      added[addedCount++] = offset;
    }

    /** Where the quote markers, indentation and list markers at the start of a line end. */
    private int containerEnd(int start, int end) {
      int i = start;
      while (i < end) {
        char c = text.charAt(i);
        int marker = MarkdownNesting.listMarker(text, i, end);
        if (c == '>' || c == ' ' || c == '\t') {
          i++;
        } else if (marker > 0) {
          i += marker;
        } else {
          break;
        }
      }
      return i;
    }

    /** The container prefix holds a list marker: the line opens a list item. */
    private boolean startsItem(int start, int content) {
      for (int i = start; i < content; i++) {
        char c = text.charAt(i);
        if (c != '>' && c != ' ' && c != '\t') {
          return true;
        }
      }
      return false;
    }

    private int indentOf(int start, int end) {
      int columns = 0;
      for (int i = start; i < end; i++) {
        char c = text.charAt(i);
        if (c == ' ') {
          columns++;
        } else if (c == '\t') {
          columns += 4;
        } else {
          break;
        }
      }
      return columns;
    }

    /** The line's quote markers, for an empty line inside the same quote. */
    private String quotePrefix(int start, int content) {
      StringBuilder quotes = new StringBuilder();
      for (int i = start; i < content; i++) {
        if (text.charAt(i) == '>') {
          quotes.append('>');
        }
      }
      return quotes.toString();
    }

    /** The line's container prefix with list markers as spaces: a paragraph in the same item. */
    private String continuationPrefix(int start, int content) {
      StringBuilder prefix = new StringBuilder(content - start);
      for (int i = start; i < content; i++) {
        char c = text.charAt(i);
        prefix.append(c == '>' || c == '\t' ? c : ' ');
      }
      return prefix.toString();
    }

    /** Text starting at {@code i} reads as a paragraph, not as the start of a list, heading, quote or code. */
    private boolean startsParagraphSafely(int i, int end) {
      if (i >= end) {
        return false;
      }
      char c = text.charAt(i);
      return !Character.isWhitespace(c) && !Character.isDigit(c) && "#>-+*=|<`~$:".indexOf(c) < 0;
    }

    private static boolean isDelimiterRow(String line) {
      return line.indexOf('-') >= 0 && line.indexOf('|') >= 0 && line.chars().allMatch(c -> "|:- \t".indexOf(c) >= 0);
    }

    private static boolean isUnderline(String line) {
      return line.chars().allMatch(c -> c == '=') || line.chars().allMatch(c -> c == '-');
    }
  }
}
