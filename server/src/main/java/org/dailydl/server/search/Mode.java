package org.dailydl.server.search;

import com.fasterxml.jackson.annotation.JsonValue;
import io.javalin.openapi.OpenApiName;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Which signals rank a search: words, meaning, or both fused. */
@OpenApiName("SearchMode")
public enum Mode {
  LEXICAL, SEMANTIC, HYBRID;

  /** The name used in the API ({@code mode=hybrid}). */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every mode's API label. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(Mode::label).toList();
  }

  /** The mode of an API label; an unknown label is a programming error (parameters are validated). */
  public static Mode of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
