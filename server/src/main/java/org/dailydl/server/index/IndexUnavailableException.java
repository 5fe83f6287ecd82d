package org.dailydl.server.index;

import java.io.IOException;

/** There is no index to answer from (none could be built yet); the HTTP layer answers 503. */
public final class IndexUnavailableException extends IOException {
  public IndexUnavailableException(String message) {
    super(message);
  }
}
