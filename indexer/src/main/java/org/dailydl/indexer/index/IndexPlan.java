package org.dailydl.indexer.index;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.dailydl.indexer.collection.ArticleIds;
import org.dailydl.indexer.collection.ContentFile;
import org.dailydl.indexer.schema.IndexedArticle;

/**
 * What a run has to do, decided before anything is parsed: which files to parse, which indexed
 * articles are certainly unchanged (same size and modification time, or same bytes), and which are
 * gone from disk. A full build parses every file. Immutable.
 *
 * @param full whether the run writes a fresh generation
 * @param walked every article file found, by path
 * @param toParse files to read and parse, in path order
 * @param unchanged indexed articles whose file has the same size and time or the same bytes, by path
 * @param removed paths indexed but no longer on disk, sorted
 * @param stored everything the index held before the run, by path (empty for a full build)
 */
record IndexPlan(boolean full, Map<String, ContentFile> walked, List<ContentFile> toParse,
    Map<String, IndexedArticle> unchanged, List<String> removed, Map<String, IndexedArticle> stored) {

  /** A full build: parse everything. */
  static IndexPlan full(List<ContentFile> files) {
    return new IndexPlan(true, byPath(files), List.copyOf(files), Map.of(), List.of(), Map.of());
  }

  /** An update of an index holding {@code stored}. */
  static IndexPlan update(List<ContentFile> files, Map<String, IndexedArticle> stored) {
    Map<String, IndexedArticle> unchanged = new TreeMap<>();
    List<ContentFile> toParse = new ArrayList<>();
    for (ContentFile file : files) {
      IndexedArticle old = stored.get(file.path());
      if (old != null && old.size() == file.size() && isUnchanged(file, old)) {
        unchanged.put(file.path(), old);
      } else {
        toParse.add(file);
      }
    }
    Map<String, ContentFile> walked = byPath(files);
    List<String> removed = stored.keySet().stream().filter(path -> !walked.containsKey(path)).sorted().toList();
    return new IndexPlan(false, walked, List.copyOf(toParse), unchanged, removed, stored);
  }

  /**
   * A file of the same size is unchanged when its time is the one stored, unread; when its time
   * differs (touched, or replaced by a copy) or is not trusted (modified within {@link
   * ParseStage#RACY_MILLIS} of being read, when a later write of the same size could carry the same
   * time), when its bytes hash as stored.
   */
  private static boolean isUnchanged(ContentFile file, IndexedArticle old) {
    long modified = ParseStage.modifiedTime(file.file());
    if (old.modifiedTrusted() && modified != -1 && old.modified() == modified) {
      return true;
    }
    try {
      return ArticleIds.sha256(Files.readAllBytes(file.file())).equals(old.hash());
    } catch (IOException e) {
      return false; // the parse stage reports what is wrong with it
    }
  }

  private static Map<String, ContentFile> byPath(List<ContentFile> files) {
    return files.stream().collect(Collectors.toMap(ContentFile::path, f -> f, (a, b) -> a, TreeMap::new));
  }

  Set<String> walkedPaths() {
    return walked.keySet();
  }
}
