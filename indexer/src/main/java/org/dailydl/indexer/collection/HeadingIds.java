package org.dailydl.indexer.collection;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The one definition of heading ids ({@code ## 多头注意力} → {@code id="多头注意力"}): the reader's
 * HTML gets its element ids from here and the indexer checks {@code #anchors} against the same
 * ids, so a link that passes {@code --check} scrolls to its section in the page. They are GitHub's
 * ids (flexmark's generator so configured), since authors write their tables of contents for
 * GitHub: lower case, punctuation dropped, each space a dash (dashes not collapsed), underscores
 * kept, a duplicate heading gets {@code -1}, {@code -2}…
 */
public final class HeadingIds {
  private HeadingIds() {}

  /** Sets the id options on parser and renderer options alike (the generator reads them from the document). */
  static void configure(MutableDataSet options) {
    options.set(HtmlRenderer.HEADER_ID_GENERATOR_RESOLVE_DUPES, true);
    // as GitHub: dashes are not collapsed ("J.U.C - AQS" → "juc---aqs") and underscores are kept
    options.set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, false);
    options.set(HtmlRenderer.HEADER_ID_GENERATOR_TO_DASH_CHARS, " -");
    options.set(HtmlRenderer.HEADER_ID_GENERATOR_NON_DASH_CHARS, "_");
  }

  /**
   * Gives every heading of {@code document} its id ({@link Heading#getAnchorRefId()}). The document
   * must come from a parser built with {@link MarkdownOptions#options}.
   */
  public static void assign(Document document) {
    new HeaderIdGenerator().generateIds(document);
  }

  /** The id of a heading after {@link #assign}, or null when it has none (no text). */
  public static String of(Heading heading) {
    String id = heading.getAnchorRefId();
    return id == null || id.isEmpty() ? null : id;
  }

  /**
   * The id a link's fragment names: percent-decoded ({@code #%E5%A4%9A} → {@code 多}), without the
   * {@code #}; null for an empty fragment.
   */
  public static String fromFragment(String fragment) {
    String text = fragment.startsWith("#") ? fragment.substring(1) : fragment;
    if (text.isEmpty()) {
      return null;
    }
    if (text.indexOf('%') >= 0) {
      try {
        text = URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException malformed) {
        // kept as written: it then matches no id and is reported
      }
    }
    return text;
  }
}
