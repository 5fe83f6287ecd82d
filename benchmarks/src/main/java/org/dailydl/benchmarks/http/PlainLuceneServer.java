package org.dailydl.benchmarks.http;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.dailydl.benchmarks.indexing.ParsedCorpus;
import org.dailydl.benchmarks.relevance.LuceneBaselines;
import org.dailydl.indexer.embedding.Embedder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The yardstick of the HTTP load benchmarks: plain Lucene behind the same HTTP stack as the
 * service (Javalin on Jetty, JSON by Jackson). The content folder's parsed titles and bodies are
 * indexed in memory with SmartChineseAnalyzer; {@code GET /api/search?q=&size=} answers BM25 over
 * title and body (OR), the top hits' paths and titles, and the total. With {@code --embed} each
 * request also embeds its query (bge-small-zh, as hybrid search does), the floor of hybrid cost.
 *
 * <pre>java -cp server/target/dailydl.jar:benchmarks/target/benchmarks.jar \
 *     org.dailydl.benchmarks.http.PlainLuceneServer --content content --port 7081 [--embed]</pre>
 */
@Command(name = "plain-lucene-server", mixinStandardHelpOptions = true,
    description = "Plain Lucene smartcn BM25 search over HTTP, for load tests beside the service.")
public final class PlainLuceneServer implements Callable<Integer> {
  @Option(names = "--content", required = true) Path content;
  @Option(names = "--port", defaultValue = "7081") int port;
  @Option(names = "--embed", description = "also embed each query (the cost floor of hybrid search)") boolean embed;

  public static void main(String[] args) {
    int code = new CommandLine(new PlainLuceneServer()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() throws Exception {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    LuceneBaselines.index(ParsedCorpus.load(content).articles(), new SmartChineseAnalyzer(), dir);
    IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(dir));
    QueryBuilder parser = new QueryBuilder(new SmartChineseAnalyzer());
    Embedder embedder = embed ? Embedder.load(Files.createTempDirectory("plain-lucene-native")) : null;
    Javalin app = Javalin.create(config -> config.showJavalinBanner = false);
    app.get("/health", ctx -> ctx.result("ok"));
    app.get("/api/search", ctx -> {
      String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
      int size = ctx.queryParamAsClass("size", Integer.class).getOrDefault(10);
      if (embedder != null) {
        embedder.embedQuery(q, false);
      }
      ctx.json(search(searcher, parser, q, size));
    });
    app.start("127.0.0.1", port);
    System.out.println("plain Lucene serving " + content + " on " + port);
    Thread.currentThread().join();
    return 0;
  }

  private static Map<String, Object> search(IndexSearcher searcher, QueryBuilder parser, String text, int size)
      throws Exception {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String field : new String[] {LuceneBaselines.TITLE, LuceneBaselines.BODY}) {
      Query q = parser.createBooleanQuery(field, text, BooleanClause.Occur.SHOULD);
      if (q != null) {
        b.add(q, BooleanClause.Occur.SHOULD);
      }
    }
    TopDocs top = searcher.search(b.build(), size);
    List<Map<String, Object>> hits = new ArrayList<>();
    for (ScoreDoc d : top.scoreDocs) {
      var doc = searcher.storedFields().document(d.doc);
      hits.add(Map.of("path", doc.get("path"), "title", doc.get(LuceneBaselines.TITLE), "score", d.score));
    }
    return Map.of("query", text, "total", top.totalHits.value, "hits", hits);
  }
}
