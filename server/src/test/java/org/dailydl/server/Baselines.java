package org.dailydl.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.dailydl.server.index.IndexHandle;

/**
 * Plain-Lucene baselines' rankings, made as deterministic as ours: equal scores break by path, not
 * by doc id (documents are written on all cores, so doc ids differ from one build to the next).
 */
public final class Baselines {
  private Baselines() {}

  /** The paths of the best {@code n} hits of {@code query} that {@code keep} accepts. */
  public static List<String> topPaths(IndexHandle.Lease snapshot, Query query, int n, Predicate<String> keep)
      throws IOException {
    int fetch = Math.max(4 * n, 32);
    while (true) {
      TopDocs top = snapshot.searcher().search(query, fetch);
      List<Scored> scored = new ArrayList<>();
      for (ScoreDoc doc : top.scoreDocs) {
        String path = snapshot.corpus().catalog().byDoc(doc.doc).orElseThrow().path();
        if (keep.test(path)) {
          scored.add(new Scored(path, doc.score));
        }
      }
      boolean all = top.scoreDocs.length < fetch;
      // when the last fetched hit ties with the n-th kept one, hits beyond it may belong in the top n
      boolean settled = all || scored.size() > n && top.scoreDocs[top.scoreDocs.length - 1].score < scored.get(n - 1).score;
      if (settled) {
        return scored.stream().sorted(Comparator.comparingDouble(Scored::score).reversed()
            .thenComparing(Scored::path)).limit(n).map(Scored::path).toList();
      }
      fetch *= 2;
    }
  }

  private record Scored(String path, float score) {}
}
