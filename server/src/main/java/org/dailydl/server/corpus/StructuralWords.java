package org.dailydl.server.corpus;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dailydl.indexer.analysis.Analysis;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.indexer.schema.IndexedArticle;

/** Words that name how a collection of notes is laid out rather than what a note is about. */
final class StructuralWords {
  private StructuralWords() {}

  /** Words of at least {@code share} of the articles' paths: folder and file-name structure (day, docs, 题解). */
  static Set<String> pathWords(Catalog catalog, double share) {
    Map<String, Integer> df = new HashMap<>();
    // analysing every path is most of the cost at 10,000 articles: on all cores, counted in order
    catalog.articles().parallelStream()
        .map(a -> Set.copyOf(Analysis.standard().tokens(Analysis.standard().pathWords(), a.path())))
        .toList()
        .forEach(words -> words.forEach(word -> df.merge(word, 1, Integer::sum)));
    int min = Math.max(3, (int) Math.ceil(share * catalog.size()));
    Set<String> words = new HashSet<>();
    df.forEach((word, count) -> {
      if (count >= min) {
        words.add(word);
      }
    });
    return words;
  }

  /**
   * The words of headings (and of outside links) that recur in at least {@code share} of the
   * articles: the sections every note of a collection has (题目描述, 解题思路, Implementation, 练习,
   * 小结) say how notes are written, not what one is about.
   */
  static Set<String> templateWords(Catalog catalog, double share) {
    Map<String, Integer> df = new HashMap<>();
    for (IndexedArticle a : catalog.articles()) {
      Set<String> headings = new HashSet<>();
      a.outline().forEach(h -> headings.add(Glossary.normalize(h.text())));
      // so are the words of the same outside link in every note ([NowCoder](https://…), [原文](…))
      a.links().stream().filter(l -> l.target() == null && l.text() != null && !l.text().isBlank())
          .forEach(l -> headings.add(Glossary.normalize(l.text())));
      headings.forEach(h -> df.merge(h, 1, Integer::sum));
    }
    int min = Math.max(3, (int) Math.ceil(share * catalog.size()));
    Set<String> words = new HashSet<>();
    df.forEach((heading, count) -> {
      if (count >= min) {
        String compact = heading.replaceAll("[\\p{Punct}\\s：，、（）]+", "");
        words.add(heading);
        words.add(compact);
        List<String> parts = Analysis.standard().tokens(Analysis.standard().word(), heading);
        words.addAll(parts);
        for (int i = 0; i + 1 < parts.size(); i++) {
          words.add(parts.get(i) + parts.get(i + 1));
          words.add(parts.get(i) + " " + parts.get(i + 1));
        }
      }
    });
    return words;
  }
}
