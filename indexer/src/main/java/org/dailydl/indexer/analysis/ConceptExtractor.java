package org.dailydl.indexer.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The candidate subject terms of an article, counted: glossary concepts (every spelling of a
 * glossary group counts for its first spelling, so 注意力 and attention are one concept, and
 * multi-word English terms stay whole: gradient descent), the remaining words of the word analysis
 * that can name a topic (Chinese words of two or more characters, English words of three or more
 * letters), and compounds that recur in the article: runs of adjacent Chinese tokens (the segmenter
 * splits domain words it lacks: 静态 链 接 → 静态链接; a run inside a longer recurring run is left to
 * it) and pairs of English words (hash table). Title words count three times, heading words twice. The text
 * given is prose: no code, no inline code, no formulas; URLs are skipped. Each concept also gets the
 * spelling to show: the form most written in the article (TCP, PyTorch, 注意力). Thread-safe.
 */
public final class ConceptExtractor {
  /** A compound counts when its two words stand together at least this often in the article. */
  static final int COMPOUND_MIN = 2;
  static final int TITLE_WEIGHT = 3;
  static final int HEADING_WEIGHT = 2;
  /** No concept counts more than this (a word repeated hundreds of times says no more than fifty). */
  static final int MAX_COUNT = 50;
  /** A run of Chinese tokens makes a compound of at most this many tokens and characters. */
  static final int MAX_RUN_TOKENS = 4;
  static final int MAX_RUN_CHARS = 8;

  private static final Pattern URL = Pattern.compile("(?i)(?:https?://|ftp://|www\\.)\\S+");
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9+#.\\-]*[A-Za-z0-9+#]|[A-Za-z]");

  /** An article's concepts: counts, and the spelling to show for each. */
  public record Concepts(Map<String, Integer> counts, Map<String, String> forms) {
    public static final Concepts EMPTY = new Concepts(Map.of(), Map.of());

    public Concepts {
      counts = Map.copyOf(counts);
      forms = Map.copyOf(forms);
    }
  }

  private final Glossary glossary;
  private final Analysis analysis;

  public ConceptExtractor(Glossary glossary, Analysis analysis) {
    this.glossary = Objects.requireNonNull(glossary);
    this.analysis = Objects.requireNonNull(analysis);
  }

  public Concepts extract(String title, List<String> headings, String prose) {
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Map<String, Integer>> spellings = new HashMap<>();
    collect(title, TITLE_WEIGHT, counts, spellings);
    for (String heading : headings) {
      collect(heading, HEADING_WEIGHT, counts, spellings);
    }
    collect(prose, 1, counts, spellings);
    Map<String, Integer> capped = new LinkedHashMap<>();
    Map<String, String> forms = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      capped.put(e.getKey(), Math.min(MAX_COUNT, e.getValue()));
      forms.put(e.getKey(), mostWritten(e.getKey(), spellings.get(e.getKey())));
    });
    return new Concepts(capped, forms);
  }

  private void collect(String text, int weight, Map<String, Integer> counts, Map<String, Map<String, Integer>> spellings) {
    if (text == null || text.isBlank()) {
      return;
    }
    String plain = URL.matcher(text).replaceAll(" ");
    Map<String, Map<String, Integer>> cased = casedForms(plain);
    String normalized = Glossary.normalize(plain);
    StringBuilder rest = new StringBuilder(normalized);
    for (Glossary.Match match : glossary.find(normalized)) {
      String concept = glossary.canonical(match.term());
      add(counts, spellings, concept, match.term(), weight, cased);
      for (int i = match.start(); i < match.end(); i++) {
        rest.setCharAt(i, ' ');
      }
    }
    words(rest.toString(), weight, counts, spellings, cased);
  }

  /** Words and recurring two-word compounds of text whose glossary terms are already taken out. */
  private void words(String text, int weight, Map<String, Integer> counts, Map<String, Map<String, Integer>> spellings,
      Map<String, Map<String, Integer>> cased) {
    List<int[]> offsets = new ArrayList<>();
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analysis.word().tokenStream("", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
        offsets.add(new int[] {offset.startOffset(), offset.endOffset()});
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing an in-memory string cannot fail", e);
    }
    Map<String, Integer> compounds = new HashMap<>();
    for (int i = 0; i < terms.size(); i++) {
      String t = terms.get(i);
      if (isTopicWord(t)) {
        add(counts, spellings, t, t, weight, cased);
      }
      if (isCjk(t)) {
        // runs of adjacent Chinese tokens, single characters included: the segmenter splits domain
        // words it does not know (静态链接 → 静态 链 接), a recurring run puts them back together
        StringBuilder run = new StringBuilder(t);
        for (int n = 2; n <= MAX_RUN_TOKENS && i + n - 1 < terms.size(); n++) {
          int k = i + n - 1;
          if (!isCjk(terms.get(k)) || offsets.get(k)[0] != offsets.get(k - 1)[1]) {
            break;
          }
          run.append(terms.get(k));
          if (run.length() > MAX_RUN_CHARS) {
            break;
          }
          if (run.length() >= 3) {
            compounds.merge(run.toString(), 1, Integer::sum);
          }
        }
      } else if (i + 1 < terms.size() && isTopicWord(t) && isTopicWord(terms.get(i + 1)) && !isCjk(terms.get(i + 1))) {
        int gap = offsets.get(i + 1)[0] - offsets.get(i)[1];
        if (gap == 1 && text.charAt(offsets.get(i)[1]) == ' ') {
          compounds.merge(t + " " + terms.get(i + 1), 1, Integer::sum);
        }
      }
    }
    for (Map.Entry<String, Integer> c : compounds.entrySet()) {
      String compound = c.getKey();
      int n = c.getValue();
      if ((n >= COMPOUND_MIN || weight > 1) && !inLongerRun(compound, n, compounds)) {
        add(counts, spellings, compound, compound, weight * n, cased);
      }
    }
  }

  /**
   * Whether a run mostly occurs inside a longer recurring run ("静态链" inside "静态链接"): then only
   * the longer one is a concept.
   */
  private static boolean inLongerRun(String run, int count, Map<String, Integer> runs) {
    for (Map.Entry<String, Integer> other : runs.entrySet()) {
      if (other.getKey().length() > run.length() && other.getKey().contains(run) && other.getValue() >= 0.7 * count
          && other.getValue() >= COMPOUND_MIN) {
        return true;
      }
    }
    return false;
  }

  private static void add(Map<String, Integer> counts, Map<String, Map<String, Integer>> spellings, String concept,
      String spelling, int n, Map<String, Map<String, Integer>> cased) {
    counts.merge(concept, n, Integer::sum);
    Map<String, Integer> written = cased.get(spelling);
    Map<String, Integer> forms = spellings.computeIfAbsent(concept, c -> new HashMap<>());
    if (written != null) {
      written.forEach((form, k) -> forms.merge(form, k, Integer::sum));
    } else {
      forms.merge(spelling, n, Integer::sum);
    }
  }

  /** How each Latin word (and two-word sequence) is written in the text, by its lower-case form. */
  private static Map<String, Map<String, Integer>> casedForms(String text) {
    Map<String, Map<String, Integer>> forms = new HashMap<>();
    Matcher m = LATIN_WORD.matcher(text);
    String previous = null;
    int previousEnd = -2;
    while (m.find()) {
      String word = m.group();
      forms.computeIfAbsent(Glossary.normalize(word), w -> new HashMap<>()).merge(word, 1, Integer::sum);
      if (previous != null && m.start() == previousEnd + 1 && text.charAt(previousEnd) == ' ') {
        String pair = previous + " " + word;
        forms.computeIfAbsent(Glossary.normalize(pair), w -> new HashMap<>()).merge(pair, 1, Integer::sum);
      }
      previous = word;
      previousEnd = m.end();
    }
    return forms;
  }

  private static String mostWritten(String concept, Map<String, Integer> forms) {
    if (forms == null || forms.isEmpty()) {
      return concept;
    }
    return forms.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey).findFirst().orElse(concept);
  }

  /**
   * A word that can name a topic: two or more Chinese characters, or an English word of three or
   * more letters (shorter ones are mostly variables: x, ab, np), digits allowed inside (gpt2, h100)
   * but not numbers.
   */
  public static boolean isTopicWord(String term) {
    int cjk = 0;
    int letters = 0;
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
        cjk++;
      } else if (Character.isLetter(c)) {
        letters++;
      }
    }
    return cjk >= 2 || (cjk == 0 && letters >= 3 && letters >= term.length() - 1);
  }

  private static boolean isCjk(String term) {
    return !term.isEmpty() && Character.UnicodeScript.of(term.charAt(0)) == Character.UnicodeScript.HAN;
  }
}
