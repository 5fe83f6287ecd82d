package org.dailydl.server.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private final Set<String> listings = new HashSet<>();

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
      if (seen.size() >= LISTING_LINKS && seen.size() * 1000.0 / Math.max(1, a.size()) >= LISTING_LINKS_PER_KB) {
        listings.add(a.id());
      }
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

  /** A listing links to at least this many notes … */
  public static final int LISTING_LINKS = 5;

  /**
   * … at least this many per 1000 bytes of its file. Landing pages, reading lists and tables of
   * contents run from 3.3 to 25 on the corpora of BENCHMARKS.md; the densest article that is not
   * a list of links, 1.4.
   */
  public static final double LISTING_LINKS_PER_KB = 3.0;

  /**
   * Whether {@code id} is a listing: a page that is mostly links to other notes (a landing page, a
   * reading list, a table of contents), read for its order rather than for its words.
   */
  public boolean isListing(String id) {
    return listings.contains(id);
  }

  /** Whether {@code id} links to more than {@link #TABLE_OF_CONTENTS_LINKS} articles. */
  public boolean isTableOfContents(String id) {
    return outgoing(id).size() > TABLE_OF_CONTENTS_LINKS;
  }
}
