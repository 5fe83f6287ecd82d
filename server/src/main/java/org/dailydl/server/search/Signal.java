package org.dailydl.server.search;

import com.fasterxml.jackson.annotation.JsonValue;
import io.javalin.openapi.OpenApiName;
import java.util.Locale;

/** What found a hit: the query's words, or its meaning. */
@OpenApiName("SearchSignal")
public enum Signal {
  LEXICAL, SEMANTIC;

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
