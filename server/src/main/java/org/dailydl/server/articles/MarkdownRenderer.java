package org.dailydl.server.articles;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.LinkType;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.dailydl.indexer.collection.LinkResolver.Resolution;
import org.dailydl.indexer.collection.LongParagraphs;
import org.dailydl.indexer.collection.MarkdownNesting;
import org.dailydl.indexer.collection.MarkdownOptions;
import org.dailydl.indexer.collection.MathExtension;
import org.dailydl.indexer.collection.MathNode;
import org.dailydl.indexer.collection.NotebookArticleParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document.OutputSettings;
import org.jsoup.safety.Safelist;

/**
 * Renders an article's Markdown to safe HTML with the same flexmark configuration the indexer
 * parses with. Raw HTML is escaped by flexmark and jsoup's cleaner runs as a second layer (only
 * http, https, mailto and relative links survive). Math is emitted verbatim in {@code .math}
 * elements for KaTeX in the page; internal links to articles become {@code /articles/{id}}, local images the
 * URLs the caller maps them to.
 * Thread-safe.
 */
public final class MarkdownRenderer {
  /** The article being rendered and how to map a content path to an article id. */
  private static final DataKey<Context> CONTEXT =
      new DataKey<>("DAILYDL_CONTEXT", new Context("", p -> null, p -> null, p -> null, List.of()));

  /** How links and images of one article resolve, and a notebook's outputs (HTML per code cell). */
  private record Context(String articlePath, Function<String, Resolution> resolve, Function<String, String> idOfPath,
      Function<String, String> fileUrl, List<String> outputs) {}

  /** Rendered HTML and the table of contents (heading level, text, element id). */
  public record Rendered(String html, List<TocEntry> toc) {}

  public record TocEntry(int level, String text, String anchor) {}

  private static final Safelist SAFELIST = Safelist.relaxed()
      .addTags("span", "div", "del", "s", "input", "hr", "sup", "sub")
      .addAttributes(":all", "class", "id", "title")
      .addAttributes("input", "type", "checked", "disabled")
      .addAttributes("th", "align", "style")
      .addAttributes("td", "align", "style")
      .addProtocols("a", "href", "http", "https", "mailto")
      .addProtocols("img", "src", "http", "https")
      .removeAttributes("th", "style")
      .removeAttributes("td", "style")
      .preserveRelativeLinks(true);

  private final Parser parser;
  private final HtmlRenderer renderer;

  public MarkdownRenderer() {
    MutableDataSet options = MarkdownOptions.options(new ReaderExtension());
    options.set(HtmlRenderer.ESCAPE_HTML, true);
    options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
    // the ids themselves are HeadingIds' (set by MarkdownOptions): the indexer checks #anchors against them
    options.set(HtmlRenderer.RENDER_HEADER_ID, true);
    options.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
    options.set(HtmlRenderer.SOFT_BREAK, "\n");
    this.parser = MarkdownOptions.parser(options);
    this.renderer = HtmlRenderer.builder(options).build();
  }

  /**
   * @param markdown the article's Markdown
   * @param articlePath its path relative to the content root (links resolve from here)
   * @param resolve resolves a link destination from the article to a content path
   * @param idOfPath the article id of an indexed content path, or null
   */
  public Rendered render(String markdown, String articlePath, Function<String, Resolution> resolve,
      Function<String, String> idOfPath) {
    return render(markdown, articlePath, resolve, idOfPath, path -> null);
  }

  /**
   * The same, with local images shown: {@code fileUrl} maps the content path an image resolves to
   * onto the URL that serves it, or null to leave the image as written.
   */
  public Rendered render(String markdown, String articlePath, Function<String, Resolution> resolve,
      Function<String, String> idOfPath, Function<String, String> fileUrl) {
    return render(markdown, articlePath, resolve, idOfPath, fileUrl, List.of());
  }

  /**
   * The same for a notebook: each fenced block {@value NotebookArticleParser#OUTPUTS_FENCE} whose
   * content is {@code k} becomes {@code outputs.get(k)}, HTML that the sanitiser then cleans with
   * the rest (a block naming no output stays a code block).
   */
  public Rendered render(String markdown, String articlePath, Function<String, Resolution> resolve,
      Function<String, String> idOfPath, Function<String, String> fileUrl, List<String> outputs) {
    // nesting deeper than flexmark's recursion can take is flattened and very long paragraphs are
    // cut, as the indexer read them
    Document document = parser.parse(LongParagraphs.split(MarkdownNesting.flatten(markdown)).text());
    document.set(CONTEXT, new Context(articlePath, resolve, idOfPath, fileUrl, List.copyOf(outputs)));
    String html = renderer.render(document);
    List<TocEntry> toc = new ArrayList<>();
    for (var node : document.getDescendants()) {
      if (node instanceof Heading heading && heading.getAnchorRefId() != null && !heading.getAnchorRefId().isEmpty()) {
        toc.add(new TocEntry(heading.getLevel(), heading.getText().toString().strip(), heading.getAnchorRefId()));
      }
    }
    return new Rendered(sanitize(html), toc);
  }

  /** jsoup's cleaner over flexmark's output: the second layer of defence. */
  static String sanitize(String html) {
    OutputSettings settings = new OutputSettings().prettyPrint(false);
    return Jsoup.clean(html, "http://article.invalid/", SAFELIST, settings);
  }

  /** Renders math nodes and fenced math blocks verbatim for KaTeX, and rewrites internal links. */
  private static final class ReaderExtension implements HtmlRenderer.HtmlRendererExtension {
    @Override
    public void rendererOptions(MutableDataHolder options) {}

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
      builder.nodeRendererFactory(options -> new MathRenderer());
      builder.linkResolverFactory(new IndependentLinkResolverFactory() {
        @Override
        public LinkResolver apply(LinkResolverBasicContext context) {
          return new ArticleLinks(CONTEXT.get(context.getDocument()));
        }
      });
    }
  }

  private static final class MathRenderer implements NodeRenderer {
    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(
          // comments are for the author (<!-- GFM-TOC -->): never shown, as on GitHub; raw HTML around one stays escaped
          new NodeRenderingHandler<>(HtmlCommentBlock.class, (node, ctx, html) -> withoutComments(html,
              node.getChars().toString(), true)),
          new NodeRenderingHandler<>(HtmlInlineComment.class, (node, ctx, html) -> withoutComments(html,
              node.getChars().toString(), false)),
          new NodeRenderingHandler<>(MathNode.class, (node, ctx, html) -> math(html, node.tex(), node.isDisplay())),
          new NodeRenderingHandler<>(FencedCodeBlock.class, (node, ctx, html) -> {
            String output = outputOf(node, ctx);
            if (MathExtension.isMathFence(node.getInfo())) {
              math(html, node.getContentChars().toString(), true);
            } else if (output != null) {
              html.raw(output);
            } else {
              ctx.delegateRender();
            }
          }));
    }

    /** What is left of {@code raw} without its comments, escaped (in a paragraph for a block); nothing when blank. */
    private static void withoutComments(HtmlWriter html, String raw, boolean block) {
      String rest = COMMENT.matcher(raw).replaceAll("").strip();
      if (rest.isEmpty()) {
        return;
      }
      if (block) {
        html.tag("p").text(rest).tag("/p").line();
      } else {
        html.text(rest);
      }
    }

    private static final Pattern COMMENT = Pattern.compile("<!--.*?(-->|$)", Pattern.DOTALL);

    /** The outputs a notebook's output block stands for, or null when it is no such block. */
    private static String outputOf(FencedCodeBlock node, NodeRendererContext ctx) {
      if (!node.getInfo().toString().strip().equals(NotebookArticleParser.OUTPUTS_FENCE)) {
        return null;
      }
      List<String> outputs = CONTEXT.get(ctx.getDocument()).outputs();
      String content = node.getContentChars().toString().strip();
      if (!content.matches("\\d{1,6}")) {
        return null;
      }
      int k = Integer.parseInt(content);
      return k < outputs.size() ? outputs.get(k) : null;
    }

    private static void math(HtmlWriter html, String tex, boolean display) {
      String tag = display ? "div" : "span";
      html.raw("<" + tag + " class=\"math " + (display ? "math-display" : "math-inline") + "\">");
      html.text(tex);
      html.raw("</" + tag + ">");
    }
  }

  /** Internal links to indexed articles go to the reader's URL; other relative links stay as written. */
  private static final class ArticleLinks implements LinkResolver {
    private final Context context;

    ArticleLinks(Context context) {
      this.context = context;
    }

    @Override
    public ResolvedLink resolveLink(Node node,
        LinkResolverBasicContext basic, ResolvedLink link) {
      if (link.getLinkType() == LinkType.IMAGE || link.getLinkType() == LinkType.IMAGE_REF) {
        return image(link);
      }
      if (link.getLinkType() != LinkType.LINK) {
        return link;
      }
      String url = link.getUrl();
      Resolution resolution = context.resolve().apply(url);
      if (resolution == null || resolution.target() == null) {
        return link;
      }
      String id = context.idOfPath().apply(resolution.target());
      if (id == null) {
        return link;
      }
      int hash = url.indexOf('#');
      String anchor = hash >= 0 ? url.substring(hash) : "";
      return link.withUrl("/articles/" + id + anchor).withStatus(LinkStatus.VALID);
    }

    /** A relative image of the content folder is shown from the file route; others stay as written. */
    private ResolvedLink image(ResolvedLink link) {
      Resolution resolution = context.resolve().apply(link.getUrl());
      if (resolution == null || resolution.target() == null) {
        return link;
      }
      String url = context.fileUrl().apply(resolution.target());
      return url == null ? link : link.withUrl(url).withStatus(LinkStatus.VALID);
    }
  }

}
