package org.dailydl.indexer;

/**
 * Every field of the index, one comment each. Nothing else in the code base spells a field name.
 *
 * <p>Text is indexed twice where recall matters: a {@code *_BIGRAM} twin of a word field holds CJK
 * bigrams of the same text, for Chinese words the smartcn dictionary does not know.
 */
public final class Fields {
  private Fields() {}

  /** Article id: stable, URL-safe, from the path. Keyword, stored: the key for updates and lookups. */
  public static final String ID = "id";

  /** Path relative to the content root, {@code /}-separated, with extension. Keyword, stored. */
  public static final String PATH = "path";

  /** Words of the path and file name ({@code 05_ResNet.md} → resnet). Analysed, not stored. */
  public static final String PATH_WORDS = "path_words";

  /** Top folder (or {@code ""} at the root). Keyword, stored, with doc values for facets. */
  public static final String CATEGORY = "category";

  /** Inferred title. Word-analysed (highest boost) and stored for hits. */
  public static final String TITLE = "title";

  /** The title as CJK bigrams, for titles with words the dictionary lacks. Not stored. */
  public static final String TITLE_BIGRAM = "title_bigram";

  /** Heading texts, one value each. Word-analysed, not stored (the rendered page has the TOC). */
  public static final String HEADINGS = "headings";

  /** Heading texts as CJK bigrams. */
  public static final String HEADINGS_BIGRAM = "headings_bigram";

  /**
   * Body text (prose, tables, the words of formulas; no code). Word-analysed; not stored (see
   * {@link #BODY_TEXT}); no term vectors (related articles and keywords read the concepts').
   */
  public static final String BODY = "body";

  /**
   * The body with each formula's words marked (see MathText): snippets show a formula as 〔公式〕
   * (its words out of context read as noise: "S = QK d , P = softmax (S)"), embedded passages keep
   * its words. Stored only.
   */
  public static final String BODY_TEXT = "body_text";

  /** Body text as CJK bigrams: recall for unknown words; positions for phrase matching. */
  public static final String BODY_BIGRAM = "body_bigram";

  /** Code blocks and notebook code cells, identifiers split ({@code read_csv} → read, csv). */
  public static final String CODE = "code";

  /** Link words of every other article that points here: how others name this article. */
  public static final String ANCHOR = "anchor";

  /** Anchor text as CJK bigrams. */
  public static final String ANCHOR_BIGRAM = "anchor_bigram";

  /**
   * Candidate subject terms of the article with their counts (glossary concepts, topic words,
   * recurring compounds; see ConceptExtractor). Indexed, each occurrence a token, with term
   * vectors: keywords, topics and related articles weigh them. Not stored.
   */
  public static final String CONCEPTS = "concepts";

  /** How each concept is written in the article (TCP, PyTorch), as JSON. Stored only: keywords are shown so. */
  public static final String CONCEPT_FORMS = "concept_forms";

  /** Front-matter tags as written: word-analysed for search, stored for display. */
  public static final String TAGS = "tags";

  /**
   * Front-matter tags, lower-cased keywords with doc values: the {@code tag=} filter. Not stored
   * ({@link #TAGS} keeps the spelling as written).
   */
  public static final String TAG = "tag";

  /** Front-matter summary. Stored only (shown in lists and used as a snippet fallback). */
  public static final String SUMMARY = "summary";

  /** Front-matter date, as written. Stored only. */
  public static final String DATE = "date";

  /** SHA-256 of the file's bytes. Stored: an update re-indexes only files whose hash changed. */
  public static final String HASH = "hash";

  /** Last-modified time of the file (millis). Stored: with size, lets an update skip unchanged files unread. */
  public static final String MODIFIED = "modified";

  /**
   * Present (1) when {@link #MODIFIED} was read within {@code ParseStage.RACY_MILLIS} of the file
   * being read, when a later write of the same size could carry the same time: an update then checks
   * the file's hash instead of trusting its time. Stored only.
   */
  public static final String MODIFIED_RACY = "modified_racy";

  /** File size in bytes. Stored only. */
  public static final String SIZE = "size";

  /** {@code markdown} or {@code notebook}. Stored only. */
  public static final String KIND = "kind";

  /** Heading outline as JSON ({@code [{level, text, line}]}). Stored only: TOC and suggestions. */
  public static final String OUTLINE = "outline";

  /**
   * Outgoing links as JSON ({@code [{href, target, text, line}]}). Stored only: backlinks, anchor
   * text and the link graph are derived from it without re-reading files.
   */
  public static final String LINKS = "links";

  /** Index commit metadata keys (Lucene commit user data). */
  public static final class Meta {
    private Meta() {}

    public static final String ANALYSIS_VERSION = "analysisVersion";
    public static final String BUILD_TIME = "buildTime";
    public static final String ARTICLE_COUNT = "articleCount";
    public static final String CONTENT_HASH = "contentHash";
  }
}
