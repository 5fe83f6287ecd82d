package org.dailydl.server.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dailydl.indexer.schema.IndexedArticle;

/**
 * The topics of one index version: terms that are among the top keywords of several articles, with
 * those articles. Immutable.
 */
public final class Topics {
  /** An article's top keywords that can make it a member of a topic. */
  static final int TOP_TERMS = 8;
  static final int MIN_ARTICLES = 3;
  static final int MAX_TOPICS = 80;

  /** A topic: its term and the ids of its articles, in path order. */
  public record Topic(String term, List<String> articles) {}

  private final List<Topic> topics;
  private final Map<String, Topic> byTerm = new TreeMap<>();

  private Topics(List<Topic> topics) {
    this.topics = List.copyOf(topics);
    this.topics.forEach(t -> byTerm.put(t.term(), t));
  }

  static Topics of(Catalog catalog, TermStatistics terms) {
    Map<String, List<String>> articlesOfTerm = new TreeMap<>();
    for (IndexedArticle a : catalog.articles()) {
      for (Keyword k : terms.keywords(a.id(), TOP_TERMS)) {
        articlesOfTerm.computeIfAbsent(k.term(), t -> new ArrayList<>()).add(a.id());
      }
    }
    // a small corpus has few articles per term: two make a topic there
    int minArticles = catalog.size() < 20 ? 2 : MIN_ARTICLES;
    List<Topic> topics = articlesOfTerm.entrySet().stream()
        .filter(e -> e.getValue().size() >= minArticles)
        .sorted(Comparator.comparingInt((Map.Entry<String, List<String>> e) -> -e.getValue().size())
            .thenComparing(Map.Entry::getKey))
        .limit(MAX_TOPICS)
        .map(e -> new Topic(e.getKey(), List.copyOf(e.getValue())))
        .toList();
    return new Topics(topics);
  }

  /** Topics, the most widely shared first. */
  public List<Topic> all() {
    return topics;
  }

  public Optional<Topic> byTerm(String term) {
    return Optional.ofNullable(byTerm.get(term));
  }
}
