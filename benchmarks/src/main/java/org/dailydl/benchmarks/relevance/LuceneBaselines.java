package org.dailydl.benchmarks.relevance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;
import org.dailydl.indexer.collection.MathText;
import org.dailydl.benchmarks.indexing.ParsedCorpus;
import org.dailydl.indexer.collection.Article;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The plain-Lucene yardsticks for the relevance scorer ({@code benchmarks/scripts/score-corpus.py}):
 * the titles and bodies our parser reads from a content folder, indexed with nothing but
 * {@link SmartChineseAnalyzer} (its default stop set) and default BM25, then
 * <ul>
 *   <li>related articles: {@link MoreLikeThis} over the body with default settings, the source excluded;</li>
 *   <li>search: BM25 over body and title, every analysed query term optional (OR);</li>
 *   <li>keywords: MoreLikeThis's interesting terms of the body (TF-IDF), for every article.</li>
 * </ul>
 * The request names the related sources and queries to answer:
 * {@code {"related": [path…], "queries": [text…]}}. The answer is JSON keyed by path or query text.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.dailydl.benchmarks.relevance.LuceneBaselines \
 *     --content /work/corpora/X --request request.json --out baselines.json</pre>
 */
@Command(
    name = "lucene-baselines",
    mixinStandardHelpOptions = true,
    description = "Plain SmartChineseAnalyzer + BM25/MoreLikeThis answers for judged related sources, queries and keywords.")
public final class LuceneBaselines implements Callable<Integer> {
  static final String PATH = "path";
  public static final String TITLE = "title";
  public static final String BODY = "body";

  @Option(names = "--content", required = true, description = "Content folder (the corpus root).")
  Path content;

  @Option(names = "--request", required = true, description = "JSON file: {\"related\": [paths], \"queries\": [texts]}.")
  Path request;

  @Option(names = "--out", required = true, description = "JSON file to write the answers to.")
  Path out;

  @Option(names = "--size", defaultValue = "10", description = "Hits per list (default: ${DEFAULT-VALUE}).")
  int size;

  public static void main(String[] args) {
    System.exit(new CommandLine(new LuceneBaselines()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    JsonNode wanted = json.readTree(request.toFile());
    List<Article> articles = ParsedCorpus.load(content).articles();
    Analyzer analyzer = new SmartChineseAnalyzer();
    try (Directory dir = new ByteBuffersDirectory()) {
      index(articles, analyzer, dir);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        Answers answers = new Answers(reader, analyzer, size);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("analyzer", "SmartChineseAnalyzer");
        result.put("articles", articles.size());
        result.put("related", answers.related(texts(wanted.path("related"))));
        result.put("search", answers.search(texts(wanted.path("queries"))));
        result.put("keywords", answers.keywords());
        json.writeValue(out.toFile(), result);
      }
    } finally {
      analyzer.close();
    }
    return 0;
  }

  /** One document per article: path (exact), title and body (analysed). */
  public static void index(List<Article> articles, Analyzer analyzer, Directory dir) throws IOException {
    // term vectors on the body: MoreLikeThis then weighs every term of the note; without them it
    // re-analyses the stored text and stops after 5,000 tokens, cutting long notes short
    FieldType body = new FieldType(TextField.TYPE_STORED);
    body.setStoreTermVectors(true);
    body.freeze();
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
      for (Article article : articles) {
        Document doc = new Document();
        doc.add(new StringField(PATH, article.path(), Field.Store.YES));
        doc.add(new TextField(TITLE, article.title(), Field.Store.YES));
        doc.add(new Field(BODY, MathText.indexed(article.body()), body));
        writer.addDocument(doc);
      }
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  /** The three baselines over one open index. Not thread-safe. */
  static final class Answers {
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final int size;
    private final Map<String, Integer> docByPath = new HashMap<>();
    private final List<String> pathByDoc = new ArrayList<>();

    Answers(DirectoryReader reader, Analyzer analyzer, int size) throws IOException {
      this.reader = reader;
      this.searcher = new IndexSearcher(reader);
      this.analyzer = analyzer;
      this.size = size;
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        String path = reader.storedFields().document(doc).get(PATH);
        pathByDoc.add(path);
        docByPath.put(path, doc);
      }
    }

    private MoreLikeThis moreLikeThis() throws IOException {
      MoreLikeThis mlt = new MoreLikeThis(reader);
      mlt.setFieldNames(new String[] {BODY});
      mlt.setAnalyzer(analyzer);
      return mlt;
    }

    /** MoreLikeThis top hits for each source path; a path not in the corpus answers an empty list. */
    Map<String, List<String>> related(List<String> sources) throws IOException {
      MoreLikeThis mlt = moreLikeThis();
      Map<String, List<String>> result = new LinkedHashMap<>();
      for (String source : sources) {
        Integer doc = docByPath.get(source);
        List<String> hits = new ArrayList<>();
        if (doc != null) {
          for (ScoreDoc hit : searcher.search(mlt.like(doc), size + 1).scoreDocs) {
            if (hit.doc != doc && hits.size() < size) {
              hits.add(pathByDoc.get(hit.doc));
            }
          }
        }
        result.put(source, hits);
      }
      return result;
    }

    /** BM25 top hits for each query: every analysed term of the text, in body or title, optional. */
    Map<String, List<String>> search(List<String> queries) throws IOException {
      QueryBuilder builder = new QueryBuilder(analyzer);
      Map<String, List<String>> result = new LinkedHashMap<>();
      for (String text : queries) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String field : List.of(BODY, TITLE)) {
          Query part = builder.createBooleanQuery(field, text, BooleanClause.Occur.SHOULD);
          if (part != null) {
            query.add(part, BooleanClause.Occur.SHOULD);
          }
        }
        List<String> hits = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(query.build(), size).scoreDocs) {
          hits.add(pathByDoc.get(hit.doc));
        }
        result.put(text, hits);
      }
      return result;
    }

    /** MoreLikeThis's interesting terms of every article's body (highest TF-IDF first), by path. */
    Map<String, List<String>> keywords() throws IOException {
      MoreLikeThis mlt = moreLikeThis();
      Map<String, List<String>> result = new LinkedHashMap<>();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        String[] terms = mlt.retrieveInterestingTerms(doc);
        result.put(pathByDoc.get(doc), Arrays.asList(terms).subList(0, Math.min(size, terms.length)));
      }
      return result;
    }
  }
}
