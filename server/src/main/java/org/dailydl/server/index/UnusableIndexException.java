package org.dailydl.server.index;

import java.io.IOException;

/** A prebuilt index that a read-only server cannot serve; the message says why and what to do. */
public final class UnusableIndexException extends IOException {
  public UnusableIndexException(String message) {
    super(message);
  }
}
