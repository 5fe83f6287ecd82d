package org.dailydl.indexer.collection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dailydl.indexer.analysis.Analysis;
import org.dailydl.indexer.analysis.ConceptExtractor;
import org.dailydl.indexer.analysis.Glossary;

/**
 * Turns one content file into an {@link Article}: reads and decodes it, parses Markdown or a
 * notebook, resolves links and infers the title. Per-file trouble becomes a {@link Problem}, never
 * an exception that stops the run. Thread-safe.
 */
public final class ArticleParser {

  /** The article (null when the file could not be read) and the file's problems. */
  public record Result(Article article, List<Problem> problems) {}

  private final MarkdownArticleParser markdownParser = new MarkdownArticleParser();
  private final NotebookArticleParser notebookParser = new NotebookArticleParser();
  private final LinkResolver resolver;
  private final ConceptExtractor concepts;

  public ArticleParser(Path contentRoot) {
    this.resolver = new LinkResolver(Objects.requireNonNull(contentRoot));
    this.concepts = new ConceptExtractor(glossaryOf(contentRoot), Analysis.standard());
  }

  /** The author's terms count as concepts too; an unreadable terms file leaves the built-in glossary. */
  private static Glossary glossaryOf(Path contentRoot) {
    try {
      return Glossary.forContent(contentRoot);
    } catch (IOException e) {
      return Glossary.builtIn();
    }
  }

  public LinkResolver resolver() {
    return resolver;
  }

  public Result parse(ContentFile file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file.file());
    } catch (IOException e) {
      return unreadable(file, "cannot be read: " + ContentWalker.describe(e));
    }
    return parse(file, bytes);
  }

  /** Parses bytes already read (the hash is of these bytes). */
  public Result parse(ContentFile file, byte[] bytes) {
    List<Problem> problems = new ArrayList<>();
    if (bytes.length == 0) {
      return new Result(null, List.of(new Problem(file.path(), 0, "empty file", Problem.Severity.SKIPPED)));
    }
    TextDecoder.Decoded decoded;
    try {
      decoded = TextDecoder.decode(bytes);
    } catch (TextDecoder.NotTextException e) {
      return unreadable(file, e.getMessage());
    }
    if (!decoded.charset().equals(StandardCharsets.UTF_8)) {
      problems.add(new Problem(file.path(), 0, "not UTF-8; read as " + decoded.charset().name(), Problem.Severity.WARNING));
    }
    String text = decoded.text();
    MarkdownArticleParser.Parsed parsed;
    String code;
    Article.Kind kind;
    if (file.isNotebook()) {
      NotebookArticleParser.Cells cells;
      try {
        cells = notebookParser.parse(text);
      } catch (NotebookArticleParser.MalformedNotebookException e) {
        return unreadable(file, e.getMessage());
      }
      parsed = markdownParser.parse(guarded(file, cells.markdown(), problems));
      code = cells.code();
      kind = Article.Kind.NOTEBOOK;
    } else {
      parsed = markdownParser.parse(guarded(file, text, problems));
      code = parsed.code();
      kind = Article.Kind.MARKDOWN;
    }
    List<Link> links = resolveLinks(file, parsed.links(), kind == Article.Kind.NOTEBOOK ? text : null);
    Article.Title title = TitleInference.infer(parsed.frontMatter().title(), parsed.headings(), parsed.opening(),
        file.path());
    List<Article.Heading> headings = kind == Article.Kind.NOTEBOOK ? withoutLines(parsed.headings()) : parsed.headings();
    Article article =
        new Article(
            ArticleIds.of(file.path()),
            file.path(),
            categoryOf(file.path()),
            title.text(),
            title.source(),
            headings,
            parsed.body(),
            code,
            links,
            parsed.frontMatter(),
            // a title made from the file name says nothing about the subject: only the note's own titles count
            concepts.extract(title.source().yieldsToLinkText() ? "" : title.text(),
                headings.stream().map(Article.Heading::text).toList(), parsed.prose()),
            kind,
            bytes.length,
            ArticleIds.sha256(bytes));
    return new Result(article, problems);
  }

  /** The top folder of a path, or {@code ""} for a file at the root. */
  public static String categoryOf(String path) {
    int slash = path.indexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** The Markdown to parse: nesting too deep for the parser's recursion is flattened, with a warning. */
  private static String guarded(ContentFile file, String markdown, List<Problem> problems) {
    int depth = MarkdownNesting.depth(markdown);
    if (depth <= MarkdownNesting.MAX_DEPTH) {
      return markdown;
    }
    problems.add(new Problem(file.path(), 0, "nested " + depth + " levels deep (quotes, lists, brackets or emphasis); "
        + "read with at most " + MarkdownNesting.MAX_DEPTH, Problem.Severity.WARNING));
    return MarkdownNesting.flatten(markdown);
  }

  private List<Link> resolveLinks(ContentFile file, List<MarkdownArticleParser.RawLink> raw, String notebookJson) {
    List<Link> links = new ArrayList<>(raw.size());
    String[] jsonLines = notebookJson == null ? null : notebookJson.split("\n", -1);
    for (MarkdownArticleParser.RawLink link : raw) {
      LinkResolver.Resolution resolution = resolver.resolve(file.path(), link.href());
      int line = jsonLines == null ? link.line() : lineOf(jsonLines, link.href());
      links.add(new Link(link.href(), resolution.target(), link.text(), line, resolution.exists(), link.image()));
    }
    return links;
  }

  /** In a notebook the Markdown lines are not file lines: find the href in the JSON instead. */
  private static int lineOf(String[] jsonLines, String href) {
    for (int i = 0; i < jsonLines.length; i++) {
      if (jsonLines[i].contains("(" + href)) {
        return i + 1;
      }
    }
    return 0;
  }

  private static List<Article.Heading> withoutLines(List<Article.Heading> headings) {
    return headings.stream().map(h -> new Article.Heading(h.level(), h.text(), 0, h.id())).toList();
  }

  private static Result unreadable(ContentFile file, String message) {
    return new Result(null, List.of(new Problem(file.path(), 0, message, Problem.Severity.UNREADABLE)));
  }
}
