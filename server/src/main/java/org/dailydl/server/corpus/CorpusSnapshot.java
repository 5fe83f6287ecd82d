package org.dailydl.server.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexReader;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.indexer.schema.DecodedSegments;
import org.dailydl.indexer.schema.IndexMeta;

/**
 * One version of the knowledge base as the server sees it: the reader it was opened on, its
 * commit metadata, the catalog of articles, the link graph, term statistics and keywords, topics,
 * and the passage vectors of semantic search. Everything but the catalog is computed on first use,
 * once (concurrent callers wait for the one computation), and dropped with the snapshot when the
 * index changes. Search, related articles, the graph and articles depend on this and on the
 * indexer only. Thread-safe.
 */
public final class CorpusSnapshot {
  private final long number;
  private final IndexReader reader;
  private final IndexMeta meta;
  private final Catalog catalog;
  private final Supplier<Optional<PassageVectors>> passages;
  private final Glossary glossary;
  private final Lazy<LinkGraph> links;
  private final Lazy<TermStatistics> terms;
  private final Lazy<Topics> topics;
  private final Lazy<Series> series;

  /**
   * @param number increases by one with every index version the server serves
   * @param reader the reader of this version (valid while a searcher of it is held)
   * @param passages the passage vectors currently loaded (they follow the lexical index), if any
   * @param segments the articles of segments earlier versions decoded (a version decodes only its new ones)
   */
  public CorpusSnapshot(long number, IndexReader reader, IndexMeta meta, Glossary glossary,
      Supplier<Optional<PassageVectors>> passages, DecodedSegments segments) {
    this.number = number;
    this.reader = Objects.requireNonNull(reader);
    this.meta = Objects.requireNonNull(meta);
    this.passages = Objects.requireNonNull(passages);
    this.glossary = Objects.requireNonNull(glossary);
    try {
      this.catalog = new Catalog(segments.read(reader), reader.maxDoc());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.links = new Lazy<>(() -> new LinkGraph(catalog));
    this.terms = new Lazy<>(() -> TermStatistics.of(catalog, reader, glossary, TermWeighting.DEFAULT));
    this.topics = new Lazy<>(() -> Topics.of(catalog, terms()));
    this.series = new Lazy<>(() -> Series.of(catalog, links()));
  }

  public long number() {
    return number;
  }

  /** The reader this version was opened on (valid while a searcher of the version is held). */
  public IndexReader reader() {
    return reader;
  }

  public IndexMeta meta() {
    return meta;
  }

  /** The glossary of this knowledge base (built in, plus the author's terms). */
  public Glossary glossary() {
    return glossary;
  }

  public Catalog catalog() {
    return catalog;
  }

  public LinkGraph links() {
    return links.get();
  }

  public TermStatistics terms() {
    return terms.get();
  }

  public Topics topics() {
    return topics.get();
  }

  /** The reading order: numbered series and tables of contents. */
  public Series series() {
    return series.get();
  }

  /**
   * Computes now what related articles, keywords, topics and the graph derive from this version
   * (otherwise the first request needing each pays for it: seconds at 10,000 articles).
   */
  public void warm() {
    warm(() -> true);
  }

  /**
   * Like {@link #warm()}, stopping between steps once {@code wanted} turns false (a newer version
   * is served: this one's data would be computed for nobody); returns whether all was computed.
   */
  public boolean warm(BooleanSupplier wanted) {
    for (Runnable step : List.<Runnable>of(this::links, this::terms, this::series, this::topics)) {
      if (!wanted.getAsBoolean()) {
        return false;
      }
      step.run();
    }
    return true;
  }

  /** Whether everything {@link #warm()} computes has been computed. */
  public boolean isWarm() {
    return links.isComputed() && terms.isComputed() && series.isComputed() && topics.isComputed();
  }

  /** The passage vectors of semantic search, once they have been computed; empty before. */
  public Optional<PassageVectors> passages() {
    return passages.get();
  }
}
