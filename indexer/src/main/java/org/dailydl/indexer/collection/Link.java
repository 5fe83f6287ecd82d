package org.dailydl.indexer.collection;

/**
 * An outgoing link or image reference of an article.
 *
 * @param href the destination as written
 * @param target for an internal link, the resolved path relative to the content root (a folder
 *     link resolves to its README); {@code null} for external links and in-page anchors
 * @param text the link words (the alt text for images)
 * @param line 1-based line in the file where the link is written (0 when unknown)
 * @param exists whether an internal target exists; {@code true} for external links
 * @param image whether it is an image ({@code ![alt](src)}) rather than a link
 */
public record Link(String href, String target, String text, int line, boolean exists, boolean image) {

  /** A link (not an image). */
  public Link(String href, String target, String text, int line, boolean exists) {
    this(href, target, text, line, exists, false);
  }

  /** An internal link whose target does not exist. */
  public boolean broken() {
    return target != null && !exists;
  }

  /** An internal link to another article (Markdown or notebook) of the content folder. */
  public boolean toArticle() {
    return target != null && exists && ContentWalker.isArticleFile(target);
  }
}
