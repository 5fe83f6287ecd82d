package org.dailydl.indexer.embedding;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an article into passages for embedding: along its headings, each section cut at sentence
 * ends into pieces of at most about {@link #MAX_CHARS} characters, with the article's title (and
 * the section heading) in front so a passage carries its context.
 */
public final class Passages {
  public static final int MAX_CHARS = 400;

  /** A passage: its text (title and heading included) and its position in the article. */
  public record Passage(int index, String text) {}

  private Passages() {}

  /**
   * @param title the article title
   * @param body the article's body text (headings appear in it as their own lines)
   * @param headings heading texts in document order
   */
  public static List<Passage> split(String title, String body, List<String> headings) {
    List<String[]> sections = new ArrayList<>();
    String heading = "";
    StringBuilder text = new StringBuilder();
    int next = 0;
    for (String line : body.split("\n")) {
      String trimmed = line.strip();
      if (next < headings.size() && trimmed.equals(headings.get(next).strip())) {
        sections.add(new String[] {heading, text.toString()});
        heading = trimmed;
        text.setLength(0);
        next++;
      } else if (!trimmed.isEmpty()) {
        text.append(trimmed).append(' ');
      }
    }
    sections.add(new String[] {heading, text.toString()});
    List<Passage> passages = new ArrayList<>();
    for (String[] section : sections) {
      String prefix = section[0].isEmpty() || section[0].equals(title) ? title + "\n" : title + " · " + section[0] + "\n";
      for (String piece : pieces(section[1].strip(), MAX_CHARS - prefix.length())) {
        passages.add(new Passage(passages.size(), prefix + piece));
      }
    }
    if (passages.isEmpty()) {
      passages.add(new Passage(0, title));
    }
    return passages;
  }

  /** Cuts text into pieces of at most {@code max} characters, preferably after a sentence end. */
  static List<String> pieces(String text, int max) {
    int limit = Math.max(80, max);
    List<String> pieces = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = Math.min(text.length(), start + limit);
      if (end < text.length()) {
        int cut = -1;
        for (int i = end - 1; i > start + limit / 2; i--) {
          char c = text.charAt(i);
          if (c == '。' || c == '！' || c == '？' || c == '；' || c == '.' || c == '!' || c == '?' || c == '\n') {
            cut = i + 1;
            break;
          }
        }
        if (cut > 0) {
          end = cut;
        }
      }
      String piece = text.substring(start, end).strip();
      if (piece.length() >= 8) {
        pieces.add(piece);
      }
      start = end;
    }
    return pieces;
  }
}
