package org.dailydl.server.terms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.TermVectors;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.indexer.analysis.GlossarySections;
import org.dailydl.indexer.cli.Locations;
import org.dailydl.indexer.schema.IndexedArticle;
import org.dailydl.server.corpus.TermStatistics;
import org.dailydl.server.index.IndexHandle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code terms}: writes the terminology page of the content folder from the glossary search uses. */
@Command(
    name = "terms",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the terminology page: every group of terms of the search's glossary (and of the folder's "
          + Glossary.USER_FILE + ") with its Chinese and English names, abbreviation and the article that explains it.",
      "The index is built or updated first (article titles and headings come from it)."
    })
public final class TermsCommand implements Callable<Integer> {
  /** Exit code of {@code --check} when the page is missing or out of date. */
  public static final int EXIT_OUT_OF_DATE = 1;

  @Mixin Locations locations;

  @Option(names = "--out", paramLabel = "FILE",
      description = "The page to write (default: " + TerminologyPage.DEFAULT_PATH + " in the content folder); it must be inside the content folder.")
  Path out;

  @Option(names = "--check", description = "Write nothing; exit with code 1 when the page is missing or differs from what would be written.")
  boolean check;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path content = locations.content.toAbsolutePath().normalize();
    Path page = (out == null ? content.resolve(TerminologyPage.DEFAULT_PATH) : out).toAbsolutePath().normalize();
    if (!page.startsWith(content) || page.equals(content)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--out must be a file inside the content folder " + content);
    }
    String pagePath = content.relativize(page).toString().replace('\\', '/');
    String markdown;
    try (IndexHandle handle = IndexHandle.open(content, locations.index)) {
      markdown = render(handle, pagePath);
    }
    var stdout = spec.commandLine().getOut();
    if (check) {
      boolean same = Files.isRegularFile(page) && Files.readString(page, StandardCharsets.UTF_8).equals(markdown);
      stdout.println(same ? pagePath + " is up to date" : pagePath + " is out of date: run dailydl terms to rewrite it");
      stdout.flush();
      return same ? 0 : EXIT_OUT_OF_DATE;
    }
    Files.createDirectories(page.getParent());
    Files.writeString(page, markdown, StandardCharsets.UTF_8);
    stdout.println("wrote " + pagePath);
    stdout.flush();
    return 0;
  }

  /** The page at {@code pagePath} for the content folder of an open index. */
  public static String render(IndexHandle handle, String pagePath) throws IOException {
    Glossary glossary = Glossary.forContent(handle.contentDir());
    List<GlossarySections.Section> sections = GlossarySections.forContent(handle.contentDir());
    try (IndexHandle.Lease lease = handle.acquire()) {
      List<IndexedArticle> articles = lease.corpus().catalog().articles();
      return TerminologyPage.render(sections, glossary, articles, mentions(lease.searcher().getIndexReader(), articles),
          pagePath);
    }
  }

  /** Per article id, how often it mentions each concept: the counts the index keeps for keywords. */
  static Map<String, Map<String, Integer>> mentions(IndexReader reader, List<IndexedArticle> articles) throws IOException {
    TermVectors vectors = reader.termVectors();
    Map<String, Map<String, Integer>> mentions = new HashMap<>();
    for (IndexedArticle a : articles) {
      mentions.put(a.id(), TermStatistics.conceptCounts(vectors, a.doc()));
    }
    return mentions;
  }
}
