package org.dailydl.server.corpus;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dailydl.indexer.analysis.Analysis;
import org.dailydl.indexer.analysis.ConceptExtractor;
import org.dailydl.indexer.analysis.GeneralUsage;
import org.dailydl.indexer.analysis.Glossary;

/**
 * How specific a concept is: general usage (Chinese), writing (English), the glossary (both). Not
 * thread-safe: one instance per computation.
 */
final class Specificity {
  private final Glossary glossary;
  private final TermWeighting weighting;
  private final GeneralUsage usage = GeneralUsage.instance();
  private final Map<String, Chinese> chinese = new HashMap<>();

  /** What a Chinese concept's segmentation tells: its weight factor, and whether it holds a section label. */
  private record Chinese(double factor, boolean label) {}

  Specificity(Glossary glossary, TermWeighting weighting) {
    this.glossary = glossary;
    this.weighting = weighting;
  }

  double of(String concept, String form) {
    if (isCjk(concept)) {
      // a Chinese concept's specificity does not depend on the article: segment each concept once
      return chinese(concept).factor();
    }
    boolean inGlossary = !glossary.equivalents(concept).isEmpty();
    double factor = inGlossary ? weighting.glossaryBoost() : 1;
    boolean written = !form.equals(form.toLowerCase(Locale.ROOT));
    boolean compound = !inGlossary && concept.indexOf(' ') > 0;
    return factor * (inGlossary || written ? 1 : weighting.lowercaseLatin()) * (compound ? weighting.compoundBoost() : 1);
  }

  /**
   * Whether a concept is, or holds, a section label (目录, 小结, SQL详解: see
   * {@link Analysis#sectionLabels()}); glossary concepts never are.
   */
  boolean isLabel(String concept) {
    if (isCjk(concept)) {
      return chinese(concept).label();
    }
    return Analysis.standard().sectionLabels().contains(concept) && glossary.equivalents(concept).isEmpty();
  }

  private Chinese chinese(String concept) {
    return chinese.computeIfAbsent(concept, this::ofChinese);
  }

  private Chinese ofChinese(String concept) {
    boolean inGlossary = !glossary.equivalents(concept).isEmpty();
    double factor = inGlossary ? weighting.glossaryBoost() : 1;
    // a glossary concept is neither a compound of its words nor a label: it is not segmented
    List<String> words = inGlossary ? List.of(concept) : Analysis.standard().tokens(Analysis.standard().word(), concept);
    boolean compound = words.size() > 1;
    boolean label = !inGlossary && (Analysis.standard().sectionLabels().contains(concept)
        || words.stream().anyMatch(Analysis.standard().sectionLabels()::contains));
    return new Chinese(factor * weighting.usage(generalFrequency(concept)) * (compound ? weighting.compoundBoost() : 1),
        label);
  }

  /**
   * A word's general frequency; a compound the dictionary lacks ("得到结果", "拥塞控制") takes its
   * most specific part's: everyday parts make an everyday phrase.
   */
  private int generalFrequency(String concept) {
    int whole = usage.frequency(concept);
    if (whole > 0 || concept.length() < 3) {
      return whole;
    }
    int min = Integer.MAX_VALUE;
    for (String part : Analysis.standard().tokens(Analysis.standard().word(), concept)) {
      if (ConceptExtractor.isTopicWord(part)) {
        min = Math.min(min, usage.frequency(part));
      }
    }
    return min == Integer.MAX_VALUE ? 0 : min;
  }

  private static boolean isCjk(String term) {
    return !term.isEmpty() && Character.UnicodeScript.of(term.charAt(0)) == Character.UnicodeScript.HAN;
  }
}
