package org.dailydl.indexer.collection;

import java.util.regex.Pattern;

/** The visible text of an HTML fragment embedded in Markdown, for indexing only (never rendered). */
final class HtmlText {
  private static final Pattern HIDDEN = Pattern.compile("(?is)<(script|style)\\b.*?(</\\1\\s*>|$)");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

  private HtmlText() {}

  static String strip(String html) {
    String text = HIDDEN.matcher(html).replaceAll(" ");
    text = TAG.matcher(text).replaceAll(" ");
    return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
