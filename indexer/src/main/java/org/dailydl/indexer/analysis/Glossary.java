package org.dailydl.indexer.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Chinese↔English term map of the knowledge base's domain (注意力 ↔ attention, 卷积神经网络 ↔ CNN),
 * applied at query time so that a query in either language finds articles written in the other.
 *
 * <p>Format (the Solr synonyms format authors may know): one group of equivalent terms per line,
 * separated by commas; {@code #} starts a comment. Example: {@code 损失函数, loss function, 代价函数}.
 * The built-in list is {@code glossary.txt} beside this class; authors add their own groups in
 * {@value #USER_FILE} at the root of their content folder. Immutable and thread-safe.
 */
public final class Glossary {
  /** The file name of an author's own terms, at the root of the content folder. */
  public static final String USER_FILE = "dailydl-terms.txt";

  /** A glossary term found in a query: characters {@code [start, end)} and its equivalents. */
  public record Match(int start, int end, String term, List<String> equivalents) {}

  private final Map<String, Set<String>> groups;
  private final Map<String, String> prefixes;
  private final int longestTerm;
  private final Set<String> stems;

  private Glossary(Map<String, Set<String>> groups) {
    this.groups = groups;
    this.longestTerm = groups.keySet().stream().mapToInt(String::length).max().orElse(0);
    this.prefixes = latinPrefixes(groups);
    this.stems = stems(groups.keySet(), prefixes.keySet());
  }

  /**
   * Leading word sequences (two words or more) of longer English terms, when they belong to one
   * term only: "page replacement" stands for "page replacement algorithm".
   */
  private static Map<String, String> latinPrefixes(Map<String, Set<String>> groups) {
    Set<String> terms = groups.keySet();
    Map<String, String> prefixes = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (String term : terms) {
      if (!term.matches("[a-z0-9][a-z0-9 .\\-]*")) {
        continue;
      }
      String[] words = term.split(" ");
      for (int n = 2; n < words.length; n++) {
        String prefix = String.join(" ", Arrays.copyOf(words, n));
        if (terms.contains(prefix)) {
          continue;
        }
        String known = prefixes.putIfAbsent(prefix, term);
        if (known != null && groups.get(known) != groups.get(term)) {
          ambiguous.add(prefix);
        }
      }
    }
    ambiguous.forEach(prefixes::remove);
    return prefixes;
  }


  /** The built-in glossary only. */
  public static Glossary builtIn() {
    Map<String, Set<String>> groups = new HashMap<>();
    try (InputStream in = Glossary.class.getResourceAsStream("glossary.txt")) {
      if (in == null) {
        throw new IllegalStateException("glossary.txt is missing from the classpath");
      }
      read(new InputStreamReader(in, StandardCharsets.UTF_8), groups);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Glossary(groups);
  }

  /**
   * The built-in glossary plus the author's {@value #USER_FILE} in {@code contentDir}, when present.
   *
   * @throws IOException when the author's file exists but cannot be read
   */
  public static Glossary forContent(Path contentDir) throws IOException {
    Glossary base = builtIn();
    Path userFile = contentDir.resolve(USER_FILE);
    if (!Files.isRegularFile(userFile)) {
      return base;
    }
    Map<String, Set<String>> groups = new HashMap<>();
    base.groups.forEach((term, group) -> groups.put(term, new LinkedHashSet<>(group)));
    try (Reader reader = Files.newBufferedReader(userFile, StandardCharsets.UTF_8)) {
      read(reader, groups);
    }
    return new Glossary(groups);
  }

  /** Parses glossary lines into {@code groups}, merging a group with every group it shares a term with. */
  static void read(Reader source, Map<String, Set<String>> groups) throws IOException {
    BufferedReader reader = new BufferedReader(source);
    for (String line; (line = reader.readLine()) != null; ) {
      Set<String> group = new LinkedHashSet<>(terms(line));
      if (group.size() < 2) {
        continue;
      }
      Set<String> merged = new LinkedHashSet<>(group);
      for (String term : group) {
        merged.addAll(groups.getOrDefault(term, Set.of()));
      }
      for (String term : merged) {
        groups.put(term, merged);
      }
    }
  }

  /**
   * The terms of one line of a glossary file, normalised, in order: what comes before a {@code #},
   * split at commas. A line with fewer than two terms is no group.
   */
  public static List<String> terms(String line) {
    int comment = line.indexOf('#');
    String content = comment >= 0 ? line.substring(0, comment) : line;
    List<String> terms = new ArrayList<>();
    for (String term : content.split("[,，]")) {
      String normalized = normalize(term);
      if (!normalized.isEmpty() && !terms.contains(normalized)) {
        terms.add(normalized);
      }
    }
    return terms;
  }

  /** Lower-case, NFKC (full-width to half-width), single spaces. */
  public static String normalize(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ")
        .strip();
  }

  /**
   * The one spelling that stands for {@code term}'s whole group (its first term as written in the
   * glossary), so that every spelling of a concept counts as one: 注意力 for attention. A term
   * outside the glossary stands for itself.
   */
  public String canonical(String term) {
    String normalized = normalize(Objects.requireNonNull(term));
    Set<String> group = groups.get(normalized);
    if (group == null && prefixes.containsKey(normalized)) {
      group = groups.get(prefixes.get(normalized));
    }
    return group == null ? normalized : group.iterator().next();
  }

  /**
   * The whole group of {@code term} (itself included), in the order the glossary files give its
   * terms, groups that share a term merged; empty for a term outside the glossary.
   */
  public List<String> group(String term) {
    Set<String> group = groups.get(normalize(Objects.requireNonNull(term)));
    return group == null ? List.of() : List.copyOf(group);
  }

  /** Every term, sorted (each spelling of each concept). */
  public List<String> terms() {
    return groups.keySet().stream().sorted().toList();
  }

  /** Number of distinct terms. */
  public int size() {
    return groups.size();
  }

  /** The equivalents of {@code term} (not including itself), or an empty list. */
  public List<String> equivalents(String term) {
    String normalized = normalize(Objects.requireNonNull(term));
    Set<String> group = groups.get(normalized);
    if (group == null) {
      return List.of();
    }
    List<String> others = new ArrayList<>(group);
    others.remove(normalized);
    return Collections.unmodifiableList(others);
  }

  /**
   * Finds glossary terms in a query, leftmost-longest, without overlaps. Latin terms match only on
   * word boundaries (so {@code rnn} is not found inside {@code grnn}); Chinese terms anywhere.
   *
   * @param normalizedQuery a query already passed through {@link #normalize(String)}
   */
  public List<Match> find(String normalizedQuery) {
    List<Match> matches = new ArrayList<>();
    int i = 0;
    while (i < normalizedQuery.length()) {
      Match match = longestAt(normalizedQuery, i);
      if (match == null) {
        i++;
      } else {
        matches.add(match);
        i = match.end();
      }
    }
    return matches;
  }

  private Match longestAt(String text, int start) {
    if (start > 0 && isLatin(text.charAt(start)) && isLatin(text.charAt(start - 1))) {
      return null;
    }
    // forward while the text is a prefix of some term: a character or two at most positions,
    // where trying every length up to the longest term made indexing quadratic in that length
    int maxEnd = Math.min(text.length(), start + longestTerm);
    int bestEnd = -1;
    for (int end = start + 1; end <= maxEnd; end++) {
      String candidate = text.substring(start, end);
      if (!stems.contains(candidate)) {
        break;
      }
      boolean insideWord = end < text.length() && isLatin(text.charAt(end - 1)) && isLatin(text.charAt(end));
      if (!insideWord && (groups.containsKey(candidate) || prefixes.containsKey(candidate))) {
        bestEnd = end;
      }
    }
    if (bestEnd < 0) {
      return null;
    }
    String term = text.substring(start, bestEnd);
    Set<String> group = groups.get(term);
    List<String> equivalents = new ArrayList<>(group != null ? group : groups.get(prefixes.get(term)));
    if (group != null) {
      equivalents.remove(term);
    }
    return new Match(start, bestEnd, term, Collections.unmodifiableList(equivalents));
  }

  /** Every prefix of every term and of every leading word sequence, for {@link #longestAt}. */
  private static Set<String> stems(Set<String> terms, Set<String> prefixes) {
    Set<String> stems = new HashSet<>();
    for (Set<String> keys : List.of(terms, prefixes)) {
      for (String key : keys) {
        for (int end = 1; end <= key.length(); end++) {
          stems.add(key.substring(0, end));
        }
      }
    }
    return stems;
  }

  private static boolean isLatin(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
