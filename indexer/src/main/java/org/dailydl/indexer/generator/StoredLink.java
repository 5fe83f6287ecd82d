package org.dailydl.indexer.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * An outgoing link as stored in the index ({@link org.dailydl.indexer.Fields#LINKS}), so that
 * backlinks, anchor text and the link graph come from the index without re-reading files.
 *
 * @param href destination as written
 * @param target resolved path relative to the content root, or null when external
 * @param text link words
 * @param line 1-based line in the file
 */
public record StoredLink(String href, String target, String text, int line) {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Reads the stored JSON; an absent value is no links. */
  public static List<StoredLink> parse(String json) {
    if (json == null || json.isEmpty()) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<StoredLink>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("links field is not the JSON this code writes", e);
    }
  }
}
