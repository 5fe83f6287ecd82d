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

  /**
   * A topic: its concept (every spelling of a glossary concept is one: 注意力 and attention), the
   * label its articles write most, and the ids of its articles in path order.
   */
  public record Topic(String term, String label, List<String> articles) {}

  private final List<Topic> topics;
  private final Map<String, Topic> byTerm = new TreeMap<>();

  private Topics(List<Topic> topics) {
    this.topics = List.copyOf(topics);
    this.topics.forEach(t -> byTerm.put(t.term(), t));
  }

  public static Topics of(Catalog catalog, TermStatistics terms) {
    Map<String, List<String>> articlesOfTerm = new TreeMap<>();
    for (IndexedArticle a : catalog.articles()) {
      for (String concept : terms.topConcepts(a.id(), TOP_TERMS)) {
        articlesOfTerm.computeIfAbsent(concept, t -> new ArrayList<>()).add(a.id());
      }
    }
    // a small corpus has few articles per term: two make a topic there
    int minArticles = catalog.size() < 20 ? 2 : MIN_ARTICLES;
    List<Topic> topics = articlesOfTerm.entrySet().stream()
        .filter(e -> e.getValue().size() >= minArticles)
        .sorted(Comparator.comparingInt((Map.Entry<String, List<String>> e) -> -e.getValue().size())
            .thenComparing(Map.Entry::getKey))
        .limit(MAX_TOPICS)
        .map(e -> new Topic(e.getKey(), label(terms, e.getKey(), e.getValue()), List.copyOf(e.getValue())))
        .toList();
    return new Topics(topics);
  }

  private static String label(TermStatistics terms, String concept, List<String> articles) {
    Map<String, Integer> forms = new TreeMap<>();
    articles.forEach(id -> forms.merge(terms.form(id, concept), 1, Integer::sum));
    return forms.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(concept);
  }

  /** Topics, the most widely shared first. */
  public List<Topic> all() {
    return topics;
  }

  public Optional<Topic> byTerm(String term) {
    return Optional.ofNullable(byTerm.get(term));
  }
}
