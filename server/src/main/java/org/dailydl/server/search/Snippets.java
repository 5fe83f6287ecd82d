package org.dailydl.server.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
 * through its bigrams: a bigram is two adjacent CJK characters, a Latin token a run of letters,
 * digits and {@code _ . '} inside them. A body is {@linkplain #prepare prepared} once (its sentence
 * starts and a lower-cased twin; callers keep it), then each term's occurrences are found with
 * {@link String#indexOf}, so a query no longer walks every character of every hit's body. This is
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

  /** The query's terms, split into CJK terms and (lower-cased) Latin tokens, with weights. */
  static final class Terms {
    private final List<String> cjk = new ArrayList<>();
    private final List<Integer> cjkIndex = new ArrayList<>();
    private final List<String> latin = new ArrayList<>();
    private final List<Integer> latinIndex = new ArrayList<>();
    private final double[] weights;

    /** @param weight how telling a term is (e.g. its inverse document frequency); at least 0 */
    Terms(Set<String> terms, ToDoubleFunction<String> weight) {
      List<String> list = new ArrayList<>(terms);
      weights = new double[list.size()];
      Map<String, Integer> latinTerms = new LinkedHashMap<>();
      for (int i = 0; i < list.size(); i++) {
        String t = list.get(i);
        weights[i] = Math.max(0.1, weight.applyAsDouble(t));
        if ((t.length() == 2 && isCjk(t.charAt(0)) && isCjk(t.charAt(1))) || (t.length() == 1 && isCjk(t.charAt(0)))) {
          cjk.add(t);
          cjkIndex.add(i);
        } else if (!t.isEmpty()) {
          latinTerms.put(lowerCase(t), i); // two spellings of one token: the last one's index
        }
      }
      latinTerms.forEach((term, i) -> {
        latin.add(term);
        latinIndex.add(i);
      });
    }

    boolean isEmpty() {
      return weights.length == 0;
    }
  }

  /**
   * A body ready for snippets: its text, a lower-cased twin of the same length (for Latin tokens;
   * the text itself when it has no upper case), and where its sentences start (where a run of
   * {@link #endsSentence sentence ends} stops). Immutable; {@link #weight} is its size in
   * characters, for caches.
   */
  static final class Body {
    private final String text;
    private final String lower;
    private final int[] sentences;

    private Body(String text) {
      this.text = text;
      // one pass: sentence starts, and the lower-cased twin (the text itself when nothing changes)
      char[] chars = text.toCharArray();
      int[] starts = new int[16];
      int count = 0;
      boolean afterEnd = false;
      boolean lowered = false;
      for (int i = 0; i < chars.length; i++) {
        char c = chars[i];
        boolean ends = endsSentence(c);
        if (afterEnd && !ends) {
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
          }
          starts[count++] = i;
        }
        afterEnd = ends;
        char lower = lower(c);
        if (lower != c) {
          chars[i] = lower;
          lowered = true;
        }
      }
      this.lower = lowered ? new String(chars) : text;
      this.sentences = Arrays.copyOf(starts, count);
    }

    int weight() {
      return (lower == text ? 1 : 2) * text.length() + 2 * sentences.length + 16;
    }

    /** The start of the sentence holding {@code at}: the last sentence start at or before it, else 0. */
    int sentenceOf(int at) {
      int k = lowerBound(sentences, sentences.length, at + 1) - 1;
      return k < 0 ? 0 : sentences[k];
    }

    /**
     * The end of a passage from {@code start}: whole sentences up to about the goal length
     * ({@link #PASSAGE_CHARS}, at most {@link #SLACK} times it), else the goal cut short.
     */
    int passageEnd(int start) {
      int length = text.length();
      int goal = start + PASSAGE_CHARS;
      int limit = (int) Math.min(length, start + PASSAGE_CHARS * SLACK);
      if (length < goal) {
        return length; // the rest of the text is shorter than a passage
      }
      // a passage ends where a sentence starts (or at the end of the text): the first such end
      // at or past the goal if the slack allows, else the last one before the goal
      int first = lowerBound(sentences, sentences.length, goal);
      int atGoal = first < sentences.length ? sentences[first] : length;
      if (atGoal <= limit) {
        return atGoal;
      }
      if (first > 0 && sentences[first - 1] > start) {
        return sentences[first - 1];
      }
      // the first sentence alone is too long: cut it, never inside a surrogate pair
      return goal < length && Character.isHighSurrogate(text.charAt(goal - 1)) ? goal - 1 : goal;
    }
  }

  /** {@code text} prepared for {@link #of(Body, Terms)}. */
  static Body prepare(String text) {
    return new Body(text == null ? "" : text);
  }

  /** The snippet of {@code text} for {@code terms}: the best passage, or the opening when nothing matches. */
  static String of(String text, Terms terms) {
    return of(prepare(text), terms);
  }

  /** The snippet of {@code body} for {@code terms}: the best passage, or the opening when nothing matches. */
  static String of(Body body, Terms terms) {
    String text = body.text;
    if (text.isEmpty()) {
      return "";
    }
    List<Hit> hits = terms.isEmpty() ? List.of() : occurrences(body, terms);
    if (hits.isEmpty()) {
      return tidy(Html.escape(text.substring(0, body.passageEnd(0))));
    }
    int[] best = bestPassage(body, hits, terms);
    return format(text, best[0], best[1], hits);
  }

  /** Every occurrence of a term, ordered by start (then end), with its sentence's start. */
  private static List<Hit> occurrences(Body body, Terms terms) {
    List<Hit> hits = new ArrayList<>();
    String text = body.text;
    for (int k = 0; k < terms.cjk.size(); k++) {
      String term = terms.cjk.get(k);
      int index = terms.cjkIndex.get(k);
      for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
        hits.add(new Hit(at, at + term.length(), index, body.sentenceOf(at)));
      }
    }
    String lower = body.lower;
    for (int k = 0; k < terms.latin.size(); k++) {
      String term = terms.latin.get(k);
      int index = terms.latinIndex.get(k);
      for (int at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
        // a whole token only: it starts here and ends where the term does
        if (isWordChar(text.charAt(at)) && tokenStartsAt(text, at) && tokenEnd(text, at) == at + term.length()) {
          hits.add(new Hit(at, at + term.length(), index, body.sentenceOf(at)));
        }
      }
    }
    hits.sort(BY_START_THEN_END);
    return hits;
  }

  private static final Comparator<Hit> BY_START_THEN_END =
      Comparator.comparingInt(Hit::start).thenComparingInt(Hit::end);

  /** True when no token runs through {@code at} from before it (the character there is a word character). */
  private static boolean tokenStartsAt(String text, int at) {
    if (at == 0) {
      return true;
    }
    char before = text.charAt(at - 1);
    return !(isWordChar(before) || (isJoiner(before) && at >= 2 && isWordChar(text.charAt(at - 2))));
  }

  /** The end of the token starting at {@code start}: letters and digits, joined by {@code . '} between them. */
  private static int tokenEnd(String text, int start) {
    int n = text.length();
    int end = start + 1;
    while (end < n && (isWordChar(text.charAt(end))
        || (isJoiner(text.charAt(end)) && end + 1 < n && isWordChar(text.charAt(end + 1))))) {
      end++;
    }
    return end;
  }

  /** [start, end) of the passage with the highest score: distinct terms by weight, repeats a little. */
  private static int[] bestPassage(Body body, List<Hit> hits, Terms terms) {
    int length = body.text.length();
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
      int end = body.passageEnd(start);
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

  /** Lower case character by character, so offsets in the result are offsets in {@code text}. */
  private static String lowerCase(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = lower(chars[i]);
    }
    return new String(chars);
  }

  /** {@link Character#toLowerCase(char)}, without its table lookup for ASCII and Han. */
  private static char lower(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return isCjk(c) ? c : Character.toLowerCase(c);
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
