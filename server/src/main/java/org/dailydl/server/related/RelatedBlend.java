package org.dailydl.server.related;

/**
 * The weights of the signals related articles are ranked by, fitted on content/ and the judged
 * third-party corpora together (see benchmarks' RecommendationLab and BENCHMARKS.md for the fit
 * and its leave-one-corpus-out numbers), not set for one collection.
 *
 * @param content cosine of the two articles' concept vectors
 * @param linksTo the source links to the candidate (divided among a table of contents' links)
 * @param linkedFrom the candidate links to the source
 * @param coCitation both are linked from the same page (not a table of contents)
 * @param sameFolder both live in the same folder, in full for folders of up to {@code folderSize} + 1
 *     notes and fading as {@code folderSize / (notes - 1)} beyond (one note among 175 says less than
 *     one among 10)
 * @param next the candidate is the next note in reading order (numbered series or table of contents)
 * @param previous the candidate is the previous note
 * @param seriesDecay the weight of a note two steps away in reading order relative to the next
 *     (previous) one, squared for three steps
 * @param folderSize see {@code sameFolder}
 * @param listing the factor of a candidate that is a listing ({@link
 *     org.dailydl.server.corpus.LinkGraph#isListing}): a page of links is where a reader came from,
 *     seldom what they want next
 */
public record RelatedBlend(double content, double linksTo, double linkedFrom, double coCitation, double sameFolder,
    double next, double previous, double seriesDecay, double folderSize, double listing) {

  public static final RelatedBlend DEFAULT = new RelatedBlend(1.0, 0.5, 0.05, 0.0, 0.0, 0.3, 0.15, 0.0, 10, 0.2);
}
