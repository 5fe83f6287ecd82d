package org.dailydl.indexer.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.collection.Article;
import org.dailydl.indexer.collection.MathText;

/**
 * The index schema as a two-way codec: the only code that knows which fields are stored and how
 * they are encoded. {@link #write} turns a parsed {@link Article} into a Lucene {@link Document};
 * {@link #read} and {@link #body} turn the stored fields back into an {@link IndexedArticle}.
 * Everything that reads the index's stored fields goes through here. Thread-safe.
 *
 * <p>Besides the article, a document carries the anchor text other articles use for it: how the
 * rest of the knowledge base names an article is often the best description of it.
 */
public class ArticleSchema {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final TypeReference<List<Article.Heading>> OUTLINE = new TypeReference<>() {};
  private static final TypeReference<List<StoredLink>> LINKS = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> FORMS = new TypeReference<>() {};

  /** The stored fields {@link #read} loads: everything but the body, which only some readers need. */
  private static final Set<String> METADATA = Set.of(Fields.ID, Fields.PATH, Fields.TITLE, Fields.CATEGORY,
      Fields.TAGS, Fields.SUMMARY, Fields.DATE, Fields.KIND, Fields.HASH, Fields.SIZE, Fields.MODIFIED, Fields.MODIFIED_RACY,
      Fields.OUTLINE, Fields.LINKS, Fields.ANCHOR, Fields.CONCEPT_FORMS);

  /**
   * Body text, not stored (what is shown is {@link Fields#BODY_TEXT}). No term vectors: related
   * articles and keywords read the concepts' vectors, and the body's made every read of those decode
   * the whole body's too (a third of the time the per-version term statistics took at 10,000
   * articles) and indexing slower.
   */
  static final FieldType BODY_TYPE = bodyType();

  /** Concepts: one token per occurrence, frequencies and term vectors (no positions: a bag of terms). */
  static final FieldType CONCEPTS_TYPE = conceptsType();

  private static FieldType conceptsType() {
    FieldType type = new FieldType();
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.setTokenized(true);
    type.setStoreTermVectors(true);
    type.setOmitNorms(true);
    type.freeze();
    return type;
  }

  /** Body bigrams: positions for phrase matching of Chinese words; not stored (same text as the body). */
  static final FieldType BODY_BIGRAM_TYPE = bodyBigramType();

  private static FieldType bodyType() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    type.freeze();
    return type;
  }

  private static FieldType bodyBigramType() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    type.freeze();
    return type;
  }

  /**
   * @param article the parsed article
   * @param anchorTexts link words of other articles pointing here
   * @param modified the file's last-modified time in millis (lets an update skip unchanged files)
   */
  public Document write(Article article, Collection<String> anchorTexts, long modified, boolean modifiedTrusted) {
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
    String body = MathText.indexed(article.body());
    doc.add(new Field(Fields.BODY, body, BODY_TYPE));
    doc.add(new Field(Fields.BODY_BIGRAM, body, BODY_BIGRAM_TYPE));
    doc.add(new StoredField(Fields.BODY_TEXT, article.body()));
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
    if (!article.concepts().counts().isEmpty()) {
      doc.add(new Field(Fields.CONCEPTS, new ConceptTokens(article.concepts().counts()), CONCEPTS_TYPE));
      Map<String, String> forms = new TreeMap<>();
      article.concepts().forms().forEach((concept, form) -> {
        if (!form.equals(concept)) {
          forms.put(concept, form);
        }
      });
      doc.add(new StoredField(Fields.CONCEPT_FORMS, toJson(forms)));
    }
    storeIfPresent(doc, Fields.SUMMARY, front.summary());
    storeIfPresent(doc, Fields.DATE, front.date());

    doc.add(new StoredField(Fields.HASH, article.hash()));
    doc.add(new StoredField(Fields.SIZE, article.size()));
    doc.add(new StoredField(Fields.MODIFIED, modified));
    if (!modifiedTrusted) {
      doc.add(new StoredField(Fields.MODIFIED_RACY, 1));
    }
    doc.add(new StoredField(Fields.KIND, article.kind().label()));
    doc.add(new StoredField(Fields.OUTLINE, toJson(article.headings())));
    doc.add(new StoredField(Fields.LINKS, toJson(article.links().stream().map(StoredLink::of).toList())));
    return doc;
  }

  /** Documents read per task of {@link #decodeSegment}, each task with its own {@link StoredFields}. */
  private static final int READ_CHUNK = 1024;

  /**
   * Every live article of {@code reader}, in doc-id order, without its body. Large segments are read
   * on all cores: decoding the stored fields is most of opening an index version at 10,000 articles.
   */
  public static List<IndexedArticle> read(IndexReader reader) throws IOException {
    return live(reader, ArticleSchema::decodeSegment);
  }

  /** A segment's articles by segment-local doc id (null where the doc is deleted). */
  interface SegmentDecoder {
    IndexedArticle[] decode(LeafReader segment) throws IOException;
  }

  /**
   * The live articles of {@code reader} in doc-id order, each segment's articles from {@code
   * decoder} (decoded now, or kept from an earlier version: {@link DecodedSegments}).
   */
  static List<IndexedArticle> live(IndexReader reader, SegmentDecoder decoder) throws IOException {
    List<IndexedArticle> articles = new ArrayList<>(reader.numDocs());
    for (LeafReaderContext leaf : reader.leaves()) {
      IndexedArticle[] decoded = decoder.decode(leaf.reader());
      Bits live = leaf.reader().getLiveDocs();
      for (int doc = 0; doc < decoded.length; doc++) {
        IndexedArticle article = decoded[doc];
        if (article != null && (live == null || live.get(doc))) {
          articles.add(leaf.docBase == 0 ? article : article.withDoc(leaf.docBase + doc));
        }
      }
    }
    return articles;
  }

  /**
   * Every article of one segment, live or deleted, by segment-local doc id (null where the doc is
   * deleted: it stays deleted in every later version of the segment).
   */
  static IndexedArticle[] decodeSegment(LeafReader segment) throws IOException {
    Bits live = segment.getLiveDocs();
    return InChunks.map(segment.maxDoc(), READ_CHUNK, (from, to) -> {
      StoredFields stored = segment.storedFields();
      List<IndexedArticle> articles = new ArrayList<>(to - from);
      for (int doc = from; doc < to; doc++) {
        articles.add(live == null || live.get(doc) ? decode(doc, stored.document(doc, METADATA)) : null);
      }
      return articles;
    }).toArray(IndexedArticle[]::new);
  }

  /**
   * The stored body of document {@code doc}, formulas marked ({@code ""} when it has none): read it
   * through {@link MathText#shown} for people and {@link MathText#indexed} for models.
   */
  public static String body(IndexReader reader, int doc) throws IOException {
    String body = reader.storedFields().document(doc, Set.of(Fields.BODY_TEXT)).get(Fields.BODY_TEXT);
    return body == null ? "" : body;
  }

  private static IndexedArticle decode(int doc, Document d) {
    return new IndexedArticle(doc, d.get(Fields.ID), d.get(Fields.PATH), d.get(Fields.TITLE),
        d.get(Fields.CATEGORY), Arrays.asList(d.getValues(Fields.TAGS)), d.get(Fields.SUMMARY), d.get(Fields.DATE),
        kind(d.get(Fields.KIND)), d.get(Fields.HASH), number(d, Fields.SIZE), number(d, Fields.MODIFIED),
        d.getField(Fields.MODIFIED_RACY) == null,
        fromJson(d.get(Fields.OUTLINE), OUTLINE), fromJson(d.get(Fields.LINKS), LINKS),
        Arrays.asList(d.getValues(Fields.ANCHOR)), forms(d.get(Fields.CONCEPT_FORMS)));
  }

  private static Map<String, String> forms(String json) {
    if (json == null || json.isEmpty()) {
      return Map.of();
    }
    try {
      return Map.copyOf(JSON.readValue(json, FORMS));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored field is not the JSON this schema writes", e);
    }
  }

  private static Article.Kind kind(String label) {
    return "notebook".equals(label) ? Article.Kind.NOTEBOOK : Article.Kind.MARKDOWN;
  }

  private static long number(Document d, String field) {
    IndexableField value = d.getField(field);
    return value == null || value.numericValue() == null ? -1 : value.numericValue().longValue();
  }

  private static void storeIfPresent(Document doc, String field, String value) {
    if (value != null && !value.isBlank()) {
      doc.add(new StoredField(field, value));
    }
  }

  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain records always serialise", e);
    }
  }

  private static <T> List<T> fromJson(String json, TypeReference<List<T>> type) {
    if (json == null || json.isEmpty()) {
      return List.of();
    }
    try {
      return List.copyOf(JSON.readValue(json, type));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored field is not the JSON this schema writes", e);
    }
  }
}
