package org.dailydl.server.index;

/** An attempt to change an index that is served read-only (the HTTP layer answers 409). */
public final class ReadOnlyIndexException extends IllegalStateException {
  public ReadOnlyIndexException() {
    super("this server serves a prebuilt index read-only (serve --read-only): rebuild the index where it is "
        + "built (dailydl index) and deploy it");
  }
}
