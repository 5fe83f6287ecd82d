package org.dailydl.indexer.collection;

import java.util.regex.Pattern;

/**
 * The searchable words of a TeX formula: identifiers and text, without markup. Command names
 * ({@code \frac}, {@code \mathrm}, {@code \times}) would otherwise become the most frequent
 * "words" of math-heavy articles and crowd out their real keywords; what is written inside
 * {@code \text{…}} or {@code \mathrm{softmax}} stays.
 */
public final class MathText {
  /** Where a formula's words start and end in an article's body (private-use characters). */
  static final char START = '\uE000';
  static final char END = '\uE001';
  /** What a reader sees of a formula in a snippet: its words out of context read as noise. */
  public static final String PLACEHOLDER = "〔公式〕";
  private static final Pattern RUNS = Pattern.compile("〔公式〕(?:[ ,，、;；]*〔公式〕)+");

  private static final Pattern ENVIRONMENT = Pattern.compile("\\\\(?:begin|end)\\s*\\{[^}]*\\}");
  private static final Pattern COMMAND = Pattern.compile("\\\\[A-Za-z]+\\*?");
  private static final Pattern MARKUP = Pattern.compile("[\\\\{}_^&$%#~]+");

  private MathText() {}

  /** The words of {@code tex}, marked as a formula for {@link #indexed} and {@link #shown}. */
  static String marked(String tex) {
    return START + words(tex) + END;
  }

  /** Text as written, with the formula marks taken out of {@code text} (never stray in it). */
  static String unmarked(String text) {
    return text.indexOf(START) < 0 && text.indexOf(END) < 0 ? text : text.replace(START, ' ').replace(END, ' ');
  }

  /** A body for searching: every formula's words, the marks gone. */
  public static String indexed(String body) {
    return unmarked(body);
  }

  /** A body for reading: every marked formula replaced by {@link #PLACEHOLDER}. */
  public static String shown(String body) {
    if (body.indexOf(START) < 0) {
      return body;
    }
    StringBuilder out = new StringBuilder(body.length());
    int at = 0;
    for (int start = body.indexOf(START); start >= 0; start = body.indexOf(START, at)) {
      int end = body.indexOf(END, start);
      if (end < 0) {
        break;
      }
      out.append(body, at, start).append(PLACEHOLDER);
      at = end + 1;
    }
    String shown = out.append(body, at, body.length()).toString().replace(String.valueOf(END), "");
    // formulas side by side read as one; inline ones stand between the spaces the parser put around them
    return RUNS.matcher(shown).replaceAll(PLACEHOLDER).replaceAll(" {2,}", " ");
  }

  static String words(String tex) {
    String text = ENVIRONMENT.matcher(tex).replaceAll(" ");
    text = COMMAND.matcher(text).replaceAll(" ");
    text = MARKUP.matcher(text).replaceAll(" ");
    return text.replaceAll("\\s+", " ").strip();
  }
}
