package org.dailydl.indexer.schema;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.analysis.Analysis;
import org.dailydl.indexer.collection.ArticleIds;

/**
 * The commit metadata of an index (Lucene commit user data): which analysis built it, when, how
 * many articles it holds, and a hash over every article's path and content hash (equal for equal
 * content, whatever the build). Immutable.
 */
public record IndexMeta(String analysisVersion, String buildTime, int articleCount, String contentHash) {

  /** The metadata of a build of articles with these content hashes (by path), built now. */
  public static IndexMeta of(Map<String, String> hashesByPath) {
    StringBuilder all = new StringBuilder();
    new TreeMap<>(hashesByPath).forEach((path, hash) -> all.append(path).append('\t').append(hash).append('\n'));
    return new IndexMeta(Analysis.VERSION, Instant.now().toString(), hashesByPath.size(),
        ArticleIds.sha256(all.toString()));
  }

  /** Reads the metadata from a commit's user data (absent keys are null, or 0 articles). */
  public static IndexMeta fromUserData(Map<String, String> data) {
    String count = data.get(Fields.Meta.ARTICLE_COUNT);
    int articles;
    try {
      articles = count == null ? 0 : Integer.parseInt(count);
    } catch (NumberFormatException e) {
      articles = 0;
    }
    return new IndexMeta(data.get(Fields.Meta.ANALYSIS_VERSION), data.get(Fields.Meta.BUILD_TIME), articles,
        data.get(Fields.Meta.CONTENT_HASH));
  }

  /** Reads the metadata of the latest commit of the index in {@code generation}. */
  public static IndexMeta read(Path generation) throws IOException {
    try (Directory dir = FSDirectory.open(generation)) {
      return fromUserData(SegmentInfos.readLatestCommit(dir).getUserData());
    }
  }

  /** The commit user data to store. */
  public Map<String, String> toUserData() {
    Map<String, String> data = new HashMap<>();
    data.put(Fields.Meta.ANALYSIS_VERSION, analysisVersion);
    data.put(Fields.Meta.BUILD_TIME, buildTime);
    data.put(Fields.Meta.ARTICLE_COUNT, Integer.toString(articleCount));
    data.put(Fields.Meta.CONTENT_HASH, contentHash);
    return data;
  }

  /** Whether an index with this metadata can be updated in place by this code. */
  public boolean matchesAnalysis() {
    return Analysis.VERSION.equals(analysisVersion);
  }
}
