package org.dailydl.indexer.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.collection.Article;
import org.dailydl.indexer.collection.Link;

/**
 * The only place where an {@link Article} becomes a Lucene {@link Document}. Thread-safe.
 *
 * <p>Besides the article, a document carries the anchor text other articles use for it: how the
 * rest of the knowledge base names an article is often the best description of it.
 */
public class ArticleDocumentGenerator {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Body text: stored for snippets; term vectors with positions and offsets for TF-IDF similarity. */
  static final FieldType BODY_TYPE = bodyType();

  /**
   * Body bigrams: offsets in the postings, so snippets of a hit read only the query's terms there
   * instead of re-analysing the body; not stored (same text as the body).
   */
  static final FieldType BODY_BIGRAM_TYPE = bodyBigramType();

  private static FieldType bodyType() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setStored(true);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    type.setStoreTermVectors(true);
    type.setStoreTermVectorPositions(true);
    type.setStoreTermVectorOffsets(true);
    type.freeze();
    return type;
  }

  private static FieldType bodyBigramType() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  /**
   * @param article the parsed article
   * @param anchorTexts link words of other articles pointing here
   * @param modified the file's last-modified time in millis (lets an update skip unchanged files)
   */
  public Document generate(Article article, Collection<String> anchorTexts, long modified) {
    Document doc = new Document();
    doc.add(new StringField(Fields.ID, article.id(), Field.Store.YES));
    doc.add(new StringField(Fields.PATH, article.path(), Field.Store.YES));
    // doc values on the path: a deterministic tie-break when scores are equal
    doc.add(new SortedDocValuesField(Fields.PATH, new BytesRef(article.path())));
    doc.add(new TextField(Fields.PATH_WORDS, article.path(), Field.Store.NO));
    doc.add(new StringField(Fields.CATEGORY, article.category(), Field.Store.YES));
    doc.add(new SortedDocValuesField(Fields.CATEGORY, new BytesRef(article.category())));

    doc.add(new TextField(Fields.TITLE, article.title(), Field.Store.YES));
    doc.add(new TextField(Fields.TITLE_BIGRAM, article.title(), Field.Store.NO));
    for (Article.Heading heading : article.headings()) {
      doc.add(new TextField(Fields.HEADINGS, heading.text(), Field.Store.NO));
      doc.add(new TextField(Fields.HEADINGS_BIGRAM, heading.text(), Field.Store.NO));
    }
    doc.add(new Field(Fields.BODY, article.body(), BODY_TYPE));
    doc.add(new Field(Fields.BODY_BIGRAM, article.body(), BODY_BIGRAM_TYPE));
    if (!article.code().isEmpty()) {
      doc.add(new TextField(Fields.CODE, article.code(), Field.Store.NO));
    }
    for (String anchor : anchorTexts) {
      doc.add(new TextField(Fields.ANCHOR, anchor, Field.Store.YES));
      doc.add(new TextField(Fields.ANCHOR_BIGRAM, anchor, Field.Store.NO));
    }

    Article.FrontMatter front = article.frontMatter();
    for (String tag : front.tags()) {
      doc.add(new TextField(Fields.TAGS, tag, Field.Store.YES));
      String key = tag.toLowerCase(Locale.ROOT);
      doc.add(new StringField(Fields.TAG, key, Field.Store.NO));
      doc.add(new SortedSetDocValuesField(Fields.TAG, new BytesRef(key)));
    }
    storeIfPresent(doc, Fields.SUMMARY, front.summary());
    storeIfPresent(doc, Fields.DATE, front.date());

    doc.add(new StoredField(Fields.HASH, article.hash()));
    doc.add(new StoredField(Fields.SIZE, article.size()));
    doc.add(new StoredField(Fields.MODIFIED, modified));
    doc.add(new StoredField(Fields.KIND, article.kind().label()));
    doc.add(new StoredField(Fields.OUTLINE, toJson(outline(article))));
    doc.add(new StoredField(Fields.LINKS, toJson(linksOf(article))));
    return doc;
  }

  private static void storeIfPresent(Document doc, String field, String value) {
    if (value != null && !value.isBlank()) {
      doc.add(new StoredField(field, value));
    }
  }

  private static List<Map<String, Object>> outline(Article article) {
    List<Map<String, Object>> outline = new ArrayList<>();
    for (Article.Heading h : article.headings()) {
      outline.add(Map.of("level", h.level(), "text", h.text(), "line", h.line()));
    }
    return outline;
  }

  private static List<StoredLink> linksOf(Article article) {
    List<StoredLink> links = new ArrayList<>();
    for (Link link : article.links()) {
      links.add(new StoredLink(link.href(), link.target(), link.text(), link.line()));
    }
    return links;
  }

  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain records always serialise", e);
    }
  }
}
