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
import java.util.ArrayList;
import java.util.List;

/**
 * The glossary files as their authors arranged them, for a page that people read: sections (a
 * comment line directly above a line of terms names a section) and, in each, the lines of terms in
 * file order. The groups themselves come from {@link Glossary}, which merges lines that share a
 * term; this only says where each group stands.
 */
public final class GlossarySections {
  /** The section of an author's terms that have no section comment of their own. */
  public static final String USER_SECTION = "本站术语";

  /** A section: its title and the first term of each line in it (normalised). */
  public record Section(String title, List<String> firstTerms) {
    public Section {
      firstTerms = List.copyOf(firstTerms);
    }
  }

  private GlossarySections() {}

  /** The sections of the built-in glossary, then of {@value Glossary#USER_FILE} in {@code contentDir} when present. */
  public static List<Section> forContent(Path contentDir) throws IOException {
    List<Section> sections = new ArrayList<>();
    try (InputStream in = Glossary.class.getResourceAsStream("glossary.txt")) {
      if (in == null) {
        throw new IllegalStateException("glossary.txt is missing from the classpath");
      }
      sections.addAll(read(new InputStreamReader(in, StandardCharsets.UTF_8), "术语"));
    }
    Path userFile = contentDir.resolve(Glossary.USER_FILE);
    if (Files.isRegularFile(userFile)) {
      try (Reader reader = Files.newBufferedReader(userFile, StandardCharsets.UTF_8)) {
        sections.addAll(read(reader, USER_SECTION));
      }
    }
    return sections;
  }

  /** The sections of one glossary file; lines before any section comment go to {@code untitled}. */
  static List<Section> read(Reader source, String untitled) {
    List<Section> sections = new ArrayList<>();
    String title = untitled;
    List<String> lines = new ArrayList<>();
    String previousComment = null;
    try {
      BufferedReader reader = new BufferedReader(source);
      for (String line; (line = reader.readLine()) != null; ) {
        String stripped = line.strip();
        List<String> terms = Glossary.terms(line);
        if (terms.size() >= 2) {
          if (previousComment != null && !previousComment.isEmpty()) {
            add(sections, title, lines);
            title = previousComment;
            lines = new ArrayList<>();
          }
          lines.add(terms.get(0));
        }
        previousComment = stripped.startsWith("#") ? stripped.replaceFirst("^#+", "").strip() : null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    add(sections, title, lines);
    return sections;
  }

  private static void add(List<Section> sections, String title, List<String> lines) {
    if (!lines.isEmpty()) {
      sections.add(new Section(title, lines));
    }
  }
}
