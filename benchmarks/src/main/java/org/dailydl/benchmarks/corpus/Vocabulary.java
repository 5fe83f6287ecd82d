package org.dailydl.benchmarks.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The real domain words of the knowledge base, read from the indexer's glossary (a classpath
 * resource): each {@code # 中文 english} section becomes a {@link Section} (a category of the
 * generated corpus), each line a {@link Term} with its Chinese and English names. Drawing every
 * article's words from these keeps the synthetic corpus's vocabulary, synonyms and term
 * frequencies close to what the analysers and the query-time glossary meet in real notes.
 * Immutable.
 */
public final class Vocabulary {
  static final String GLOSSARY = "/org/dailydl/indexer/analysis/glossary.txt";

  /** One glossary line: Chinese names (at least one) and English names (at least one). */
  public record Term(List<String> zh, List<String> en) {
    /** The main Chinese name. */
    public String zhName() {
      return zh.get(0);
    }

    /** The English name as an author writes it: abbreviations upper-case (CNN), phrases as they are. */
    public String enName(int variant) {
      String name = en.get(Math.floorMod(variant, en.size()));
      return name.length() <= 5 && !name.contains(" ") && !name.contains("-") ? name.toUpperCase(Locale.ROOT) : name;
    }
  }

  /** A glossary section: a Chinese and an English name and its terms, in file order. */
  public record Section(String zhName, String enName, List<Term> terms) {}

  private final List<Section> sections;

  private Vocabulary(List<Section> sections) {
    this.sections = List.copyOf(sections);
  }

  /** The sections of the indexer's built-in glossary that have at least a few bilingual terms. */
  public static Vocabulary load() {
    try (InputStream in = Vocabulary.class.getResourceAsStream(GLOSSARY)) {
      if (in == null) {
        throw new IllegalStateException("glossary not on the classpath: " + GLOSSARY);
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Vocabulary parse(List<String> lines) {
    List<Section> sections = new ArrayList<>();
    String zhName = null;
    String enName = null;
    List<Term> terms = new ArrayList<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.startsWith("#")) {
        String header = line.substring(1).strip();
        int space = header.indexOf(' ');
        if (space > 0 && hasHan(header.substring(0, space))) {
          addSection(sections, zhName, enName, terms);
          zhName = header.substring(0, space);
          enName = header.substring(space + 1).strip();
          terms = new ArrayList<>();
        }
      } else if (!line.isEmpty() && zhName != null) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (String part : line.split(",")) {
          String word = part.strip();
          if (word.isEmpty()) {
            continue;
          }
          (hasHan(word) ? zh : en).add(word);
        }
        if (!zh.isEmpty() && !en.isEmpty()) {
          terms.add(new Term(List.copyOf(zh), List.copyOf(en)));
        }
      }
    }
    addSection(sections, zhName, enName, terms);
    return new Vocabulary(sections);
  }

  private static void addSection(List<Section> sections, String zhName, String enName, List<Term> terms) {
    if (zhName != null && terms.size() >= 4) {
      sections.add(new Section(zhName, enName, List.copyOf(terms)));
    }
  }

  static boolean hasHan(String text) {
    return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  public List<Section> sections() {
    return sections;
  }
}
