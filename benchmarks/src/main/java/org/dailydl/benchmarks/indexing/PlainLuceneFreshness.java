package org.dailydl.benchmarks.indexing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.store.ByteBuffersDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Plain Lucene's floor for freshness (benchmarks/scripts/freshness.sh): a smartcn index of the
 * folder's Markdown files as they are (path and text, in memory), then per edit a note's text with a
 * new word appended, {@code updateDocument}, an NRT reopen and a search for the word. No file
 * watching, no parsing: what remains is Lucene's own cost of making one change searchable.
 */
@Command(name = "plain-lucene-freshness", mixinStandardHelpOptions = true)
public final class PlainLuceneFreshness implements Callable<Integer> {
  @Option(names = "--content", required = true) Path content;
  @Option(names = "--edits", defaultValue = "20") int edits;

  public static void main(String[] args) {
    System.exit(new CommandLine(new PlainLuceneFreshness()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    List<Path> notes;
    try (Stream<Path> files = Files.walk(content)) {
      notes = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
      for (Path note : notes) {
        writer.addDocument(doc(note, Files.readString(note, StandardCharsets.UTF_8)));
      }
      writer.commit();
      DirectoryReader reader = DirectoryReader.open(writer);
      Random random = new Random(7);
      long[] millis = new long[edits];
      for (int i = 0; i < edits; i++) {
        Path note = notes.get(random.nextInt(notes.size()));
        StringBuilder word = new StringBuilder("fresh");
        for (int c = 0; c < 8; c++) {
          word.append((char) ('a' + random.nextInt(26)));
        }
        long start = System.nanoTime();
        writer.updateDocument(new Term("path", content.relativize(note).toString()),
            doc(note, Files.readString(note, StandardCharsets.UTF_8) + "\n新加的一句：" + word + "。\n"));
        DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
        if (newer != null) {
          reader.close();
          reader = newer;
        }
        // the word as smartcn indexes it (its Porter stemmer turns a trailing y into i)
        Query query = new QueryBuilder(analyzer).createBooleanQuery("body", word.toString());
        if (new IndexSearcher(reader).count(query) != 1) {
          throw new IllegalStateException(word + " not found after the reopen");
        }
        millis[i] = (System.nanoTime() - start) / 1_000_000;
      }
      reader.close();
      Arrays.sort(millis);
      System.out.printf("plain Lucene (updateDocument + NRT reopen, smartcn, %d notes in memory): %d edits, "
          + "searchable after p50 %d ms, max %d ms%n", notes.size(), edits, millis[(edits - 1) / 2], millis[edits - 1]);
    }
    return 0;
  }

  private Document doc(Path note, String text) {
    Document doc = new Document();
    doc.add(new StringField("path", content.relativize(note).toString(), Field.Store.YES));
    doc.add(new TextField("body", text, Field.Store.NO));
    return doc;
  }
}
