package org.dailydl.server.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dailydl.indexer.schema.IndexedArticle;

/**
 * Every article of one index version by id, by path and by Lucene doc id, and the categories with
 * their article counts. Immutable, so request threads share it freely.
 */
public final class Catalog {
  private final List<IndexedArticle> articles;
  private final Map<String, IndexedArticle> byId = new HashMap<>();
  private final Map<String, IndexedArticle> byPath = new HashMap<>();
  private final IndexedArticle[] byDoc;
  private final Map<String, Integer> categories;
  private final Map<String, List<IndexedArticle>> folders = new HashMap<>();

  /**
   * @param articles the live articles of one reader
   * @param maxDoc the reader's {@code maxDoc()}
   */
  public Catalog(List<IndexedArticle> articles, int maxDoc) {
    this.articles = articles.stream().sorted(Comparator.comparing(IndexedArticle::path)).toList();
    this.byDoc = new IndexedArticle[maxDoc];
    Map<String, Integer> counts = new TreeMap<>();
    for (IndexedArticle a : this.articles) {
      byId.put(a.id(), a);
      byPath.put(a.path(), a);
      byDoc[a.doc()] = a;
      counts.merge(a.category(), 1, Integer::sum);
      folders.computeIfAbsent(folderOf(a.path()), f -> new ArrayList<>()).add(a);
    }
    this.categories = Collections.unmodifiableMap(counts);
  }

  /** All articles, sorted by path. */
  public List<IndexedArticle> articles() {
    return articles;
  }

  public Optional<IndexedArticle> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Optional<IndexedArticle> byPath(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  public Optional<IndexedArticle> byDoc(int doc) {
    return doc >= 0 && doc < byDoc.length ? Optional.ofNullable(byDoc[doc]) : Optional.empty();
  }

  /** Category name → article count, sorted by name ({@code ""} is the content root). */
  public Map<String, Integer> categories() {
    return categories;
  }

  /** The articles in the folder of {@code path} (itself included), sorted by path. */
  public List<IndexedArticle> folder(String path) {
    return folders.getOrDefault(folderOf(path), List.of());
  }

  /** The folder part of a content path ({@code ""} at the top). */
  public static String folderOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  public int size() {
    return articles.size();
  }

  /** The reader's {@code maxDoc()}: doc ids of this version are below it. */
  public int maxDoc() {
    return byDoc.length;
  }
}
