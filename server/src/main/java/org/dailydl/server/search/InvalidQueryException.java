package org.dailydl.server.search;

/** The query cannot be run as written (Lucene syntax error, too broad); the message says why. */
public final class InvalidQueryException extends Exception {
  public InvalidQueryException(String message) {
    super(message);
  }
}
