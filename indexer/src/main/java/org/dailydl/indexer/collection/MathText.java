package org.dailydl.indexer.collection;

import java.util.regex.Pattern;

/**
 * The searchable words of a TeX formula: identifiers and text, without markup. Command names
 * ({@code \frac}, {@code \mathrm}, {@code \times}) would otherwise become the most frequent
 * "words" of math-heavy articles and crowd out their real keywords; what is written inside
 * {@code \text{…}} or {@code \mathrm{softmax}} stays.
 */
final class MathText {
  private static final Pattern ENVIRONMENT = Pattern.compile("\\\\(?:begin|end)\\s*\\{[^}]*\\}");
  private static final Pattern COMMAND = Pattern.compile("\\\\[A-Za-z]+\\*?");
  private static final Pattern MARKUP = Pattern.compile("[\\\\{}_^&$%#~]+");

  private MathText() {}

  static String words(String tex) {
    String text = ENVIRONMENT.matcher(tex).replaceAll(" ");
    text = COMMAND.matcher(text).replaceAll(" ");
    text = MARKUP.matcher(text).replaceAll(" ");
    return text.replaceAll("\\s+", " ").strip();
  }
}
