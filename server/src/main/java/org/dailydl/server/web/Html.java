package org.dailydl.server.web;

/** HTML text escaping for the few strings the server puts into HTML itself (snippet fallbacks, page metadata). */
public final class Html {
  private Html() {}

  /** {@code text} with {@code < > & " '} escaped: safe as element content and as a quoted attribute value. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
