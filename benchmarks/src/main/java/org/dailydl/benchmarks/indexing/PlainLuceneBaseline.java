package org.dailydl.benchmarks.indexing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dailydl.indexer.collection.MathText;
import org.dailydl.indexer.collection.Article;

/**
 * The yardsticks: the same parsed titles and bodies (parsing not timed) indexed the plainest way
 * Lucene offers — {@link StandardAnalyzer} (one tokenizer, no Chinese words) or {@link
 * SmartChineseAnalyzer} (smartcn words, as a plain Lucene user indexing Chinese would), one {@code
 * TextField} each without term vectors, no bigram or code fields, one document per article, a 64 MB
 * RAM buffer and one writing thread. Title and body are stored, as the real index stores them for
 * display.
 */
final class PlainLuceneBaseline {
  private PlainLuceneBaseline() {}

  /** With {@link StandardAnalyzer}; returns the wall time in nanoseconds. */
  static long standard(List<Article> articles, Path dir) throws IOException {
    return index(articles, dir, new StandardAnalyzer());
  }

  /** With {@link SmartChineseAnalyzer}; returns the wall time in nanoseconds. */
  static long smartcn(List<Article> articles, Path dir) throws IOException {
    return index(articles, dir, new SmartChineseAnalyzer());
  }

  /** Indexes {@code articles} into a new index at {@code dir}; returns the wall time in nanoseconds. */
  private static long index(List<Article> articles, Path dir, Analyzer analyzer) throws IOException {
    long start = System.nanoTime();
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(64);
    try (Directory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, config)) {
      for (Article article : articles) {
        Document doc = new Document();
        doc.add(new StringField("path", article.path(), Field.Store.YES));
        doc.add(new TextField("title", article.title(), Field.Store.YES));
        doc.add(new TextField("body", MathText.indexed(article.body()), Field.Store.YES));
        writer.addDocument(doc);
      }
      writer.commit();
    }
    return System.nanoTime() - start;
  }
}
