package org.dailydl.server.search;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What found a hit: the query's words, or its meaning. */
public enum Signal {
  LEXICAL, SEMANTIC;

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
