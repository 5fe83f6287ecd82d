package org.dailydl.indexer.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.analysis.Analysis;
import org.dailydl.indexer.collection.Article;
import org.dailydl.indexer.collection.ArticleIds;
import org.dailydl.indexer.collection.ArticleParser;
import org.dailydl.indexer.collection.ContentFile;
import org.dailydl.indexer.collection.ContentWalker;
import org.dailydl.indexer.collection.Link;
import org.dailydl.indexer.collection.LinkResolver;
import org.dailydl.indexer.collection.Problem;
import org.dailydl.indexer.generator.ArticleDocumentGenerator;

/**
 * Indexes a content folder: walk → parse → generate → write.
 *
 * <p>A <b>full</b> build writes a fresh generation and switches to it atomically (see {@link
 * IndexLocation}); it runs when there is no index, when asked, or when the index was built with
 * another analysis version. Otherwise an <b>update</b> re-indexes only files whose size, time and
 * content hash changed (plus articles whose inbound anchor text changed) and removes deleted ones,
 * in one Lucene commit. Not thread-safe: one run at a time per index folder.
 */
public final class IndexArticles {

  /**
   * @param contentDir the content folder
   * @param indexDir the index folder (generations and the CURRENT pointer live here)
   * @param full force a full rebuild
   * @param maxBytes files larger than this are skipped
   */
  public record Options(Path contentDir, Path indexDir, boolean full, long maxBytes) {
    public Options {
      Objects.requireNonNull(contentDir, "contentDir");
      Objects.requireNonNull(indexDir, "indexDir");
      if (maxBytes <= 0) {
        throw new IllegalArgumentException("maxBytes must be positive");
      }
    }

    public Options(Path contentDir, Path indexDir) {
      this(contentDir, indexDir, false, ContentWalker.DEFAULT_MAX_BYTES);
    }
  }

  private final Options options;
  private final ProgressListener progress;
  private final ArticleDocumentGenerator generator;
  private final IndexLocation location;
  private final ArticleParser parser;

  public IndexArticles(Options options, ProgressListener progress) {
    this(options, progress, new ArticleDocumentGenerator());
  }

  /** With a custom generator (tests use one that fails mid-build). */
  public IndexArticles(Options options, ProgressListener progress, ArticleDocumentGenerator generator) {
    this.options = options;
    this.progress = Objects.requireNonNull(progress);
    this.generator = Objects.requireNonNull(generator);
    this.location = new IndexLocation(options.indexDir());
    this.parser = new ArticleParser(options.contentDir());
  }

  /** Runs a full build or an update, whichever the index needs. */
  public IndexReport run() throws IOException {
    long start = System.nanoTime();
    ContentWalker.Result walk =
        new ContentWalker(options.contentDir(), options.maxBytes(), options.indexDir()).walk();
    boolean resume = location.rebuildInterrupted();
    Optional<Path> current = options.full() || resume ? Optional.empty() : usableCurrent();
    IndexReport.Builder report = new IndexReport.Builder(walk);
    if (current.isPresent()) {
      update(current.get(), walk, report);
    } else {
      full(walk, report);
    }
    return report.build((System.nanoTime() - start) / 1_000_000);
  }

  /** The live generation when it can be updated in place: same analysis version, readable. */
  private Optional<Path> usableCurrent() throws IOException {
    Optional<Path> current = location.current();
    if (current.isEmpty()) {
      return current;
    }
    Map<String, String> meta = IndexMetadata.read(current.get());
    return Analysis.VERSION.equals(meta.get(Fields.Meta.ANALYSIS_VERSION)) ? current : Optional.empty();
  }

  private void full(ContentWalker.Result walk, IndexReport.Builder report) throws IOException {
    // marks the rebuild as under way: a process killed before the switch resumes it on its next run
    location.markRebuilding();
    List<Parsed> parsed = parseAll(walk.files());
    Map<String, Parsed> articles = new TreeMap<>();
    for (Parsed p : parsed) {
      report.problems(p.problems());
      if (p.article() != null) {
        articles.put(p.article().path(), p);
      }
    }
    Map<String, List<String>> anchors = Anchors.compute(edgesOf(articles.values()), articles.keySet());
    Path generation = location.newGeneration();
    try (Directory dir = FSDirectory.open(generation);
        IndexWriter writer = new IndexWriter(dir, writerConfig(IndexWriterConfig.OpenMode.CREATE))) {
      for (Parsed p : articles.values()) {
        writer.addDocument(document(p, anchors));
      }
      writer.setLiveCommitData(IndexMetadata.of(hashesOf(articles)).entrySet());
      writer.commit();
    } catch (IOException | RuntimeException | Error e) {
      IndexLocation.deleteRecursively(generation);
      throw e;
    }
    location.switchTo(generation);
    location.clearRebuilding();
    progress.finish();
    for (Parsed p : articles.values()) {
      report.brokenLinks(p.article().path(), p.article().links());
    }
    report.counts("full", articles.size(), articles.size(), 0);
  }

  private void update(Path generation, ContentWalker.Result walk, IndexReport.Builder report) throws IOException {
    Map<String, StoredArticle> stored = StoredArticle.loadAll(generation);
    Map<String, Parsed> changed = new TreeMap<>();
    Map<String, StoredArticle> kept = new TreeMap<>();
    List<ContentFile> toParse = new ArrayList<>();
    Map<String, ContentFile> walked = new LinkedHashMap<>();
    for (ContentFile file : walk.files()) {
      walked.put(file.path(), file);
      StoredArticle old = stored.get(file.path());
      if (old != null && old.size() == file.size() && old.modified() == modifiedTime(file.file())) {
        kept.put(file.path(), old);
      } else {
        toParse.add(file);
      }
    }
    for (Parsed p : parseAll(toParse)) {
      report.problems(p.problems());
      StoredArticle old = stored.get(p.file().path());
      if (p.article() == null) {
        if (old != null) {
          kept.put(p.file().path(), old); // unreadable now: keep serving the last good version
        }
      } else if (old != null && old.hash().equals(p.article().hash())) {
        kept.put(p.file().path(), old);
      } else {
        changed.put(p.file().path(), p);
      }
    }
    List<String> removed = stored.keySet().stream().filter(path -> !walked.containsKey(path)).sorted().toList();

    java.util.Set<String> paths = new java.util.TreeSet<>(kept.keySet());
    paths.addAll(changed.keySet());
    List<Anchors.Edge> edges = new ArrayList<>(edgesOf(changed.values()));
    kept.values().forEach(k -> k.links().forEach(l -> edges.add(new Anchors.Edge(k.path(), l.target(), l.text()))));
    Map<String, List<String>> anchors = Anchors.compute(edges, paths);
    List<ContentFile> anchorChanged = kept.values().stream()
        .filter(k -> !k.anchors().equals(anchors.getOrDefault(k.path(), List.of())) && walked.containsKey(k.path()))
        .map(k -> walked.get(k.path()))
        .toList();
    for (Parsed p : parseAll(anchorChanged)) {
      if (p.article() != null) {
        kept.remove(p.file().path());
        changed.put(p.file().path(), p);
      }
    }

    if (!changed.isEmpty() || !removed.isEmpty()) {
      Map<String, String> hashes = new TreeMap<>();
      kept.values().forEach(k -> hashes.put(k.path(), k.hash()));
      changed.values().forEach(p -> hashes.put(p.article().path(), p.article().hash()));
      try (Directory dir = FSDirectory.open(generation);
          IndexWriter writer = new IndexWriter(dir, writerConfig(IndexWriterConfig.OpenMode.APPEND))) {
        for (String path : removed) {
          writer.deleteDocuments(new Term(Fields.PATH, path));
        }
        for (Parsed p : changed.values()) {
          writer.updateDocument(new Term(Fields.PATH, p.article().path()), document(p, anchors));
        }
        writer.setLiveCommitData(IndexMetadata.of(hashes).entrySet());
        writer.commit();
      }
    }
    progress.finish();
    LinkResolver resolver = parser.resolver();
    for (StoredArticle k : kept.values()) {
      for (var link : k.links()) {
        if (link.target() != null && !resolver.exists(link.target())) {
          report.brokenLink(new IndexReport.BrokenLink(k.path(), link.line(), link.href()));
        }
      }
    }
    for (Parsed p : changed.values()) {
      report.brokenLinks(p.article().path(), p.article().links());
    }
    String mode = changed.isEmpty() && removed.isEmpty() ? "unchanged" : "update";
    report.counts(mode, kept.size() + changed.size(), changed.size(), removed.size());
  }

  /** One file after reading and parsing. */
  private record Parsed(ContentFile file, Article article, List<Problem> problems, long modified) {}

  private List<Parsed> parseAll(List<ContentFile> files) throws IOException {
    progress.start(files.size());
    if (files.size() < 8) {
      List<Parsed> result = new ArrayList<>();
      for (ContentFile file : files) {
        result.add(parseOne(file));
      }
      return result;
    }
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread thread = new Thread(r, "dailydl-parse");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<Parsed>> futures = new ArrayList<>();
      for (ContentFile file : files) {
        futures.add(pool.submit(() -> parseOne(file)));
      }
      List<Parsed> result = new ArrayList<>(files.size());
      for (Future<Parsed> future : futures) {
        result.add(future.get());
      }
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while parsing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IOException("parsing failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private Parsed parseOne(ContentFile file) {
    long modified = modifiedTime(file.file());
    ArticleParser.Result result;
    try {
      result = parser.parse(file);
    } catch (RuntimeException e) {
      // one odd file must never stop the run: it is reported like any unreadable file
      result = new ArticleParser.Result(null, List.of(new Problem(file.path(), 0,
          "could not be parsed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
          Problem.Severity.UNREADABLE)));
    }
    progress.fileDone(file.path());
    return new Parsed(file, result.article(), result.problems(), modified);
  }

  private Document document(Parsed p, Map<String, List<String>> anchors) {
    return generator.generate(p.article(), anchors.getOrDefault(p.article().path(), List.of()), p.modified());
  }

  private static List<Anchors.Edge> edgesOf(java.util.Collection<Parsed> parsed) {
    List<Anchors.Edge> edges = new ArrayList<>();
    for (Parsed p : parsed) {
      for (Link link : p.article().links()) {
        if (link.toArticle()) {
          edges.add(new Anchors.Edge(p.article().path(), link.target(), link.text()));
        }
      }
    }
    return edges;
  }

  private static Map<String, String> hashesOf(Map<String, Parsed> articles) {
    Map<String, String> hashes = new TreeMap<>();
    articles.forEach((path, p) -> hashes.put(path, p.article().hash()));
    return hashes;
  }

  private static long modifiedTime(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return -1;
    }
  }

  private static IndexWriterConfig writerConfig(IndexWriterConfig.OpenMode mode) {
    IndexWriterConfig config = new IndexWriterConfig(Analysis.standard().indexAnalyzer());
    config.setOpenMode(mode);
    config.setRAMBufferSizeMB(64);
    return config;
  }

  /** The commit metadata of an index: analysis version, build time, article count, content hash. */
  public static final class IndexMetadata {
    private IndexMetadata() {}

    static Map<String, String> of(Map<String, String> hashesByPath) {
      StringBuilder all = new StringBuilder();
      hashesByPath.forEach((path, hash) -> all.append(path).append('\t').append(hash).append('\n'));
      Map<String, String> meta = new HashMap<>();
      meta.put(Fields.Meta.ANALYSIS_VERSION, Analysis.VERSION);
      meta.put(Fields.Meta.BUILD_TIME, Instant.now().toString());
      meta.put(Fields.Meta.ARTICLE_COUNT, Integer.toString(hashesByPath.size()));
      meta.put(Fields.Meta.CONTENT_HASH, ArticleIds.sha256(all.toString()));
      return meta;
    }

    /** Reads the commit metadata of the index in {@code generation}. */
    public static Map<String, String> read(Path generation) throws IOException {
      try (Directory dir = FSDirectory.open(generation)) {
        return org.apache.lucene.index.SegmentInfos.readLatestCommit(dir).getUserData();
      }
    }
  }
}
