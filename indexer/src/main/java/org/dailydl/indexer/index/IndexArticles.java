package org.dailydl.indexer.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.analysis.Analysis;
import org.dailydl.indexer.collection.ContentWalker;
import org.dailydl.indexer.index.ParseStage.ParsedFile;
import org.dailydl.indexer.schema.ArticleSchema;
import org.dailydl.indexer.schema.IndexMeta;
import org.dailydl.indexer.schema.IndexedArticle;

/**
 * Indexes a content folder in three steps: <b>plan</b> (walk the folder, compare it with the index:
 * {@link IndexPlan}), <b>change set</b> (parse what may have changed and decide what to write, keep
 * and remove, with anchor text: {@link ChangeSet}) and <b>write</b> (one Lucene commit).
 *
 * <p>A <b>full</b> build writes a fresh generation and switches to it atomically (see {@link
 * IndexLocation}); it runs when there is no index, when asked, or when the index was built with
 * another analysis version. Otherwise an <b>update</b> re-indexes only files whose size, time and
 * content hash changed (plus articles whose inbound anchor text changed) and removes deleted ones.
 * Not thread-safe: one run at a time per index folder.
 */
public final class IndexArticles {
  /**
   * A full build of at most this many articles is merged into one segment before it is committed:
   * a query pays its clauses' set-up (term lookup, postings) once per segment, and that set-up is
   * most of a query's cost on an index of this size. Merging 10,000 articles takes about 7 s.
   */
  static final int MERGE_INTO_ONE_UP_TO = 20_000;

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
  private final ArticleSchema schema;
  private final IndexLocation location;
  private final ParseStage parser;
  private final DecodedCommits decoded;

  /**
   * The articles of an index commit that a caller has already decoded (a server holds its served
   * version's catalog), so an update compares the folder with them instead of decoding every stored
   * document again: at 10,000 articles that decoding is most of a run that finds nothing changed.
   */
  @FunctionalInterface
  public interface DecodedCommits {
    DecodedCommits NONE = (generation, commit) -> Optional.empty();

    /**
     * The articles of commit {@code commit} (its {@link org.apache.lucene.index.IndexCommit#getGeneration()})
     * of the generation folder {@code generation}, exactly as {@link ArticleSchema#read} gives them,
     * or empty when the caller does not hold that commit.
     */
    Optional<List<IndexedArticle>> articlesOf(Path generation, long commit);
  }

  public IndexArticles(Options options, ProgressListener progress) {
    this(options, progress, new ArticleSchema(), DecodedCommits.NONE);
  }

  /** With the articles of commits the caller has decoded already (see {@link DecodedCommits}). */
  public IndexArticles(Options options, ProgressListener progress, DecodedCommits decoded) {
    this(options, progress, new ArticleSchema(), decoded);
  }

  /** With a custom schema writer (tests use one that fails mid-build). */
  public IndexArticles(Options options, ProgressListener progress, ArticleSchema schema) {
    this(options, progress, schema, DecodedCommits.NONE);
  }

  private IndexArticles(Options options, ProgressListener progress, ArticleSchema schema, DecodedCommits decoded) {
    this.options = options;
    this.progress = Objects.requireNonNull(progress);
    this.schema = Objects.requireNonNull(schema);
    this.decoded = Objects.requireNonNull(decoded);
    this.location = new IndexLocation(options.indexDir());
    this.parser = new ParseStage(options.contentDir(), progress);
  }

  /** Runs a full build or an update, whichever the index needs. */
  public IndexReport run() throws IOException {
    long start = System.nanoTime();
    ContentWalker.Result walk =
        new ContentWalker(options.contentDir(), options.maxBytes(), options.indexDir()).walk();
    Optional<Path> current = options.full() || location.rebuildInterrupted() ? Optional.empty() : usableCurrent();
    IndexPlan plan = current.isPresent()
        ? IndexPlan.update(walk.files(), readStored(current.get()))
        : IndexPlan.full(walk.files());
    if (plan.full()) {
      // marks the rebuild as under way from its start: a process killed at any point before the
      // switch (parsing included) resumes it on its next run
      location.markRebuilding();
    }
    ChangeSet changes = ChangeSet.of(plan, parser.parseAll(plan.toParse()));
    changes.rewrite(parser.parseAll(changes.staleAnchors()));
    if (plan.full()) {
      writeGeneration(changes);
    } else if (!changes.isEmpty()) {
      applyUpdate(current.get(), changes);
    }
    progress.finish();
    return report(walk, plan, changes, (System.nanoTime() - start) / 1_000_000);
  }

  /** The live generation when it can be updated in place: same analysis version, readable. */
  private Optional<Path> usableCurrent() throws IOException {
    Optional<Path> current = location.current();
    if (current.isPresent() && !IndexMeta.read(current.get()).matchesAnalysis()) {
      return Optional.empty();
    }
    return current;
  }

  private Map<String, IndexedArticle> readStored(Path generation) throws IOException {
    Map<String, IndexedArticle> stored = new TreeMap<>();
    try (Directory dir = FSDirectory.open(generation); DirectoryReader reader = DirectoryReader.open(dir)) {
      Optional<List<IndexedArticle>> known = decoded.articlesOf(generation, reader.getIndexCommit().getGeneration());
      (known.isPresent() ? known.get() : ArticleSchema.read(reader)).forEach(a -> stored.put(a.path(), a));
    }
    return stored;
  }

  /** Writes every article to a fresh generation and switches to it. */
  private void writeGeneration(ChangeSet changes) throws IOException {
    Path generation = location.newGeneration();
    try (Directory dir = FSDirectory.open(generation);
        IndexWriter writer = new IndexWriter(dir, writerConfig(IndexWriterConfig.OpenMode.CREATE))) {
      // analysis is most of indexing: documents are built and analysed on all cores, each thread
      // in its own buffer of the one IndexWriter (doc ids do not matter: ties break by path)
      Parallel.map(List.copyOf(changes.written().values()), "dailydl-write",
          p -> writer.addDocument(document(p, changes)));
      if (changes.written().size() <= MERGE_INTO_ONE_UP_TO) {
        writer.forceMerge(1);
      }
      commit(writer, changes);
    } catch (IOException | RuntimeException | Error e) {
      IndexLocation.deleteRecursively(generation);
      throw e;
    }
    location.switchTo(generation);
    location.clearRebuilding();
  }

  /** Removes, replaces and adds documents in the live generation, in one commit. */
  private void applyUpdate(Path generation, ChangeSet changes) throws IOException {
    try (Directory dir = FSDirectory.open(generation);
        IndexWriter writer = new IndexWriter(dir, writerConfig(IndexWriterConfig.OpenMode.APPEND))) {
      for (String path : changes.removed()) {
        writer.deleteDocuments(new Term(Fields.PATH, path));
      }
      Parallel.map(List.copyOf(changes.written().values()), "dailydl-write",
          p -> writer.updateDocument(new Term(Fields.PATH, p.article().path()), document(p, changes)));
      commit(writer, changes);
    }
  }

  private static void commit(IndexWriter writer, ChangeSet changes) throws IOException {
    writer.setLiveCommitData(IndexMeta.of(changes.hashes()).toUserData().entrySet());
    writer.commit();
  }

  private Document document(ParsedFile p, ChangeSet changes) {
    return schema.write(p.article(), changes.anchorsOf(p.article().path()), p.modified(), p.modifiedTrusted());
  }

  private IndexReport report(ContentWalker.Result walk, IndexPlan plan, ChangeSet changes, long millis) {
    IndexReport.Builder report = new IndexReport.Builder(walk);
    report.problems(changes.problems());
    report.brokenLinks(new ReferenceCheck(parser.resolver()).check(changes.kept().values(),
        changes.written().values().stream().map(ParsedFile::article).toList()));
    String mode = plan.full() ? "full" : changes.isEmpty() ? "unchanged" : "update";
    report.counts(mode, changes.size(), changes.written().size(), changes.removed().size());
    return report.build(millis);
  }

  private static IndexWriterConfig writerConfig(IndexWriterConfig.OpenMode mode) {
    IndexWriterConfig config = new IndexWriterConfig(Analysis.standard().indexAnalyzer());
    config.setOpenMode(mode);
    // a run that fails half-way (a full disk, a read-only folder, a parser error) commits nothing:
    // the index stays at its last complete commit
    config.setCommitOnClose(false);
    config.setRAMBufferSizeMB(64);
    return config;
  }
}
