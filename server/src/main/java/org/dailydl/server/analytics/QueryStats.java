package org.dailydl.server.analytics;

import io.javalin.openapi.OpenApiName;
import io.javalin.openapi.OpenApiNullable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Query log events summed per query: how often it was searched, with how many results the last
 * time, how many of those searches found nothing, how often a result of it was opened. At most
 * {@link #MAX_QUERIES} distinct queries are kept; events of further ones are counted as dropped.
 * Thread-safe.
 */
final class QueryStats {
  static final int MAX_QUERIES = 50_000;

  enum Kind { SEARCH, OPEN }

  /** One event as logged: {@code results} for searches, {@code path} for opens. */
  record Event(Kind kind, String hour, String query, long results, String path) {}

  /** One query in a report. */
  record QueryCount(String query, long searches, long results, long zeroResultSearches, long opens, String lastHour) {}

  /**
   * The summary for authors.
   *
   * @param since the hour of the oldest event, or null when there is none
   * @param opensReported whether the page reported any opened result (without, "never opened" says little)
   * @param top the most searched queries
   * @param zeroResults queries whose last search found nothing, most searched first
   * @param neverOpened queries with results of which no result was ever opened, most searched first
   */
  @OpenApiName("QueryReport")
  record Report(@OpenApiNullable String since, long searches, long distinctQueries, long opens, boolean opensReported, long dropped,
      List<QueryCount> top, List<QueryCount> zeroResults, List<QueryCount> neverOpened) {}

  private static final class Counts {
    long searches;
    long lastResults;
    long zero;
    long opens;
    String lastHour;

    QueryCount view(String query) {
      return new QueryCount(query, searches, lastResults, zero, opens, lastHour);
    }
  }

  private final Map<String, Counts> byQuery = new HashMap<>();
  private long searches;
  private long opens;
  private long dropped;
  private String since;

  synchronized void add(Event event) {
    Counts counts = byQuery.get(event.query());
    if (counts == null) {
      if (byQuery.size() >= MAX_QUERIES) {
        dropped++;
        return;
      }
      counts = new Counts();
      byQuery.put(event.query(), counts);
    }
    if (since == null || event.hour().compareTo(since) < 0) {
      since = event.hour();
    }
    if (counts.lastHour == null || event.hour().compareTo(counts.lastHour) >= 0) {
      counts.lastHour = event.hour();
    }
    if (event.kind() == Kind.SEARCH) {
      searches++;
      counts.searches++;
      counts.lastResults = event.results();
      if (event.results() == 0) {
        counts.zero++;
      }
    } else {
      opens++;
      counts.opens++;
    }
  }

  synchronized Report report(int limit) {
    List<QueryCount> all = new ArrayList<>();
    byQuery.forEach((query, counts) -> {
      if (counts.searches > 0) {
        all.add(counts.view(query));
      }
    });
    Comparator<QueryCount> mostSearched = Comparator.comparingLong(QueryCount::searches).reversed()
        .thenComparing(QueryCount::query);
    all.sort(mostSearched);
    return new Report(since, searches, all.size(), opens, opens > 0, dropped, first(all, q -> true, limit),
        first(all, q -> q.results() == 0, limit), first(all, q -> q.results() > 0 && q.opens() == 0, limit));
  }

  private static List<QueryCount> first(List<QueryCount> sorted, Predicate<QueryCount> keep, int limit) {
    return sorted.stream().filter(keep).limit(limit).toList();
  }
}
