package org.dailydl.server.index;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.generator.StoredLink;

/**
 * Every article of one index version by id and by path, with the link graph resolved to ids:
 * outgoing links, backlinks and categories. Built once per version (the corpus metadata is small)
 * and immutable, so request threads share it freely.
 */
public final class Catalog {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** A resolved link between two indexed articles, with the words it uses. */
  public record Edge(String source, String target, String text) {}

  private final List<ArticleInfo> articles;
  private final Map<String, ArticleInfo> byId;
  private final Map<String, ArticleInfo> byPath;
  private final Map<Integer, ArticleInfo> byDoc;
  private final Map<String, List<Edge>> outgoing;
  private final Map<String, List<Edge>> incoming;
  private final Map<String, Integer> categories;
  private final Map<String, String> meta;

  private Catalog(List<ArticleInfo> articles, Map<String, String> meta) {
    this.articles = List.copyOf(articles);
    this.meta = Map.copyOf(meta);
    Map<String, ArticleInfo> ids = new HashMap<>();
    Map<String, ArticleInfo> paths = new HashMap<>();
    Map<Integer, ArticleInfo> docs = new HashMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    for (ArticleInfo a : this.articles) {
      ids.put(a.id(), a);
      paths.put(a.path(), a);
      docs.put(a.doc(), a);
      counts.merge(a.category(), 1, Integer::sum);
    }
    this.byId = ids;
    this.byPath = paths;
    this.byDoc = docs;
    this.categories = Collections.unmodifiableMap(counts);
    Map<String, List<Edge>> out = new HashMap<>();
    Map<String, List<Edge>> in = new HashMap<>();
    for (ArticleInfo a : this.articles) {
      Map<String, Edge> seen = new LinkedHashMap<>();
      for (StoredLink link : a.links()) {
        ArticleInfo target = link.target() == null ? null : paths.get(link.target());
        if (target != null && !target.id().equals(a.id())) {
          seen.putIfAbsent(target.id(), new Edge(a.id(), target.id(), link.text()));
        }
      }
      out.put(a.id(), List.copyOf(seen.values()));
      for (Edge e : seen.values()) {
        in.computeIfAbsent(e.target(), k -> new ArrayList<>()).add(e);
      }
    }
    this.outgoing = out;
    this.incoming = in;
  }

  /** Reads the stored metadata of every live document. */
  public static Catalog load(IndexReader reader, Map<String, String> meta) {
    List<ArticleInfo> articles = new ArrayList<>(reader.numDocs());
    try {
      StoredFields stored = reader.storedFields();
      Bits live = MultiBits.getLiveDocs(reader);
      var fields = java.util.Set.of(Fields.ID, Fields.PATH, Fields.TITLE, Fields.CATEGORY, Fields.TAGS, Fields.SUMMARY,
          Fields.DATE, Fields.KIND, Fields.HASH, Fields.SIZE, Fields.OUTLINE, Fields.LINKS);
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        Document d = stored.document(doc, fields);
        var size = d.getField(Fields.SIZE);
        articles.add(new ArticleInfo(doc, d.get(Fields.ID), d.get(Fields.PATH), d.get(Fields.TITLE),
            d.get(Fields.CATEGORY), Arrays.asList(d.getValues(Fields.TAGS)), d.get(Fields.SUMMARY), d.get(Fields.DATE),
            d.get(Fields.KIND), d.get(Fields.HASH), size == null ? 0 : size.numericValue().longValue(),
            outline(d.get(Fields.OUTLINE)), StoredLink.parse(d.get(Fields.LINKS))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    articles.sort(Comparator.comparing(ArticleInfo::path));
    return new Catalog(articles, meta);
  }

  private static List<ArticleInfo.Heading> outline(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<ArticleInfo.Heading>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All articles, sorted by path. */
  public List<ArticleInfo> articles() {
    return articles;
  }

  public Optional<ArticleInfo> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Optional<ArticleInfo> byPath(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  public Optional<ArticleInfo> byDoc(int doc) {
    return Optional.ofNullable(byDoc.get(doc));
  }

  /** Links from {@code id} to other indexed articles (one per target, in document order). */
  public List<Edge> outgoing(String id) {
    return outgoing.getOrDefault(id, List.of());
  }

  /**
   * A page linking to more articles than this is a table of contents (a home page, a reading
   * list): its links and its text, which repeats every title, say little about any one article.
   */
  public static final int HUB_LINKS = 25;

  /** 1 for an ordinary page; {@code HUB_LINKS / links} for a table of contents. */
  public double hubDiscount(String id) {
    return hubDiscountForLinks(outgoing(id).size());
  }

  /** The discount of a page with {@code links} links to other articles. */
  public static double hubDiscountForLinks(int links) {
    return links <= HUB_LINKS ? 1.0 : (double) HUB_LINKS / links;
  }

  /** Links from other indexed articles to {@code id}, by source path. */
  public List<Edge> incoming(String id) {
    return incoming.getOrDefault(id, List.of());
  }

  /** Category name → article count, sorted by name. */
  public Map<String, Integer> categories() {
    return categories;
  }

  /** The index's commit metadata (build time, analysis version, content hash, article count). */
  public Map<String, String> meta() {
    return meta;
  }

  public int size() {
    return articles.size();
  }
}
