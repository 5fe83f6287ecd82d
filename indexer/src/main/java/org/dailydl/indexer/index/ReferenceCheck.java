package org.dailydl.indexer.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dailydl.indexer.collection.Article;
import org.dailydl.indexer.collection.ContentWalker;
import org.dailydl.indexer.collection.HeadingIds;
import org.dailydl.indexer.collection.LinkResolver;
import org.dailydl.indexer.index.IndexReport.BrokenLink;
import org.dailydl.indexer.schema.IndexedArticle;
import org.dailydl.indexer.schema.StoredLink;

/**
 * What {@code --check} finds wrong with the references of the whole index after a run: links to
 * files that do not exist, images whose file is missing, and anchors ({@code other.md#section},
 * {@code #section}) that name no heading of their article, by the ids the reader gives headings
 * ({@link HeadingIds}). Articles kept from an earlier run are checked from what the index stored,
 * without reading their files. Not thread-safe.
 */
final class ReferenceCheck {
  /** A fragment every browser understands without an element of that id. */
  private static final String TOP = "top";

  /** One reference, parsed now or read from the index. */
  private record Reference(String href, String target, int line, boolean exists, boolean image) {}

  private final LinkResolver resolver;
  /** Content path → ids of its headings; absent when unknown (an index built before ids were kept). */
  private final Map<String, Set<String>> ids = new HashMap<>();

  ReferenceCheck(LinkResolver resolver) {
    this.resolver = Objects.requireNonNull(resolver);
  }

  /** The broken references of {@code kept} and {@code written} articles, in no particular order. */
  List<BrokenLink> check(Collection<IndexedArticle> kept, Collection<Article> written) {
    for (IndexedArticle k : kept) {
      remember(k.path(), k.outline());
    }
    for (Article a : written) {
      remember(a.path(), a.headings());
    }
    List<BrokenLink> broken = new ArrayList<>();
    // the articles exist (the walk just found them); other targets are looked up on disk once each:
    // at 10,000 articles, 87,000 links name about 10,000 files, each resolved through symbolic links
    Map<String, Boolean> exists = new HashMap<>();
    ids.keySet().forEach(path -> exists.put(path, true));
    for (IndexedArticle k : kept) {
      for (StoredLink link : k.links()) {
        boolean found = link.target() == null || exists.computeIfAbsent(link.target(), resolver::exists);
        check(k.path(), new Reference(link.href(), link.target(), link.line(), found, link.image()), broken);
      }
    }
    for (Article a : written) {
      for (var link : a.links()) {
        check(a.path(), new Reference(link.href(), link.target(), link.line(), link.exists(), link.image()), broken);
      }
    }
    return broken;
  }

  private void remember(String path, List<Article.Heading> headings) {
    Set<String> known = new HashSet<>();
    for (Article.Heading heading : headings) {
      if (heading.id() == null) {
        return;
      }
      known.add(heading.id());
    }
    ids.put(path, known);
  }

  private void check(String path, Reference ref, List<BrokenLink> broken) {
    if (ref.target() != null && !ref.exists()) {
      broken.add(new BrokenLink(path, ref.line(), ref.href(), ref.image() ? IndexReport.Kind.IMAGE : IndexReport.Kind.LINK));
      return;
    }
    if (ref.image()) {
      return;
    }
    String href = ref.href().strip();
    int hash = href.indexOf('#');
    if (hash < 0) {
      return;
    }
    String page = href.startsWith("#") ? path : ref.target();
    if (page == null || !ContentWalker.isArticleFile(page)) {
      return; // an external page, or a file that is not an article (its anchors are not ours to know)
    }
    String id = HeadingIds.fromFragment(href.substring(hash));
    Set<String> known = ids.get(page);
    if (id != null && known != null && !known.contains(id) && !id.equalsIgnoreCase(TOP)) {
      broken.add(new BrokenLink(path, ref.line(), ref.href(), IndexReport.Kind.ANCHOR));
    }
  }
}
