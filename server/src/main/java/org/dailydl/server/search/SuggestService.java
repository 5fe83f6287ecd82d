package org.dailydl.server.search;

import com.fasterxml.jackson.annotation.JsonValue;
import io.javalin.openapi.OpenApiName;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.indexer.collection.Article;
import org.dailydl.indexer.schema.IndexedArticle;
import org.dailydl.server.corpus.CorpusSnapshot;
import org.dailydl.server.corpus.PerSnapshot;
import org.dailydl.server.index.IndexHandle;

/**
 * Search-as-you-type completions over article titles and headings. Prefix matches rank before
 * infix ones (Chinese readers often type the middle of a term), titles before headings, short
 * before long. The candidate list is built once per index version. Thread-safe.
 */
public final class SuggestService {

  /** A completion: the text to show, and the article (and heading anchor text) it leads to. */
  public record Suggestion(String text, Kind kind, String id, String path, String title) {}

  /** What a completion completes: an article's title, or one of its headings. */
  @OpenApiName("SuggestionKind")
  public enum Kind {
    TITLE, HEADING;

    @JsonValue
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The answer of {@code GET /api/suggest}: the text completed, and its completions, best first. */
  public record Suggestions(String query, List<Suggestion> suggestions) {}

  /** Precomputed candidates of one index version. */
  private record Candidates(List<Candidate> list) {}

  private record Candidate(String text, String normalized, boolean title, IndexedArticle article) {}

  private final IndexHandle index;
  private final PerSnapshot<Candidates> candidates = new PerSnapshot<>(SuggestService::candidates);

  public SuggestService(IndexHandle index) {
    this.index = Objects.requireNonNull(index);
  }

  public List<Suggestion> suggest(String prefix, int size) throws IOException {
    String q = Glossary.normalize(prefix);
    if (q.isEmpty()) {
      return List.of();
    }
    try (IndexHandle.Lease lease = index.acquire()) {
      List<Candidate> matches = new ArrayList<>();
      for (Candidate c : candidates.get(lease.corpus()).list()) {
        if (c.normalized().contains(q)) {
          matches.add(c);
        }
      }
      matches.sort(Comparator.comparing((Candidate c) -> !c.normalized().startsWith(q))
          .thenComparing(c -> !c.title())
          .thenComparingInt(c -> c.text().length())
          .thenComparing(Candidate::text));
      Map<String, Suggestion> unique = new LinkedHashMap<>();
      for (Candidate c : matches) {
        if (unique.size() >= size) {
          break;
        }
        unique.putIfAbsent(c.normalized() + "\u0000" + c.article().id(), new Suggestion(c.text(),
            c.title() ? Kind.TITLE : Kind.HEADING, c.article().id(), c.article().path(), c.article().title()));
      }
      return List.copyOf(unique.values());
    }
  }

  private static Candidates candidates(CorpusSnapshot snapshot) {
    List<Candidate> list = new ArrayList<>();
    for (IndexedArticle a : snapshot.catalog().articles()) {
      list.add(new Candidate(a.title(), Glossary.normalize(a.title()), true, a));
      for (Article.Heading h : a.outline()) {
        if (!h.text().equals(a.title())) {
          list.add(new Candidate(h.text(), Glossary.normalize(h.text()), false, a));
        }
      }
    }
    return new Candidates(List.copyOf(list));
  }
}
