package org.dailydl.indexer.collection;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Locale;
import java.util.Set;

/**
 * Parses {@code $…$} and {@code $$…$$} as {@link MathNode}s, so that TeX survives Markdown intact:
 * {@code $a_i + b_i$} would otherwise become emphasis, and {@code \\} an escaped backslash.
 *
 * <p>Rules (as pandoc's): an inline opening {@code $} is not followed by white space, the closing
 * one is not preceded by white space nor followed by a digit, so prices like "$5 and $10" stay
 * text. {@code \$} is an escaped dollar. Display math may span lines within a paragraph.
 */
public final class MathExtension implements Parser.ParserExtension {
  private MathExtension() {}

  /** Whether a fenced code block's info string marks it as display math (```math, ```latex, ```tex). */
  public static boolean isMathFence(CharSequence info) {
    String kind = info.toString().strip().toLowerCase(Locale.ROOT);
    return kind.equals("math") || kind.equals("latex") || kind.equals("tex");
  }

  public static MathExtension create() {
    return new MathExtension();
  }

  @Override
  public void parserOptions(MutableDataHolder options) {}

  @Override
  public void extend(Parser.Builder builder) {
    builder.customInlineParserExtensionFactory(new Factory());
  }

  private static final class Factory implements InlineParserExtensionFactory {
    @Override
    public CharSequence getCharacters() {
      return "$";
    }

    @Override
    public InlineParserExtension apply(LightInlineParser parser) {
      return new MathInlineParser();
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
      return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return null;
    }

    @Override
    public boolean affectsGlobalScope() {
      return false;
    }
  }

  private static final class MathInlineParser implements InlineParserExtension {
    @Override
    public void finalizeDocument(InlineParser inlineParser) {}

    @Override
    public void finalizeBlock(InlineParser inlineParser) {}

    @Override
    public boolean parse(LightInlineParser parser) {
      BasedSequence input = parser.getInput();
      int start = parser.getIndex();
      boolean display = start + 1 < input.length() && input.charAt(start + 1) == '$';
      int open = start + (display ? 2 : 1);
      int close = display ? findDisplayEnd(input, open) : findInlineEnd(input, open);
      if (close < 0) {
        return false;
      }
      int end = close + (display ? 2 : 1);
      parser.flushTextNode();
      parser.getBlock().appendChild(new MathNode(input.subSequence(start, end), input.subSequence(open, close), display));
      parser.setIndex(end);
      return true;
    }

    private static int findDisplayEnd(BasedSequence input, int from) {
      for (int i = from; i + 1 < input.length(); i++) {
        char c = input.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '$' && input.charAt(i + 1) == '$') {
          return i > from ? i : -1;
        }
      }
      return -1;
    }

    private static int findInlineEnd(BasedSequence input, int from) {
      if (from >= input.length() || Character.isWhitespace(input.charAt(from))) {
        return -1;
      }
      for (int i = from; i < input.length(); i++) {
        char c = input.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '\n' && i + 1 < input.length() && input.charAt(i + 1) == '\n') {
          return -1;
        } else if (c == '$') {
          boolean spaceBefore = Character.isWhitespace(input.charAt(i - 1));
          boolean digitAfter = i + 1 < input.length() && Character.isDigit(input.charAt(i + 1));
          if (i > from && !spaceBefore && !digitAfter) {
            return i;
          }
          return -1;
        }
      }
      return -1;
    }
  }
}
