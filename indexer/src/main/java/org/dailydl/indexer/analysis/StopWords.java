package org.dailydl.indexer.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;

/**
 * The stop-word list ({@code stopwords.txt} beside this class): Chinese function words (的, 和, 是 …)
 * and English ones (the, of …). They carry no topic, so they are kept out of the word field, of
 * keywords and of article similarity. The bigram field keeps them: bigrams are for recall.
 */
final class StopWords {
  private StopWords() {}

  /** A word list beside this class: one word per line, {@code #} comments. */
  static CharArraySet load(String resource) {
    return CharArraySet.unmodifiableSet(new CharArraySet(words(resource), true));
  }

  /** The words of a list beside this class, in its order. */
  static List<String> words(String resource) {
    List<String> words = new ArrayList<>();
    try (InputStream in = StopWords.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(words);
  }
}
