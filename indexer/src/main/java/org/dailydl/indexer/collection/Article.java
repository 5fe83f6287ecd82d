package org.dailydl.indexer.collection;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.dailydl.indexer.analysis.ConceptExtractor;

/**
 * One parsed article: what a parser makes of one file, before it becomes a Lucene document.
 *
 * @param id stable, URL-safe id derived from {@code path}
 * @param path path relative to the content root, {@code /}-separated, with extension
 * @param category top folder, or {@code ""} for files at the root
 * @param title the inferred title: the subject, never a numbered or generic section heading
 * @param titleSource where the title came from
 * @param headings headings in document order
 * @param body prose text (tables included, code excluded); each formula as its words, marked (see
 *     {@link MathText#indexed} and {@link MathText#shown})
 * @param code code blocks and notebook code cells, newline-separated
 * @param links outgoing links, in document order
 * @param frontMatter front-matter fields (empty when absent)
 * @param concepts candidate subject terms, counted (see {@link ConceptExtractor})
 * @param kind markdown or notebook
 * @param size file size in bytes
 * @param hash SHA-256 of the file's bytes, hex
 */
public record Article(
    String id,
    String path,
    String category,
    String title,
    TitleSource titleSource,
    List<Heading> headings,
    String body,
    String code,
    List<Link> links,
    FrontMatter frontMatter,
    ConceptExtractor.Concepts concepts,
    Kind kind,
    long size,
    String hash) {

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(titleSource, "titleSource");
    headings = List.copyOf(headings);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(code, "code");
    links = List.copyOf(links);
    Objects.requireNonNull(frontMatter, "frontMatter");
    Objects.requireNonNull(concepts, "concepts");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(hash, "hash");
  }

  /** What kind of file the article came from. */
  public enum Kind {
    MARKDOWN,
    NOTEBOOK;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Where a title came from, most telling first (see {@link TitleInference}). */
  public enum TitleSource {
    FRONT_MATTER, HEADING, LINK_TEXT, OPENING, SECTIONS, FILE_NAME;

    /** Whether the words other notes link with should replace a title from this source. */
    public boolean yieldsToLinkText() {
      return this == OPENING || this == SECTIONS || this == FILE_NAME;
    }
  }

  /** A title and where it came from. */
  public record Title(String text, TitleSource source) {}

  /** This article under another title. */
  public Article withTitle(Title newTitle) {
    return new Article(id, path, category, newTitle.text(), newTitle.source(), headings, body, code, links,
        frontMatter, concepts, kind, size, hash);
  }

  /**
   * A heading: level 1–6, its text, its 1-based line in the file (0 when unknown) and its element
   * id in the reader ({@link HeadingIds}; null when unknown, as in indexes built before ids were kept).
   */
  public record Heading(int level, String text, int line, String id) {
    public Heading(int level, String text, int line) {
      this(level, text, line, null);
    }
  }

  /** Front-matter fields; absent ones are {@code null} (or an empty tag list). */
  public record FrontMatter(String title, List<String> tags, String summary, String date) {
    public static final FrontMatter EMPTY = new FrontMatter(null, List.of(), null, null);

    public FrontMatter {
      tags = List.copyOf(tags);
    }
  }
}
