package org.dailydl.server.search;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A search result's JSON with its {@code tookMs} value left open, so a cached answer is written
 * without serialising the result again: only the time differs from one answer to the next.
 *
 * <p>The first {@code "tookMs":} in the text is the result's own key: quotes inside JSON strings
 * are escaped, so a query or a snippet cannot contain that sequence, and no nested object has
 * such a key. Immutable.
 */
public final class RenderedResult {
  private static final byte[] KEY = "\"tookMs\":".getBytes(StandardCharsets.UTF_8);

  private final byte[] head;
  private final byte[] tail;

  private RenderedResult(byte[] head, byte[] tail) {
    this.head = head;
    this.tail = tail;
  }

  /** The template of one serialised {@link SearchResult}. */
  public static RenderedResult of(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    int at = indexOf(bytes, KEY);
    if (at < 0) {
      // no time field to fill in: every answer is these bytes
      return new RenderedResult(bytes, null);
    }
    int from = at + KEY.length;
    int to = from;
    while (to < bytes.length && (bytes[to] == '-' || (bytes[to] >= '0' && bytes[to] <= '9'))) {
      to++;
    }
    return new RenderedResult(Arrays.copyOfRange(bytes, 0, from), Arrays.copyOfRange(bytes, to, bytes.length));
  }

  /** The JSON of this result answered in {@code tookMs} milliseconds. */
  public byte[] with(long tookMs) {
    if (tail == null) {
      return head;
    }
    byte[] millis = Long.toString(tookMs).getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(head, head.length + millis.length + tail.length);
    System.arraycopy(millis, 0, out, head.length, millis.length);
    System.arraycopy(tail, 0, out, head.length + millis.length, tail.length);
    return out;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
