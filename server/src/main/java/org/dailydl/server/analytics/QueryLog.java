package org.dailydl.server.analytics;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.dailydl.server.search.SearchService;

/**
 * What readers search for, for the authors ({@code serve --query-log FILE}): each search's query
 * text, the hour it happened in, and how many results it had, and which results were opened from
 * the page. Nothing that identifies a reader is kept: no address, no request id, no session, no
 * exact time; an open is tied to its query's text only. Events are appended to the file as JSON
 * lines and summed in memory ({@link QueryStats}); a restart reads the file back.
 *
 * <p>The page searches as the reader types, so "tra", "transfo", "transformer" arrive within a
 * second: a search that a longer query extending it follows within {@link #TYPING_WINDOW} is
 * dropped as typing, and only the query the reader stopped at is counted. Thread-safe.
 */
public final class QueryLog implements Closeable {
  static final Duration TYPING_WINDOW = Duration.ofSeconds(5);
  static final int MAX_QUERY = 256;

  private record Pending(String query, long results, Instant at) {}

  private final QueryLogFile file;
  private final QueryStats stats;
  private final Clock clock;
  private final Deque<Pending> pending = new ArrayDeque<>();

  private QueryLog(QueryLogFile file, QueryStats stats, Clock clock) {
    this.file = file;
    this.stats = stats;
    this.clock = clock;
  }

  /** A log that records nothing ({@link #enabled()} is false). */
  public static QueryLog disabled() {
    return new QueryLog(null, new QueryStats(), Clock.systemUTC());
  }

  /** Records into {@code file} (created when missing), after reading back what it holds. */
  public static QueryLog open(Path file) throws IOException {
    return open(file, Clock.systemUTC());
  }

  static QueryLog open(Path file, Clock clock) throws IOException {
    QueryStats stats = new QueryStats();
    QueryLogFile log = QueryLogFile.open(Objects.requireNonNull(file), stats);
    return new QueryLog(log, stats, clock);
  }

  public boolean enabled() {
    return file != null;
  }

  /** {@code search}, with the first page of every search it answers recorded here (when enabled). */
  public SearchService observe(SearchService search) {
    if (!enabled()) {
      return search;
    }
    return new SearchService() {
      @Override
      public org.dailydl.server.search.SearchResult search(org.dailydl.server.search.SearchRequest request)
          throws IOException, org.dailydl.server.search.InvalidQueryException {
        var result = search.search(request);
        if (request.page() == 1) {
          searched(request.query(), result.total());
        }
        return result;
      }

      @Override
      public Optional<com.github.benmanes.caffeine.cache.Cache<?, ?>> resultCache() {
        return search.resultCache();
      }
    };
  }

  /** The form queries are counted under: Unicode-normalised (NFKC), spaces collapsed, lower case. */
  static String normalise(String query) {
    String text = Normalizer.normalize(query, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ")
        .toLowerCase(Locale.ROOT);
    return text.length() > MAX_QUERY ? text.substring(0, MAX_QUERY) : text;
  }

  /** Records one search (the first page of it). */
  public void searched(String query, long results) {
    if (!enabled()) {
      return;
    }
    String text = normalise(query);
    if (text.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    synchronized (this) {
      commitOlderThan(now.minus(TYPING_WINDOW));
      // a query that extends one just searched means the reader was still typing that one
      pending.removeIf(p -> text.length() > p.query().length() && text.startsWith(p.query()));
      pending.addLast(new Pending(text, results, now));
    }
  }

  /** Records that a result of {@code query} was opened. */
  public void opened(String query, String path) {
    if (!enabled()) {
      return;
    }
    String text = normalise(query);
    if (!text.isEmpty()) {
      record(new QueryStats.Event(QueryStats.Kind.OPEN, hour(clock.instant()), text, 0, path));
    }
  }

  /** The summary for authors, of everything recorded until now (searches still typed excluded). */
  public synchronized QueryStats.Report report(int limit) {
    commitOlderThan(clock.instant().minus(TYPING_WINDOW));
    return stats.report(limit);
  }

  private void commitOlderThan(Instant limit) {
    for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
      Pending p = it.next();
      if (p.at().isBefore(limit) || limit == Instant.MAX) {
        it.remove();
        record(new QueryStats.Event(QueryStats.Kind.SEARCH, hour(p.at()), p.query(), p.results(), null));
      }
    }
  }

  private void record(QueryStats.Event event) {
    stats.add(event);
    file.append(event);
  }

  /** The hour an event happened in: the only time kept. */
  static String hour(Instant at) {
    return at.truncatedTo(ChronoUnit.HOURS).toString();
  }

  @Override
  public synchronized void close() throws IOException {
    if (file != null) {
      commitOlderThan(Instant.MAX);
      file.close();
    }
  }
}
