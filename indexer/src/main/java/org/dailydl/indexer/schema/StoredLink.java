package org.dailydl.indexer.schema;

import org.dailydl.indexer.collection.Link;

/**
 * An outgoing link as stored in the index, so that backlinks, anchor text and the link graph come
 * from the index without re-reading files.
 *
 * @param href destination as written
 * @param target resolved path relative to the content root, or null when external
 * @param text link words
 * @param line 1-based line in the file
 * @param image whether it is an image (false in indexes built before images were told apart)
 */
public record StoredLink(String href, String target, String text, int line, boolean image) {

  public StoredLink(String href, String target, String text, int line) {
    this(href, target, text, line, false);
  }

  /** The stored form of a parsed link. */
  public static StoredLink of(Link link) {
    return new StoredLink(link.href(), link.target(), link.text(), link.line(), link.image());
  }
}
