package org.dailydl.server.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    /** CJK terms as sorted keys (a single character, or two packed by {@link #pair}) and their term indices. */
    private final int[] cjkKeys;
    private final int[] cjkTerms;
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
      Map<Integer, Integer> cjk = new TreeMap<>();
      for (int i = 0; i < list.size(); i++) {
        String t = list.get(i);
        weights[i] = Math.max(0.1, weight.applyAsDouble(t));
        if (t.length() == 2 && isCjk(t.charAt(0)) && isCjk(t.charAt(1))) {
          cjk.put(pair(t.charAt(0), t.charAt(1)), i);
          cjkStarts.set(t.charAt(0));
        } else if (t.length() == 1 && isCjk(t.charAt(0))) {
          cjk.put((int) t.charAt(0), i);
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
      cjkKeys = cjk.keySet().stream().mapToInt(Integer::intValue).toArray();
      cjkTerms = cjk.values().stream().mapToInt(Integer::intValue).toArray();
    }

    /** The index of the CJK term {@code key} (a character or a packed pair), or -1. */
    int cjkTerm(int key) {
      int at = Arrays.binarySearch(cjkKeys, key);
      return at < 0 ? -1 : cjkTerms[at];
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
    Scan scan = terms.isEmpty() ? Scan.sentencesOnly(chars, (int) (PASSAGE_CHARS * SLACK))
        : occurrences(text, chars, terms);
    if (scan.hits.isEmpty()) {
      int end = scan.passageEnd(0);
      return tidy(Html.escape(text.substring(0, end)));
    }
    int[] best = bestPassage(chars.length, scan, terms);
    return format(text, best[0], best[1], scan.hits);
  }

  /**
   * What one pass over a text finds: the terms' occurrences in text order (by start) and the
   * sentence starts, where a run of sentence ends stops ({@link #endsSentence}).
   */
  private static final class Scan {
    final List<Hit> hits = new ArrayList<>();
    private final char[] chars;
    private final int length;
    private int[] sentences = new int[64];
    private int sentenceCount;

    Scan(char[] chars) {
      this.chars = chars;
      this.length = chars.length;
    }

    void sentence(int start) {
      if (sentenceCount == sentences.length) {
        sentences = Arrays.copyOf(sentences, sentenceCount * 2);
      }
      sentences[sentenceCount++] = start;
    }

    /** The sentence starts of the first {@code limit} characters, and no hits. */
    static Scan sentencesOnly(char[] chars, int limit) {
      Scan scan = new Scan(chars);
      for (int i = 1; i < Math.min(chars.length, limit + 1); i++) {
        if (endsSentence(chars[i - 1]) && !endsSentence(chars[i])) {
          scan.sentence(i);
        }
      }
      return scan;
    }

    /**
     * The end of a passage from {@code start}: whole sentences up to about the goal length
     * ({@link #PASSAGE_CHARS}, at most {@link #SLACK} times it), else the goal cut short.
     */
    int passageEnd(int start) {
      int goal = start + PASSAGE_CHARS;
      int limit = (int) Math.min(length, start + PASSAGE_CHARS * SLACK);
      if (length < goal) {
        return length; // the rest of the text is shorter than a passage
      }
      // a passage ends where a sentence starts (or at the end of the text): the first such end
      // at or past the goal if the slack allows, else the last one before the goal
      int first = lowerBound(sentences, sentenceCount, goal);
      int atGoal = first < sentenceCount ? sentences[first] : length;
      if (atGoal <= limit) {
        return atGoal;
      }
      if (first > 0 && sentences[first - 1] > start) {
        return sentences[first - 1];
      }
      // the first sentence alone is too long: cut it, never inside a surrogate pair
      return goal < length && Character.isHighSurrogate(chars[goal - 1]) ? goal - 1 : goal;
    }
  }

  private static Scan occurrences(String text, char[] chars, Terms terms) {
    Scan scan = new Scan(chars);
    List<Hit> hits = scan.hits;
    int n = chars.length;
    int sentence = 0;
    boolean afterEnd = false;
    int i = 0;
    while (i < n) {
      char c = chars[i];
      boolean ends = endsSentence(c);
      if (afterEnd && !ends) {
        sentence = i;
        scan.sentence(i);
      }
      afterEnd = ends;
      if (isCjk(c)) {
        if (!terms.cjkStarts.get(c)) {
          i++;
          continue;
        }
        int single = terms.cjkTerm(c);
        if (single >= 0) {
          hits.add(new Hit(i, i + 1, single, sentence));
        }
        if (i + 1 < n && isCjk(chars[i + 1])) {
          int term = terms.cjkTerm(pair(c, chars[i + 1]));
          if (term >= 0) {
            hits.add(new Hit(i, i + 2, term, sentence));
          }
        }
        i++;
      } else if (isWordChar(c)) {
        int end = i + 1;
        int inner = -1; // the last sentence start inside the word: after a '.' joiner
        while (end < n && (isWordChar(chars[end])
            || (isJoiner(chars[end]) && end + 1 < n && isWordChar(chars[end + 1])))) {
          if (chars[end] == '.') {
            inner = end + 1;
            scan.sentence(inner);
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
        afterEnd = false; // a word ends on a letter or digit
        i = end;
      } else {
        i++;
      }
    }
    return scan;
  }

  /** [start, end) of the passage with the highest score: distinct terms by weight, repeats a little. */
  private static int[] bestPassage(int length, Scan scan, Terms terms) {
    List<Hit> hits = scan.hits;
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
      int end = scan.passageEnd(start);
      if (hit.end() > end) {
        // one long sentence: a window around the hit instead, a little more after it than before
        start = Math.max(start, hit.start() - (int) (PASSAGE_CHARS * 0.4));
        end = Math.min(length, start + PASSAGE_CHARS);
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
    int from = lowerBound(starts, starts.length, start);
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

  /** The first index of {@code sorted[0, size)} whose value is at least {@code key} ({@code size} if none). */
  private static int lowerBound(int[] sorted, int size, int key) {
    int lo = 0;
    int hi = size;
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
