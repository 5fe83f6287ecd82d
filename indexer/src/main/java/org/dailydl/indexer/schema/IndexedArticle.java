package org.dailydl.indexer.schema;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dailydl.indexer.collection.Article;

/**
 * An article as the index stores it, read back by {@link ArticleSchema#read}: everything but the
 * body text and the analysed-only fields. Immutable.
 *
 * @param doc Lucene doc id in the reader it was read from
 * @param id stable, URL-safe id
 * @param path path relative to the content root, with extension
 * @param title inferred title
 * @param category top folder, {@code ""} at the root
 * @param tags front-matter tags as written
 * @param summary front-matter summary, or null
 * @param date front-matter date as written, or null
 * @param kind markdown or notebook
 * @param hash SHA-256 of the file's bytes
 * @param size file size in bytes
 * @param modified the file's last-modified time in millis when indexed (-1 when unknown)
 * @param modifiedTrusted whether an unchanged {@code modified} proves the file unchanged (false when
 *     the file was read within moments of that time, when a same-size write could keep it)
 * @param outline headings in document order
 * @param links outgoing links in document order
 * @param anchors link words other articles use for this one
 * @param conceptForms how concepts are written in the article, where that differs from the concept
 */
public record IndexedArticle(
    int doc,
    String id,
    String path,
    String title,
    String category,
    List<String> tags,
    String summary,
    String date,
    Article.Kind kind,
    String hash,
    long size,
    long modified,
    boolean modifiedTrusted,
    List<Article.Heading> outline,
    List<StoredLink> links,
    List<String> anchors,
    Map<String, String> conceptForms) {

  public IndexedArticle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(title, "title");
    category = category == null ? "" : category;
    tags = List.copyOf(tags);
    Objects.requireNonNull(kind, "kind");
    outline = List.copyOf(outline);
    links = List.copyOf(links);
    anchors = List.copyOf(anchors);
    conceptForms = Map.copyOf(conceptForms);
  }

  /** The same article under doc id {@code doc} (its segment seen at another place in a reader). */
  public IndexedArticle withDoc(int doc) {
    return new IndexedArticle(doc, id, path, title, category, tags, summary, date, kind, hash, size, modified,
        modifiedTrusted, outline, links, anchors, conceptForms);
  }
}
