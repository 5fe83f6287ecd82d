package org.dailydl.server.ops;

/** Text from requests made safe for a log line: no control characters, bounded length. */
final class LogText {
  static final int MAX = 2048;

  private LogText() {}

  static String clean(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX));
    for (int i = 0; i < text.length() && out.length() < MAX; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return text.length() > MAX ? out + "…" : out.toString();
  }
}
