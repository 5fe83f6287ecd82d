package org.dailydl.server.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailydl.indexer.schema.IndexedArticle;

/**
 * The reading order of one index version: notes numbered in their folder (Day01, Day02 …; 03.列表,
 * 04.元组; 10.1, 10.2; chapter05; 63-1, 63-2) form a series, and a table of contents lists notes in
 * the order to read them. Each note gets its previous and next note: from its numbered series when
 * it has one, else from the table of contents nearest to it. Immutable.
 */
public final class Series {
  /** A folder needs this many numbered notes to be a series (two numbers are a coincidence). */
  static final int MIN_NUMBERED = 3;

  /** Where an order came from. */
  public enum Source { NUMBERED, TABLE_OF_CONTENTS }

  /** A note's neighbours in reading order (ids, null at either end). */
  public record Neighbours(String previous, String next, Source source) {}

  /** A note's place in its reading order: the whole order (ids) and its index in it. */
  public record Place(List<String> order, int index, Source source) {
    /** The neighbours {@code steps} away, forward (positive) or back (negative), or null past an end. */
    public String step(int steps) {
      int at = index + steps;
      return at >= 0 && at < order.size() ? order.get(at) : null;
    }

    /** Steps from this note to {@code id} in the order (positive: after it), or 0 if it is not in it. */
    public int stepsTo(String id) {
      int at = order.indexOf(id);
      return at < 0 ? 0 : at - index;
    }

    Neighbours neighbours() {
      return new Neighbours(step(-1), step(1), source);
    }
  }

  private static final Pattern PREFIXED =
      Pattern.compile("^(?:day|chapter|ch|lesson|lecture|part|section|week|lab|第)[\\s_\\-]*(\\d+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern LEADING = Pattern.compile("^(\\d+(?:[.\\-_]\\d+)*)");
  private static final Pattern TRAILING = Pattern.compile("\\D(\\d+)$");

  private final Map<String, Place> places;

  private Series(Map<String, Place> places) {
    this.places = places;
  }

  static Series of(Catalog catalog, LinkGraph links) {
    Map<String, Place> result = new HashMap<>();
    numbered(catalog, result);
    tablesOfContents(catalog, links, result);
    return new Series(result);
  }

  /** Numbered notes of each folder, in number order. */
  private static void numbered(Catalog catalog, Map<String, Place> result) {
    Map<String, List<Numbered>> byFolder = new TreeMap<>();
    for (IndexedArticle a : catalog.articles()) {
      numberOf(a.path()).ifPresent(key -> byFolder.computeIfAbsent(folderOf(a.path()), f -> new ArrayList<>())
          .add(new Numbered(a.id(), a.path(), key)));
    }
    for (List<Numbered> notes : byFolder.values()) {
      if (notes.size() < MIN_NUMBERED) {
        continue;
      }
      notes.sort(Comparator.<Numbered, List<Integer>>comparing(Numbered::key, Series::compareKeys)
          .thenComparing(Numbered::path));
      List<String> order = notes.stream().map(Numbered::id).toList();
      for (int i = 0; i < order.size(); i++) {
        result.put(order.get(i), new Place(order, i, Source.NUMBERED));
      }
    }
  }

  private record Numbered(String id, String path, List<Integer> key) {}

  /**
   * The numbers of a file name that order it among its siblings: leading ({@code 10.2 矩形覆盖},
   * {@code 07.分支}), after a word ({@code Day03}, {@code chapter05}, {@code 第04次}), and a trailing
   * part number ({@code 深入浅出pandas-3}).
   */
  static Optional<List<Integer>> numberOf(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.[A-Za-z0-9]+$", "").strip();
    List<Integer> key = new ArrayList<>();
    Matcher prefixed = PREFIXED.matcher(name);
    Matcher leading = LEADING.matcher(name);
    if (prefixed.find()) {
      key.add(parse(prefixed.group(1)));
    } else if (leading.find()) {
      for (String part : leading.group(1).split("[.\\-_]")) {
        key.add(parse(part));
      }
    }
    String rest = name.substring(key.isEmpty() ? 0 : (prefixed.find(0) ? prefixed.end() : leading.end()));
    Matcher trailing = TRAILING.matcher(rest);
    if (trailing.find() && !rest.isEmpty()) {
      key.add(parse(trailing.group(1)));
    }
    return key.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(key));
  }

  private static int parse(String digits) {
    try {
      return Integer.parseInt(digits.length() > 9 ? digits.substring(0, 9) : digits);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static int compareKeys(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /**
   * Notes without a numbered series take their neighbours from a table of contents that lists
   * them: the one in their own folder first, else the nearest up the tree, else any.
   */
  private static void tablesOfContents(Catalog catalog, LinkGraph links, Map<String, Place> result) {
    Map<String, Integer> bestDistance = new HashMap<>();
    Map<String, Place> fromTables = new HashMap<>();
    for (IndexedArticle toc : catalog.articles()) {
      if (!links.isListing(toc.id())) {
        continue;
      }
      String tocFolder = folderOf(toc.path());
      List<String> order = links.outgoing(toc.id()).stream().map(LinkGraph.Edge::target).distinct().toList();
      for (int at = 0; at < order.size(); at++) {
        String id = order.get(at);
        IndexedArticle note = catalog.byId(id).orElse(null);
        if (note == null || id.equals(toc.id()) || result.containsKey(id)) {
          continue;
        }
        int distance = distance(folderOf(note.path()), tocFolder);
        if (distance < bestDistance.getOrDefault(id, Integer.MAX_VALUE)) {
          bestDistance.put(id, distance);
          fromTables.put(id, new Place(order, at, Source.TABLE_OF_CONTENTS));
        }
      }
    }
    result.putAll(fromTables);
  }

  /** Folder steps between a note's folder and a table of contents' folder (its own first, then up). */
  private static int distance(String folder, String tocFolder) {
    if (folder.equals(tocFolder)) {
      return 0;
    }
    if (tocFolder.isEmpty() || folder.startsWith(tocFolder + "/")) {
      return 1 + (int) folder.substring(tocFolder.length()).chars().filter(c -> c == '/').count();
    }
    return 100;
  }

  static String folderOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** The note's neighbours in reading order, if it has any. */
  public Optional<Neighbours> of(String id) {
    return place(id).map(Place::neighbours);
  }

  /** The note's place in its reading order, if it has one. */
  public Optional<Place> place(String id) {
    return Optional.ofNullable(places.get(id));
  }

  /** Whether {@code other} comes right after {@code id}. */
  public boolean isNext(String id, String other) {
    Place p = places.get(id);
    return p != null && other.equals(p.step(1));
  }

  /** Whether {@code other} comes right before {@code id}. */
  public boolean isPrevious(String id, String other) {
    Place p = places.get(id);
    return p != null && other.equals(p.step(-1));
  }
}
