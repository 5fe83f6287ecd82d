package org.dailydl.server.terms;

import java.util.Comparator;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.indexer.collection.Article;
import org.dailydl.indexer.schema.IndexedArticle;

/**
 * The article that explains a term, by one rule that needs no judgement: among the articles whose
 * title names the term (any spelling of its group, found as search finds terms in a query:
 * leftmost-longest, so 卷积神经网络 names CNN and not 卷积), the one whose title names it first
 * (a title that starts with the term is about it), then the shortest title, the most specific; else the article with the shortest heading that is mostly the term (the term is
 * at least {@value #HEADING_SHARE_PERCENT}% of its letters: a section about it, not one that
 * mentions it); else the article that mentions it most often, at least {@value #MIN_MENTIONS}
 * times; else none. Only what an article says of itself counts (never how it ranks among others),
 * so the choice stays put when other notes change. The home page, which names everything, never
 * counts. Ties go to the path that sorts first. Immutable.
 */
final class ExplainingArticles {
  static final int HEADING_SHARE_PERCENT = 40;
  static final int MIN_MENTIONS = 3;
  /** What counts as letters of a heading: not spaces, punctuation or numbering. */
  private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}]+|^[一二三四五六七八九十]+(?=、)");

  /** A title that names a term: its article, where in the title the term starts, and the title's length. */
  private record Titled(IndexedArticle article, int start, int length) {}

  /** A heading that is mostly one term: its article, its length in letters and its level. */
  private record Section(IndexedArticle article, int letters, int level) {}

  private final Glossary glossary;
  private final List<IndexedArticle> articles;
  /** Per concept (canonical term): the articles whose title names it, and the headings mostly about it. */
  private final Map<String, List<Titled>> titled = new HashMap<>();
  private final Map<String, List<Section>> sections = new HashMap<>();
  /** Per article id: how often it mentions each concept. */
  private final Map<String, Map<String, Integer>> mentions;

  /**
   * @param articles the candidates (the terminology page itself left out)
   * @param mentions per article id, how often it mentions each concept (by canonical term)
   */
  ExplainingArticles(Glossary glossary, List<IndexedArticle> articles, Map<String, Map<String, Integer>> mentions) {
    this.glossary = Objects.requireNonNull(glossary);
    this.mentions = Objects.requireNonNull(mentions);
    this.articles = articles.stream().filter(a -> !a.path().equals(HOME))
        .sorted(Comparator.comparing(IndexedArticle::path)).toList();
    for (IndexedArticle a : this.articles) {
      for (Glossary.Match m : glossary.find(Glossary.normalize(a.title()))) {
        titled.computeIfAbsent(glossary.canonical(m.term()), c -> new ArrayList<>())
            .add(new Titled(a, m.start(), a.title().length()));
      }
      for (Article.Heading heading : a.outline()) {
        String text = Glossary.normalize(heading.text());
        int letters = letters(text);
        for (Glossary.Match m : glossary.find(text)) {
          if (letters(m.term()) * 100 >= letters * HEADING_SHARE_PERCENT) {
            sections.computeIfAbsent(glossary.canonical(m.term()), c -> new ArrayList<>())
                .add(new Section(a, letters, heading.level()));
          }
        }
      }
    }
  }

  /** The content path of the home page, which never explains a term. */
  static final String HOME = "README.md";

  private static int letters(String text) {
    return NOT_LETTERS.matcher(text).replaceAll("").length();
  }

  /** The article that explains the group whose first term is {@code term}, if any. */
  Optional<IndexedArticle> explaining(String term) {
    String concept = glossary.canonical(term);
    // candidates are in path order and min keeps the first of equals: ties go to the first path
    Optional<IndexedArticle> byTitle = titled.getOrDefault(concept, List.of()).stream()
        .min(Comparator.comparingInt(Titled::start).thenComparingInt(Titled::length)).map(Titled::article);
    if (byTitle.isPresent()) {
      return byTitle;
    }
    Optional<IndexedArticle> bySection = sections.getOrDefault(concept, List.of()).stream()
        .min(Comparator.comparingInt(Section::letters).thenComparingInt(Section::level))
        .map(Section::article);
    if (bySection.isPresent()) {
      return bySection;
    }
    IndexedArticle most = null;
    int count = MIN_MENTIONS - 1;
    for (IndexedArticle a : articles) {
      int n = mentions.getOrDefault(a.id(), Map.of()).getOrDefault(concept, 0);
      if (n > count) {
        most = a;
        count = n;
      }
    }
    return Optional.ofNullable(most);
  }
}
