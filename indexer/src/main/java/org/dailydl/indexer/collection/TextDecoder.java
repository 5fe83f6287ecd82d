package org.dailydl.indexer.collection;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a file's bytes into text, or says why it is not text. UTF-8 first (a BOM is dropped); older
 * Chinese notes are often GB18030/GBK, so that is tried next and reported as a warning.
 */
public final class TextDecoder {
  private static final Charset GB18030 = Charset.forName("GB18030");

  /** Decoded text and the charset that worked. */
  public record Decoded(String text, Charset charset) {}

  /** Thrown when the bytes are not text in any charset we accept. */
  public static final class NotTextException extends Exception {
    NotTextException(String message) {
      super(message);
    }
  }

  private TextDecoder() {}

  /** The text of {@code bytes}: UTF-8 (BOM dropped), else GB18030 when it reads as text. */
  public static Decoded decode(byte[] bytes) throws NotTextException {
    int probe = Math.min(bytes.length, 8192);
    for (int i = 0; i < probe; i++) {
      if (bytes[i] == 0) {
        throw new NotTextException("binary file (contains NUL bytes), not text");
      }
    }
    try {
      String text = strict(StandardCharsets.UTF_8, bytes);
      return new Decoded(text.startsWith("\uFEFF") ? text.substring(1) : text, StandardCharsets.UTF_8);
    } catch (CharacterCodingException notUtf8) {
      try {
        String text = strict(GB18030, bytes);
        if (looksLikeText(text)) {
          return new Decoded(text, GB18030);
        }
      } catch (CharacterCodingException notGb) {
        // fall through to the error below
      }
      throw new NotTextException("not valid UTF-8 text");
    }
  }

  private static String strict(Charset charset, byte[] bytes) throws CharacterCodingException {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /** Random bytes decode as GB18030 too; real text has few control and private-use characters. */
  private static boolean looksLikeText(String text) {
    int odd = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
          || Character.getType(c) == Character.PRIVATE_USE
          || Character.getType(c) == Character.UNASSIGNED) {
        odd++;
      }
    }
    return odd * 50 < text.length();
  }
}
