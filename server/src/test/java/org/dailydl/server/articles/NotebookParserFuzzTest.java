package org.dailydl.server.articles;

import org.dailydl.server.FuzzText;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.dailydl.indexer.collection.NotebookArticleParser;
import org.dailydl.indexer.collection.NotebookArticleParser.MalformedNotebookException;

/**
 * Fuzzes the notebook parser: {@code parse} and {@code toMarkdown} either succeed or throw
 * {@link MalformedNotebookException} with a message; nothing else escapes. What {@code toMarkdown}
 * returns goes on to the renderer in the server, so it must render safely too. Seeds (shared by both
 * methods) in {@code NotebookParserFuzzTestInputs/}.
 */
public class NotebookParserFuzzTest {
  static final NotebookArticleParser PARSER = new NotebookArticleParser();

  @FuzzTest(maxDuration = "2m")
  void parse_throws_only_malformed_notebook(byte[] data) {
    for (String json : FuzzText.variants(data)) {
      checkParse(json);
    }
  }

  @FuzzTest(maxDuration = "2m")
  void to_markdown_throws_only_malformed_notebook_and_renders_safely(byte[] data) {
    for (String json : FuzzText.variants(data)) {
      checkToMarkdown(json);
    }
  }

  public static void checkParse(String json) {
    try {
      NotebookArticleParser.Cells cells = PARSER.parse(json);
      assertThat(cells.markdown()).isNotNull();
      assertThat(cells.code()).isNotNull();
    } catch (MalformedNotebookException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  public static void checkToMarkdown(String json) {
    String markdown;
    try {
      markdown = PARSER.toMarkdown(json);
    } catch (MalformedNotebookException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(markdown).isNotNull();
    MarkdownRendererFuzzTest.assertSafe(markdown, MarkdownRendererFuzzTest.RENDERER.render(markdown, "a.ipynb",
        href -> null, path -> null));
  }
}
