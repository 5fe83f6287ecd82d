package org.dailydl.server.articles;

import org.dailydl.server.FuzzText;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dailydl.indexer.collection.LinkResolver;
import org.dailydl.server.articles.MarkdownRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the Markdown-to-HTML renderer: it never throws, and its output, parsed by jsoup as a
 * browser would, has no active content: no script, iframe, object, embed, style or form element
 * (nor frame, applet, base, link, meta, svg or math), no {@code on…} attribute, no {@code srcdoc}
 * or {@code style} attribute, and no URL attribute whose value, stripped of white space and control
 * characters, starts with {@code javascript:}, {@code vbscript:} or {@code data:}. Seeds in
 * {@code MarkdownRendererFuzzTestInputs/}.
 */
public class MarkdownRendererFuzzTest {
  static final MarkdownRenderer RENDERER = new MarkdownRenderer();
  static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "iframe", "object", "embed", "style", "form",
      "frame", "frameset", "applet", "base", "link", "meta", "svg", "math", "template", "noscript");
  static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href", "background",
      "poster", "data", "cite", "longdesc", "srcset", "ping", "codebase", "manifest", "lowsrc", "dynsrc");
  static final List<String> FORBIDDEN_SCHEMES = List.of("javascript:", "vbscript:", "data:");

  static Path content;
  static LinkResolver resolver;

  @BeforeAll
  static void open() throws IOException {
    content = contentFolder();
    resolver = new LinkResolver(content);
  }

  /** A scratch content folder the links of {@code a.md} resolve in. */
  public static Path contentFolder() throws IOException {
    Path folder = Files.createTempDirectory("dailydl-render-fuzz");
    Files.writeString(folder.resolve("a.md"), "# a\n", StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("b.md"), "# b\n", StandardCharsets.UTF_8);
    Files.createDirectories(folder.resolve("sub"));
    Files.writeString(folder.resolve("sub/README.md"), "# sub\n", StandardCharsets.UTF_8);
    return folder;
  }

  @AfterAll
  static void close() throws IOException {
    FuzzText.deleteTree(content);
  }

  @FuzzTest(maxDuration = "2m")
  void rendered_html_has_no_active_content(byte[] data) {
    for (String markdown : FuzzText.variants(data)) {
      check(resolver, markdown);
    }
  }

  /** Renders as the brief says (no article ids), and again with internal links rewritten to ids. */
  public static void check(LinkResolver resolver, String markdown) {
    MarkdownRenderer.Rendered plain = RENDERER.render(markdown, "a.md", href -> resolver.resolve("a.md", href),
        path -> null);
    assertSafe(markdown, plain);
    MarkdownRenderer.Rendered linked = RENDERER.render(markdown, "a.md", href -> resolver.resolve("a.md", href),
        path -> path.endsWith(".md") ? "id-" + Integer.toHexString(path.hashCode()) : null);
    assertSafe(markdown, linked);
  }

  static void assertSafe(String markdown, MarkdownRenderer.Rendered rendered) {
    assertThat(rendered.html()).isNotNull();
    assertThat(rendered.toc()).isNotNull().allSatisfy(entry -> assertThat(entry.anchor()).isNotNull());
    List<String> problems = problems(rendered.html());
    assertThat(problems).as("unsafe HTML rendered from %s%n%s", shorten(markdown), shorten(rendered.html()))
        .isEmpty();
  }

  /** What makes the HTML active, as a browser would parse it. */
  static List<String> problems(String html) {
    List<String> problems = new ArrayList<>();
    Document document = Jsoup.parseBodyFragment(html);
    for (Element element : document.body().getAllElements()) {
      String tag = element.normalName();
      if (FORBIDDEN_ELEMENTS.contains(tag)) {
        problems.add("element <" + tag + ">");
      }
      for (Attribute attribute : element.attributes()) {
        String name = attribute.getKey().toLowerCase(Locale.ROOT);
        if (name.startsWith("on")) {
          problems.add("event handler " + name + " on <" + tag + ">");
        }
        if (name.equals("srcdoc") || name.equals("style")) {
          problems.add("attribute " + name + " on <" + tag + ">");
        }
        if (URL_ATTRIBUTES.contains(name)) {
          String url = squeeze(attribute.getValue());
          for (String scheme : FORBIDDEN_SCHEMES) {
            if (url.startsWith(scheme)) {
              problems.add(name + "=" + attribute.getValue() + " on <" + tag + ">");
            }
          }
        }
      }
    }
    return problems;
  }

  /** Lower case without white space and control characters, as browsers read a URL's scheme. */
  static String squeeze(String value) {
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints()
        .filter(c -> !Character.isWhitespace(c) && !Character.isISOControl(c) && !Character.isSpaceChar(c)
            && Character.getType(c) != Character.FORMAT)
        .forEach(out::appendCodePoint);
    return out.toString().toLowerCase(Locale.ROOT);
  }

  private static String shorten(String s) {
    return s.length() > 600 ? s.substring(0, 600) + "…" : s;
  }
}
