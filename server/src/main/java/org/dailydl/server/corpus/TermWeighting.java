package org.dailydl.server.corpus;

/**
 * How the concepts of an article are weighed into its vector (keywords, topics, content
 * similarity): TF-IDF within the corpus, times how specific the concept is in general usage, times
 * a preference for glossary concepts. Fitted on content/ and the judged third-party corpora
 * together (see benchmarks' RecommendationLab and BENCHMARKS.md).
 *
 * @param usageHalf general-usage frequency (smartcn's dictionary counts) at which a Chinese word's
 *     weight is halved; 0 turns the background off
 * @param usagePower how steeply weight falls with general usage beyond {@code usageHalf}
 * @param glossaryBoost weight factor of glossary concepts (the domain's named terms)
 * @param lowercaseLatin weight factor of English words written only in lower case outside the
 *     glossary (common words: value, result, example); names and abbreviations (TCP, PyTorch) keep 1
 * @param pathShare a concept that is a word of at least this share of the articles' paths (day,
 *     docs, 题解) names the folder structure, not a subject, and is left out
 * @param templateShare a heading that opens sections of at least this share of the articles (题目描述,
 *     解题思路, Implementation, 小结) is the notes' template, and its words are left out
 * @param maxDocShare a concept in more than this share of the articles says nothing about any
 * @param compoundBoost weight factor of concepts of several words (静态链接, hash table): more
 *     specific than their parts
 * @param codeShare an English word outside the glossary is code vocabulary (int, val, cnt, None,
 *     self: a programming language and its habits, not a subject) when the code of at least this
 *     share of the articles uses it ...
 * @param codeRatio ... and at least this many times more articles use it in code than mention it in
 *     prose; code vocabulary still counts for content similarity but is never a keyword, a topic or
 *     a reason (0 turns the rule off)
 */
public record TermWeighting(double usageHalf, double usagePower, double glossaryBoost, double lowercaseLatin,
    double pathShare, double templateShare, double maxDocShare, double compoundBoost,
    double codeShare, double codeRatio) {

  public static final TermWeighting DEFAULT = new TermWeighting(3000, 1.0, 1.5, 0.6, 0.05, 0.05, 0.3, 1.0, 0.05, 3);

  /**
   * Whether an English word mentioned in the prose of {@code prose} of {@code n} articles and used in
   * the code of {@code code} of them is code vocabulary.
   */
  boolean codeVocabulary(int prose, int code, int n) {
    return codeRatio > 0 && code >= Math.max(3, codeShare * n) && code + 1 >= codeRatio * (prose + 1);
  }

  /** The factor of a word that occurs {@code frequency} times in general usage. */
  double usage(int frequency) {
    if (usageHalf <= 0) {
      return 1;
    }
    return 1 / (1 + Math.pow(frequency / usageHalf, usagePower));
  }
}
