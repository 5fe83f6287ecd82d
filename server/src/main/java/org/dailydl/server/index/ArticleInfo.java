package org.dailydl.server.index;

import java.util.List;
import org.dailydl.indexer.generator.StoredLink;

/**
 * An indexed article's stored metadata, as the server keeps it in memory for one index version.
 *
 * @param doc Lucene doc id in the version's reader
 */
public record ArticleInfo(
    int doc,
    String id,
    String path,
    String title,
    String category,
    List<String> tags,
    String summary,
    String date,
    String kind,
    String hash,
    long size,
    List<Heading> outline,
    List<StoredLink> links) {

  /** A heading of the article's outline. */
  public record Heading(int level, String text, int line) {}
}
