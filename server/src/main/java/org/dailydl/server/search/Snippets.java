package org.dailydl.server.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.dailydl.server.web.Html;

/**
 * A hit's snippet: the passage of its body (about {@link #PASSAGE_CHARS} characters, whole
 * sentences where they fit) that holds the most of the query's distinct terms, rarer terms weighing more,
 * with every occurrence marked. Everything is HTML-escaped except the {@code <mark>} tags.
 *
 * <p>The terms are those of the bigram analysis (CJK bigrams, lone CJK characters, whole Latin and
 * code tokens, lower-cased), so a Chinese word is marked whether the query matched it as a word or
 * through its bigrams. Occurrences are found in one pass over the text: a bigram is two adjacent
 * CJK characters, a Latin token a run of letters, digits and {@code _ . '} inside them. This is
 * what Lucene's UnifiedHighlighter did here with offsets from the postings, in a fraction of the
 * time (it was half of an uncached search: an offsets enum per term and document, and a passage
 * scorer hashing every occurrence). Thread-safe (stateless).
 */
final class Snippets {
  static final int PASSAGE_CHARS = 160;
  /** A passage may run this much longer than the goal to end on a sentence boundary. */
  static final double SLACK = 1.5;

  private Snippets() {}

  /**
   * One occurrence of a term: its characters, the term's index in the query's term list, and the
   * start of its sentence (the last sentence boundary at or before it).
   */
  private record Hit(int start, int end, int term, int sentence) {}

  /** The query's terms, split into CJK (as packed characters) and Latin tokens, with weights. */
  static final class Terms {
    private final Map<Integer, Integer> cjkPairs = new HashMap<>();
    private final Map<Character, Integer> cjkSingles = new HashMap<>();
    /** First characters of CJK terms: most characters of a text start none, and skip the maps. */
    private final BitSet cjkStarts = new BitSet(Character.MAX_VALUE + 1);
    private final Map<String, Integer> latin = new HashMap<>();
    /** Lengths of the Latin terms: a word of another length is not looked up (nor lower-cased). */
    private final BitSet latinLengths = new BitSet();
    /** First characters of the Latin terms, both cases: a word starting otherwise is not looked up. */
    private final BitSet latinStarts = new BitSet();
    private final double[] weights;

    /** @param weight how telling a term is (e.g. its inverse document frequency); at least 0 */
    Terms(Set<String> terms, ToDoubleFunction<String> weight) {
      List<String> list = new ArrayList<>(terms);
      weights = new double[list.size()];
      for (int i = 0; i < list.size(); i++) {
        String t = list.get(i);
        weights[i] = Math.max(0.1, weight.applyAsDouble(t));
        if (t.length() == 2 && isCjk(t.charAt(0)) && isCjk(t.charAt(1))) {
          cjkPairs.put(pair(t.charAt(0), t.charAt(1)), i);
          cjkStarts.set(t.charAt(0));
        } else if (t.length() == 1 && isCjk(t.charAt(0))) {
          cjkSingles.put(t.charAt(0), i);
          cjkStarts.set(t.charAt(0));
        } else if (!t.isEmpty()) {
          String lower = t.toLowerCase(Locale.ROOT);
          latin.put(lower, i);
          latinLengths.set(t.length());
          char first = lower.charAt(0);
          latinStarts.set(first);
          latinStarts.set(Character.toUpperCase(first));
          latinStarts.set(Character.toTitleCase(first));
        }
      }
    }

    boolean isEmpty() {
      return weights.length == 0;
    }
  }

  /** The snippet of {@code text} for {@code terms}: the best passage, or the opening when nothing matches. */
  static String of(String text, Terms terms) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    // one array for every scan below: String.charAt checks its index on each call
    char[] chars = text.toCharArray();
    List<Hit> hits = terms.isEmpty() ? List.of() : occurrences(text, chars, terms);
    if (hits.isEmpty()) {
      int end = passageEnd(chars, 0);
      return tidy(Html.escape(text.substring(0, end)));
    }
    int[] best = bestPassage(chars, hits, terms);
    return format(text, best[0], best[1], hits);
  }

  /**
   * Every occurrence of a term, in text order (by start), with its sentence's start: one pass that
   * also follows sentence boundaries (a boundary is where a run of sentence ends stops).
   */
  private static List<Hit> occurrences(String text, char[] chars, Terms terms) {
    List<Hit> hits = new ArrayList<>();
    int n = chars.length;
    int sentence = 0;
    int i = 0;
    while (i < n) {
      char c = chars[i];
      if (i > 0 && !endsSentence(c) && endsSentence(chars[i - 1])) {
        sentence = i;
      }
      if (isCjk(c)) {
        if (!terms.cjkStarts.get(c)) {
          i++;
          continue;
        }
        Integer single = terms.cjkSingles.get(c);
        if (single != null) {
          hits.add(new Hit(i, i + 1, single, sentence));
        }
        if (i + 1 < n && isCjk(chars[i + 1])) {
          Integer term = terms.cjkPairs.get(pair(c, chars[i + 1]));
          if (term != null) {
            hits.add(new Hit(i, i + 2, term, sentence));
          }
        }
        i++;
      } else if (isWordChar(c)) {
        int end = i + 1;
        int inner = -1; // the last boundary inside the word: after a '.' joiner
        while (end < n && (isWordChar(chars[end])
            || (isJoiner(chars[end]) && end + 1 < n && isWordChar(chars[end + 1])))) {
          if (chars[end] == '.') {
            inner = end + 1;
          }
          end++;
        }
        if (terms.latinLengths.get(end - i) && terms.latinStarts.get(c)) {
          Integer term = terms.latin.get(text.substring(i, end).toLowerCase(Locale.ROOT));
          if (term != null) {
            hits.add(new Hit(i, end, term, sentence));
          }
        }
        if (inner >= 0) {
          sentence = inner;
        }
        i = end;
      } else {
        i++;
      }
    }
    return hits;
  }

  /** [start, end) of the passage with the highest score: distinct terms by weight, repeats a little. */
  private static int[] bestPassage(char[] text, List<Hit> hits, Terms terms) {
    int[] best = null;
    double bestScore = -1;
    int lastStart = -1;
    int[] starts = hits.stream().mapToInt(Hit::start).toArray();
    boolean[] present = new boolean[terms.weights.length];
    for (Hit hit : hits) {
      int start = hit.sentence();
      if (start == lastStart) {
        continue; // the same passage as the previous hit's
      }
      lastStart = start;
      int end = passageEnd(text, start);
      if (hit.end() > end) {
        // one long sentence: a window around the hit instead, a little more after it than before
        start = Math.max(start, hit.start() - (int) (PASSAGE_CHARS * 0.4));
        end = Math.min(text.length, start + PASSAGE_CHARS);
      }
      double score = score(hits, starts, present, start, end, terms);
      if (score > bestScore) {
        bestScore = score;
        best = new int[] {start, end};
      }
    }
    return best;
  }

  /**
   * The weights of the distinct terms present (repeats of a common word do not make a passage
   * better); between passages with the same terms, the one where the most telling term comes
   * soonest (the passage is about it, not merely reaching it).
   */
  private static double score(List<Hit> hits, int[] starts, boolean[] present, int start, int end, Terms terms) {
    Arrays.fill(present, false);
    int bestTerm = -1;
    int bestAt = end;
    // the hits inside [start, end) are among those starting in it: a run of the sorted starts
    int from = lowerBound(starts, start);
    for (int k = from; k < starts.length && starts[k] < end; k++) {
      Hit h = hits.get(k);
      if (h.end() <= end) {
        present[h.term()] = true;
        if (bestTerm < 0 || terms.weights[h.term()] > terms.weights[bestTerm]) {
          bestTerm = h.term();
          bestAt = h.start();
        }
      }
    }
    double score = 0;
    for (int term = 0; term < present.length; term++) {
      if (present[term]) {
        score += terms.weights[term];
      }
    }
    return score - 0.01 * (bestAt - start) / (double) PASSAGE_CHARS;
  }

  /** The first index of {@code sorted} whose value is at least {@code key}. */
  private static int lowerBound(int[] sorted, int key) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The end of a passage from {@code start}: whole sentences up to about the goal length. */
  private static int passageEnd(char[] text, int start) {
    int goal = start + PASSAGE_CHARS;
    int limit = (int) Math.min(text.length, start + PASSAGE_CHARS * SLACK);
    int end = start;
    int i = start;
    while (i < text.length) {
      while (i < text.length && !endsSentence(text[i])) {
        i++;
      }
      while (i < text.length && endsSentence(text[i])) {
        i++;
      }
      if (i > limit) {
        break;
      }
      end = i;
      if (end >= goal) {
        break;
      }
    }
    if (end == start) {
      // the first sentence alone is too long: cut it, never inside a surrogate pair
      end = Math.min(text.length, goal);
      if (end < text.length && Character.isHighSurrogate(text[end - 1])) {
        end--;
      }
    }
    return end;
  }

  /** The passage with its hits marked; overlapping and adjacent hits form one mark. */
  private static String format(String text, int start, int end, List<Hit> hits) {
    StringBuilder out = new StringBuilder((end - start) + 32);
    int at = start;
    int spanStart = -1;
    int spanEnd = -1;
    for (Hit h : hits) {
      if (h.start() < start || h.end() > end) {
        continue;
      }
      if (spanStart >= 0 && h.start() <= spanEnd) {
        spanEnd = Math.max(spanEnd, h.end());
        continue;
      }
      if (spanStart >= 0) {
        at = appendMark(out, text, at, spanStart, spanEnd);
      }
      spanStart = h.start();
      spanEnd = h.end();
    }
    if (spanStart >= 0) {
      at = appendMark(out, text, at, spanStart, spanEnd);
    }
    out.append(Html.escape(text.substring(at, end)));
    return tidy(out.toString());
  }

  private static int appendMark(StringBuilder out, String text, int at, int from, int to) {
    out.append(Html.escape(text.substring(at, from))).append("<mark>")
        .append(Html.escape(text.substring(from, to))).append("</mark>");
    return to;
  }

  /** Sentence-ending punctuation, Chinese and Latin, and line breaks: a passage boundary follows a run of them. */
  static boolean endsSentence(char c) {
    return switch (c) {
      case '。', '！', '？', '；', '…', '\n', '!', '?', ';', '.' -> true;
      default -> false;
    };
  }

  /** Whitespace runs become one space. */
  static String tidy(String snippet) {
    return snippet.replaceAll("\\s+", " ").strip();
  }

  static boolean isCjk(char c) {
    return HAN.get(c);
  }

  /** The UTF-16 units that are Han characters: a table, where UnicodeScript.of is a binary search per call. */
  private static final BitSet HAN = han();

  private static BitSet han() {
    BitSet han = new BitSet(Character.MAX_VALUE + 1);
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
        han.set(c);
      }
    }
    return han;
  }

  private static boolean isWordChar(char c) {
    return c < 128 ? Character.isLetterOrDigit(c) || c == '_' : Character.isLetterOrDigit(c) && !isCjk(c);
  }

  private static boolean isJoiner(char c) {
    return c == '.' || c == '\'';
  }

  private static int pair(char a, char b) {
    return (a << 16) | b;
  }

  /** Distinct terms, for tests. */
  static Set<String> markedTerms(String snippet) {
    Set<String> marked = new HashSet<>();
    int i = snippet.indexOf("<mark>");
    while (i >= 0) {
      int j = snippet.indexOf("</mark>", i);
      marked.add(snippet.substring(i + 6, j));
      i = snippet.indexOf("<mark>", j);
    }
    return marked;
  }
}
