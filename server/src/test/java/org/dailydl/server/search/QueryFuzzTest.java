package org.dailydl.server.search;

import org.dailydl.server.FuzzText;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dailydl.indexer.analysis.Analysis;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.SharedCorpus;
import org.dailydl.server.search.InvalidQueryException;
import org.dailydl.server.search.QueryBuilder;
import org.dailydl.server.search.SearchRequest;
import org.dailydl.server.search.SearchResult;
import org.dailydl.server.search.SearchService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fuzzes query building and search. Building a plain-text query never throws; a full search on a
 * small temporary index throws nothing but {@link InvalidQueryException}, and that only for
 * {@code syntax=lucene}. In a normal {@code mvn test} Jazzer replays the seeds in
 * {@code QueryFuzzTestInputs/} (regression mode); {@code JAZZER_FUZZ=1} fuzzes.
 */
public class QueryFuzzTest {
  static final QueryBuilder BUILDER = new QueryBuilder(Analysis.standard(), Glossary.builtIn());
  @RegisterExtension static final SharedCorpus index = SharedCorpus.fixtures();
  static SearchService search;

  @BeforeAll
  static void open() throws IOException {
    search = SearchService.create(index.handle(), index.glossary());
  }

  @FuzzTest(maxDuration = "2m")
  void query_builder_never_throws(byte[] data) {
    for (String text : FuzzText.variants(data)) {
      checkBuild(text);
    }
  }

  @FuzzTest(maxDuration = "2m")
  void search_throws_only_invalid_query_for_lucene_syntax(byte[] data) throws IOException {
    for (String text : FuzzText.variants(data)) {
      checkSearch(search, text);
    }
  }

  public static void checkBuild(String text) {
    QueryBuilder.Built built = BUILDER.build(text);
    assertThat(built).isNotNull();
    if (!built.isEmpty()) {
      assertThat(built.strict()).isNotNull();
      assertThat(built.relaxed()).isNotNull();
    }
  }

  /** As the controller calls it: at most 256 characters, as plain text and in Lucene syntax. */
  public static void checkSearch(SearchService search, String text) throws IOException {
    String q = FuzzText.truncate(text, SearchRequest.MAX_QUERY_LENGTH);
    for (boolean lucene : new boolean[] {false, true}) {
      try {
        SearchResult result = search.search(new SearchRequest(q, 1, 10, null, null, lucene));
        assertThat(result.hits()).isNotNull();
        assertThat(result.total()).isNotNegative();
      } catch (InvalidQueryException e) {
        if (!lucene) {
          throw new AssertionError("a plain-text query was rejected: " + e.getMessage(), e);
        }
        assertThat(e.getMessage()).isNotBlank();
      }
    }
  }
}
