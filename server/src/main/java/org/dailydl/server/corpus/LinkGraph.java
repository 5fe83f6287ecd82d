package org.dailydl.server.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dailydl.indexer.schema.IndexedArticle;
import org.dailydl.indexer.schema.StoredLink;

/**
 * The links between the articles of one index version, resolved to article ids: outgoing links
 * (one per target, in document order, self-links dropped) and backlinks. Immutable.
 */
public final class LinkGraph {
  /**
   * A page linking to more articles than this is a table of contents (a home page, a reading
   * list): its links and its text, which repeats every title, say little about any one article.
   */
  public static final int TABLE_OF_CONTENTS_LINKS = 25;

  /** A resolved link between two indexed articles, with the words it uses. */
  public record Edge(String source, String target, String text) {}

  private final Map<String, List<Edge>> outgoing = new HashMap<>();
  private final Map<String, List<Edge>> incoming = new HashMap<>();

  LinkGraph(Catalog catalog) {
    for (IndexedArticle a : catalog.articles()) {
      Map<String, Edge> seen = new LinkedHashMap<>();
      for (StoredLink link : a.links()) {
        IndexedArticle target = link.target() == null ? null : catalog.byPath(link.target()).orElse(null);
        if (target != null && !target.id().equals(a.id())) {
          seen.putIfAbsent(target.id(), new Edge(a.id(), target.id(), link.text()));
        }
      }
      outgoing.put(a.id(), List.copyOf(seen.values()));
      for (Edge e : seen.values()) {
        incoming.computeIfAbsent(e.target(), k -> new ArrayList<>()).add(e);
      }
    }
    incoming.replaceAll((id, edges) -> List.copyOf(edges));
  }

  /** Links from {@code id} to other indexed articles (one per target, in document order). */
  public List<Edge> outgoing(String id) {
    return outgoing.getOrDefault(id, List.of());
  }

  /** Links from other indexed articles to {@code id}, in the linking articles' path order. */
  public List<Edge> incoming(String id) {
    return incoming.getOrDefault(id, List.of());
  }

  /** A page linking to at least this many notes lists them: a reading order, if not a whole table of contents. */
  public static final int LISTING_LINKS = 5;

  /** Whether {@code id} links to at least {@link #LISTING_LINKS} articles (a table of contents, a reading list). */
  public boolean isListing(String id) {
    return outgoing(id).size() >= LISTING_LINKS;
  }

  /** Whether {@code id} links to more than {@link #TABLE_OF_CONTENTS_LINKS} articles. */
  public boolean isTableOfContents(String id) {
    return outgoing(id).size() > TABLE_OF_CONTENTS_LINKS;
  }
}
