package org.dailydl.server.terms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One glossary group as the terminology page shows it: its Chinese spellings, its English names
 * and its abbreviations. A Latin term is an abbreviation when it is one word of up to eight
 * letters and digits that spells a multi-word English term of the same group from the starts of
 * its words, one or two letters each (words after a hyphen and small words such as "of" or "from"
 * may give none): mlp ← multi-layer perceptron, relu ← rectified linear unit, bert ← bidirectional
 * encoder representations from transformers. Terms are shown as the notes write them where they
 * do with capitals inside a word (ReLU, PyTorch), abbreviations otherwise in capitals.
 *
 * @param chinese the spellings with Chinese characters
 * @param english the other spellings, plural and hyphenation variants left out
 * @param abbreviations the abbreviations among them
 */
record TermColumns(List<String> chinese, List<String> english, List<String> abbreviations) {
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern INNER_CAPITAL = Pattern.compile("[A-Za-z0-9][A-Z]");
  private static final Pattern ABBREVIATION = Pattern.compile("[a-z][a-z0-9]{1,7}");
  private static final Set<String> SMALL_WORDS = Set.of("a", "an", "and", "by", "for", "from", "in", "of", "on",
      "the", "to", "via", "with");

  /**
   * @param group the group's terms, normalised, in glossary order
   * @param written how the notes write a term, by its normalised form (may lack any term)
   */
  static TermColumns of(List<String> group, Map<String, String> written) {
    List<String> chinese = new ArrayList<>();
    List<String> latin = new ArrayList<>();
    for (String term : group) {
      (HAN.matcher(term).find() ? chinese : latin).add(term);
    }
    List<String> abbreviations = new ArrayList<>();
    Map<String, String> english = new LinkedHashMap<>();
    for (String term : latin) {
      if (isAbbreviation(term, latin)) {
        abbreviations.add(capitalised(term, written));
      } else {
        english.putIfAbsent(variantKey(term), asWritten(term, written));
      }
    }
    return new TermColumns(chinese, List.copyOf(english.values()), abbreviations);
  }

  /** The notes' spelling when it has capitals inside a word (LoRA, ReLU), else capitals. */
  private static String capitalised(String term, Map<String, String> written) {
    String form = written.get(term);
    return form != null && hasInnerCapital(form) ? form : term.toUpperCase(Locale.ROOT);
  }

  /** The notes' spelling when it has capitals inside a word (PyTorch); title case of a heading is not how a term is spelled. */
  private static String asWritten(String term, Map<String, String> written) {
    String form = written.get(term);
    return form != null && hasInnerCapital(form) ? form : term;
  }

  private static boolean hasInnerCapital(String form) {
    return INNER_CAPITAL.matcher(form).find();
  }

  /** Spellings that differ only by hyphens, spaces or a plural ending show once. */
  private static String variantKey(String term) {
    String key = term.replaceAll("[\\s\\-]", "");
    return key.endsWith("es") && key.length() > 4 ? key.substring(0, key.length() - 2)
        : key.endsWith("s") && key.length() > 3 ? key.substring(0, key.length() - 1) : key;
  }

  static boolean isAbbreviation(String token, List<String> latinTerms) {
    if (!ABBREVIATION.matcher(token).matches()) {
      return false;
    }
    for (String term : latinTerms) {
      if (!term.contains(" ") && !term.contains("-")) {
        continue;
      }
      List<Word> words = words(term);
      boolean isOneOfItsWords = words.stream().anyMatch(w -> w.text().equals(token));
      if (!isOneOfItsWords && spells(token, 0, words, 0)) {
        return true;
      }
    }
    return false;
  }

  /** A word of a multi-word term; an optional one may give no letter. */
  private record Word(String text, boolean optional) {}

  private static List<Word> words(String term) {
    List<Word> words = new ArrayList<>();
    for (String spaced : term.split(" ")) {
      String[] parts = spaced.split("-");
      for (int i = 0; i < parts.length; i++) {
        if (!parts[i].isEmpty()) {
          words.add(new Word(parts[i], i > 0 || SMALL_WORDS.contains(parts[i])));
        }
      }
    }
    return words;
  }

  /** Whether {@code token} from {@code at} is spelled by the starts of {@code words} from {@code w}. */
  private static boolean spells(String token, int at, List<Word> words, int w) {
    if (w == words.size()) {
      return at == token.length();
    }
    Word word = words.get(w);
    if (word.optional() && spells(token, at, words, w + 1)) {
      return true;
    }
    for (int n = 1; n <= 2; n++) {
      if (at + n <= token.length() && word.text().length() >= n && word.text().startsWith(token.substring(at, at + n))
          && spells(token, at + n, words, w + 1)) {
        return true;
      }
    }
    return false;
  }
}
