package org.dailydl.indexer.collection;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.util.TextCollectingVisitor;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.yaml.front.matter.AbstractYamlFrontMatterVisitor;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Markdown through flexmark's AST (never regular expressions over Markdown): headings, prose,
 * code, math, links with their line numbers, and front matter. Thread-safe.
 */
public final class MarkdownArticleParser {

  /** A link or image as written: destination, words (alt text), 1-based line. */
  public record RawLink(String href, String text, int line, boolean image) {
    public RawLink(String href, String text, int line) {
      this(href, text, line, false);
    }
  }

  /** What one Markdown text contains. */
  public record Parsed(
      Article.FrontMatter frontMatter,
      List<Article.Heading> headings,
      String opening,
      String body,
      String prose,
      String code,
      List<RawLink> links) {}

  private final Parser parser = MarkdownOptions.parser(MarkdownOptions.options());

  /** Parses one Markdown text. Never throws on odd Markdown: every input is some document. */
  public Parsed parse(String markdown) {
    LongParagraphs.Split split = LongParagraphs.split(markdown);
    Document document = parser.parse(split.text());
    HeadingIds.assign(document);
    Collector collector = new Collector(document, split.addedNewlines());
    collector.visitChildren(document);
    return new Parsed(
        frontMatter(document),
        collector.headings,
        collector.opening,
        collector.body.toString().strip(),
        collector.prose.toString().strip(),
        collector.code.toString().strip(),
        collector.links);
  }

  private static Article.FrontMatter frontMatter(Document document) {
    if (!(document.getFirstChild() instanceof YamlFrontMatterBlock)) {
      return Article.FrontMatter.EMPTY;
    }
    AbstractYamlFrontMatterVisitor visitor = new AbstractYamlFrontMatterVisitor();
    visitor.visit(document);
    Map<String, List<String>> data = visitor.getData();
    return new Article.FrontMatter(
        scalar(data, "title"), list(data, "tags"), scalar(data, "summary"), scalar(data, "date"));
  }

  private static String scalar(Map<String, List<String>> data, String key) {
    List<String> values = data.get(key);
    if (values == null || values.isEmpty()) {
      return null;
    }
    String value = unquote(String.join(" ", values).strip());
    return value.isEmpty() ? null : value;
  }

  private static List<String> list(Map<String, List<String>> data, String key) {
    List<String> values = data.getOrDefault(key, data.getOrDefault(key.toLowerCase(Locale.ROOT), List.of()));
    List<String> result = new ArrayList<>();
    for (String value : values) {
      String trimmed = value.strip();
      if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
        trimmed = trimmed.substring(1, trimmed.length() - 1);
      }
      for (String part : trimmed.split("[,，]")) {
        String tag = unquote(part.strip());
        if (!tag.isEmpty() && !result.contains(tag)) {
          result.add(tag);
        }
      }
    }
    return result;
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && ((value.startsWith("\"") && value.endsWith("\"")) || (value.startsWith("'") && value.endsWith("'")))) {
      return value.substring(1, value.length() - 1).strip();
    }
    return value;
  }

  /** Walks the AST once, sorting every piece of text into its field. */
  private static final class Collector {
    private final Document document;
    private final StringBuilder body = new StringBuilder();
    /** The body without URLs, inline code and formulas: where subject terms are looked for. */
    private final StringBuilder prose = new StringBuilder();
    private int urlDepth;
    private final StringBuilder code = new StringBuilder();
    private final List<Article.Heading> headings = new ArrayList<>();
    private final List<RawLink> links = new ArrayList<>();
    /** The first paragraph after the first heading: it often says what a note is about. */
    private String opening;

    /** Where each line starts: flexmark's own line lookup scans from the top, quadratic over 100,000 headings. */
    private final int[] lineStarts;

    /** {@code addedNewlines}: offsets of newlines that split a long paragraph, not lines of the file. */
    Collector(Document document, int[] addedNewlines) {
      this.document = document;
      CharSequence chars = document.getChars();
      int[] starts = new int[16];
      int lines = 1;
      int nextAdded = 0;
      for (int i = 0; i < chars.length(); i++) {
        if (nextAdded < addedNewlines.length && addedNewlines[nextAdded] == i) {
          nextAdded++;
          continue;
        }
        if (chars.charAt(i) == '\n') {
          if (lines == starts.length) {
            starts = java.util.Arrays.copyOf(starts, lines * 2);
          }
          starts[lines++] = i + 1;
        }
      }
      this.lineStarts = java.util.Arrays.copyOf(starts, lines);
    }

    /** The 1-based line a node starts on. */
    private int lineOf(Node node) {
      int found = java.util.Arrays.binarySearch(lineStarts, node.getStartOffset());
      return found >= 0 ? found + 1 : -found - 1;
    }

    void visitChildren(Node parent) {
      for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
        visit(node);
      }
    }

    private void visit(Node node) {
      if (node instanceof YamlFrontMatterBlock || node instanceof HtmlCommentBlock || node instanceof HtmlInlineComment) {
        return;
      }
      if (node instanceof FencedCodeBlock fenced) {
        if (MathExtension.isMathFence(fenced.getInfo())) {
          body.append(MathText.marked(fenced.getContentChars().toString())).append('\n');
        } else {
          code.append(fenced.getContentChars()).append('\n');
        }
        return;
      }
      if (node instanceof IndentedCodeBlock indented) {
        code.append(indented.getContentChars()).append('\n');
        return;
      }
      if (node instanceof Heading heading) {
        String text = textOf(heading).strip();
        if (!text.isEmpty()) {
          headings.add(new Article.Heading(heading.getLevel(), text, lineOf(heading), HeadingIds.of(heading)));
        }
      } else if (node instanceof Paragraph paragraph && opening == null && !headings.isEmpty()) {
        opening = textOf(paragraph).strip();
      } else if (node instanceof MathNode math) {
        body.append(' ').append(MathText.marked(math.tex())).append(' ');
        return;
      } else if (node instanceof Code inline) {
        String text = MathText.unmarked(inline.getText().toString());
        body.append(text);
        code.append(text).append('\n');
        return;
      } else if (node instanceof Text text) {
        String chars = MathText.unmarked(text.getChars().unescape());
        body.append(chars);
        if (urlDepth == 0) {
          prose.append(chars);
        }
        return;
      } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
        body.append('\n');
        prose.append('\n');
        return;
      } else if (node instanceof AutoLink) {
        recordLink(node);
        urlDepth++;
        visitChildren(node);
        urlDepth--;
        return;
      } else if (node instanceof HtmlBlock || node instanceof HtmlInline) {
        body.append(HtmlText.strip(node.getChars().toString())).append(' ');
        return;
      } else {
        recordLink(node);
      }
      visitChildren(node);
      if (node instanceof TableCell) {
        body.append(' ');
        prose.append(' ');
      } else if (node instanceof Block) {
        body.append('\n');
        prose.append('\n');
      }
    }

    private void recordLink(Node node) {
      String href = null;
      if (node instanceof Link link) {
        href = link.getUrl().unescape();
      } else if (node instanceof Image image) {
        href = image.getUrl().unescape();
      } else if (node instanceof LinkRef ref && !ref.isDefined()) {
        return;
      } else if (node instanceof LinkRef ref) {
        Reference reference = ref.getReferenceNode(document);
        href = reference == null ? null : reference.getUrl().unescape();
      } else if (node instanceof ImageRef ref) {
        Reference reference = ref.getReferenceNode(document);
        href = reference == null ? null : reference.getUrl().unescape();
      } else if (node instanceof AutoLink auto) {
        href = auto.getUrl().unescape();
      } else if (node instanceof MailLink) {
        return;
      }
      if (href != null) {
        String text = node instanceof Image image ? image.getText().toString() : textOf(node);
        boolean image = node instanceof Image || node instanceof ImageRef;
        links.add(new RawLink(href, text.strip(), lineOf(node), image));
      }
    }

    private static String textOf(Node node) {
      StringBuilder text = new StringBuilder();
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        if (child instanceof MathNode math) {
          text.append(math.tex());
        } else if (child.hasChildren()) {
          text.append(textOf(child));
        } else if (child instanceof Code inline) {
          text.append(inline.getText());
        } else {
          text.append(new TextCollectingVisitor().collectAndGetText(child));
        }
      }
      return text.toString().replaceAll("\\s+", " ");
    }
  }
}
