package org.dailydl.server.search;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.dailydl.indexer.Fields;
import org.dailydl.server.corpus.CorpusSnapshot;
import org.dailydl.server.corpus.PerSnapshot;

/**
 * Spelling suggestions for Latin-script words from the index's own vocabulary (the word field of
 * titles and bodies): {@code pytroch} → {@code pytorch}. A word that the index lacks gets its
 * closest frequent neighbour; a word that is merely rare gets a much more popular one.
 */
final class SpellingSuggester {
  /** A word seen in at most this many articles counts as rare. */
  private static final int RARE = 1;

  /** Where correct spellings come from: titles, prose and code identifiers. */
  private static final String[] VOCABULARY = {Fields.TITLE, Fields.BODY, Fields.CODE};

  /** Corrected words kept per index version. */
  static final int CACHE_SIZE = 20_000;

  private final DirectSpellChecker checker = new DirectSpellChecker();
  private final PerSnapshot<Map<String, Optional<String>>> corrections = new PerSnapshot<>(
      s -> Caffeine.newBuilder().maximumSize(CACHE_SIZE).<String, Optional<String>>build().asMap());

  SpellingSuggester() {
    checker.setMinQueryLength(3);
    checker.setMaxEdits(2);
    checker.setAccuracy(0.7f);
  }

  /**
   * The query with misspelled words replaced, or null when every word looks right. Each word's
   * correction is kept per index version: readers mistype the same words.
   */
  String suggest(CorpusSnapshot corpus, IndexReader reader, String query, List<String> latinWords) throws IOException {
    Map<String, Optional<String>> known = corrections.get(corpus);
    String corrected = query;
    boolean changed = false;
    for (String word : latinWords) {
      Optional<String> correction = known.get(word);
      if (correction == null) {
        correction = Optional.ofNullable(correct(reader, word));
        known.put(word, correction);
      }
      if (correction.isPresent()) {
        corrected = replaceWord(corrected, word, correction.get());
        changed = true;
      }
    }
    return changed ? corrected : null;
  }

  /** Without a cache (tests). */
  String suggest(IndexReader reader, String query, List<String> latinWords) throws IOException {
    String corrected = query;
    boolean changed = false;
    for (String word : latinWords) {
      String correction = correct(reader, word);
      if (correction != null) {
        corrected = replaceWord(corrected, word, correction);
        changed = true;
      }
    }
    return changed ? corrected : null;
  }

  /** The better spelling of one word, or null when it looks right. */
  private String correct(IndexReader reader, String word) throws IOException {
    int df = reader.docFreq(new Term(Fields.BODY, word)) + reader.docFreq(new Term(Fields.TITLE, word));
    if (df > RARE || reader.docFreq(new Term(Fields.CODE, word)) > RARE) {
      return null;
    }
    SuggestMode mode = df == 0 ? SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX : SuggestMode.SUGGEST_MORE_POPULAR;
    SuggestWord best = null;
    for (String field : VOCABULARY) {
      SuggestWord[] words = checker.suggestSimilar(new Term(field, word), 1, reader, mode);
      if (words.length > 0 && (best == null || words[0].score > best.score
          || (words[0].score == best.score && words[0].freq > best.freq))) {
        best = words[0];
      }
    }
    return best != null && best.freq > df && !best.string.equals(word) ? best.string : null;
  }

  /** Replaces a word case-insensitively on word boundaries, keeping the rest of the query as typed. */
  static String replaceWord(String text, String word, String replacement) {
    Matcher m = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(word) + "(?![A-Za-z0-9])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
    return m.find() ? m.replaceFirst(Matcher.quoteReplacement(replacement)) : text + " " + replacement.toLowerCase(Locale.ROOT);
  }
}
