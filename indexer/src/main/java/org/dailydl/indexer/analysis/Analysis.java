package org.dailydl.indexer.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.dailydl.indexer.Fields;

/**
 * The one definition of text analysis, used by the indexer at index time and by the server at query
 * time. Every analyzer here is thread-safe and reusable, like any Lucene {@link Analyzer}.
 *
 * <p>Chinese search fails when sub-words inside longer words cannot be found, when English inside
 * Chinese is shredded and when a field can only speak one language. So each text is indexed twice:
 * as smartcn words (precise, phrase-friendly) and as CJK bigrams (recall for words the dictionary
 * lacks); English and code tokens stay whole and lower-cased in both.
 */
public final class Analysis {

  /**
   * Bumped whenever analysis or the document layout changes: an index built with another version is
   * rebuilt from scratch, because its terms no longer match what queries produce.
   */
  public static final String VERSION = "16";

  private static final Analysis DEFAULT = new Analysis();

  private final CharArraySet stopWords = StopWords.load("stopwords.txt");
  private final CharArraySet questionWords = StopWords.load("question-words.txt");
  private final Set<String> sectionLabels = Set.copyOf(StopWords.words("section-labels.txt"));
  private final Analyzer word = new WordAnalyzer(stopWords, null);
  private final Analyzer bigram = new BigramAnalyzer();
  private final Analyzer code = new CodeAnalyzer(true);
  private final Analyzer codeQuery = new CodeAnalyzer(false);
  private final Analyzer pathWords = new WordAnalyzer(stopWords, pathSeparators());
  private final Analyzer indexAnalyzer =
      new PerFieldAnalyzerWrapper(
          word,
          Map.of(
              Fields.TITLE_BIGRAM, bigram,
              Fields.HEADINGS_BIGRAM, bigram,
              Fields.BODY_BIGRAM, bigram,
              Fields.ANCHOR_BIGRAM, bigram,
              Fields.CODE, code,
              Fields.PATH_WORDS, pathWords));

  /** The shared instance: analyzers hold no per-index state. */
  public static Analysis standard() {
    return DEFAULT;
  }

  /** smartcn words, lower-cased, stop words removed; English and numbers kept whole. */
  public Analyzer word() {
    return word;
  }

  /** CJK bigrams (a lone CJK character stays a unigram); non-CJK tokens kept whole. */
  public Analyzer bigram() {
    return bigram;
  }

  /** Identifiers kept whole and split as developers read them (index side, a token graph flattened). */
  public Analyzer code() {
    return code;
  }

  /**
   * Code analysis for queries: only the parts, not the whole identifier, so that a query for
   * {@code read_csv} is a phrase over {@code read csv} and matches both spellings in documents.
   */
  public Analyzer codeQuery() {
    return codeQuery;
  }

  /** Path and file-name words: separators {@code / _ - .} become spaces, then word analysis. */
  public Analyzer pathWords() {
    return pathWords;
  }

  /** Per-field analyzer for the {@code IndexWriter}: each field gets the analysis described above. */
  public Analyzer indexAnalyzer() {
    return indexAnalyzer;
  }

  /** The analyzer that belongs to a field, for building queries over it. */
  public Analyzer forField(String field) {
    return switch (field) {
      case Fields.TITLE_BIGRAM, Fields.HEADINGS_BIGRAM, Fields.BODY_BIGRAM, Fields.ANCHOR_BIGRAM -> bigram;
      case Fields.CODE -> codeQuery;
      case Fields.PATH_WORDS -> pathWords;
      default -> word;
    };
  }

  /** The terms {@code analyzer} makes of {@code text}, in order. */
  public List<String> tokens(Analyzer analyzer, String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing an in-memory string cannot fail", e);
    }
    return tokens;
  }

  /**
   * Words that frame a question rather than name its subject (为什么, 区别, 如何 …): queries treat
   * them as optional.
   */
  public CharArraySet questionWords() {
    return questionWords;
  }

  /**
   * Words that name a part of a note or its kind rather than its subject (目录, 前言, 小结, 参考链接,
   * 详解, 入门: {@code section-labels.txt}); lower case.
   */
  public Set<String> sectionLabels() {
    return sectionLabels;
  }

  /** The Chinese and English stop words (的, 和, 是, the, of …), lower-case. */
  public CharArraySet stopWords() {
    return stopWords;
  }

  private static NormalizeCharMap pathSeparators() {
    NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
    for (String separator : new String[] {"/", "_", "-", "."}) {
      map.add(separator, " ");
    }
    return map.build();
  }

  /** Full-width ASCII (ＡＢＣ，１２３) to half-width, so both spellings meet in one term. */
  static final NormalizeCharMap FULL_WIDTH = fullWidth();

  private static NormalizeCharMap fullWidth() {
    NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
    for (char c = '\uFF01'; c <= '\uFF5E'; c++) {
      map.add(String.valueOf(c), String.valueOf((char) (c - 0xFEE0)));
    }
    map.add("\u3000", " ");
    return map.build();
  }

  private static final class WordAnalyzer extends Analyzer {
    private final CharArraySet stopWords;
    private final NormalizeCharMap extraMap;

    WordAnalyzer(CharArraySet stopWords, NormalizeCharMap extraMap) {
      this.stopWords = stopWords;
      this.extraMap = extraMap;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      Reader normalized = new MappingCharFilter(FULL_WIDTH, reader);
      return extraMap == null ? normalized : new MappingCharFilter(extraMap, normalized);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new HMMChineseTokenizer();
      // No Porter stemming: it turns English into non-words (language → languag) that then leak
      // into keywords and spelling suggestions; exact English terms are what readers type.
      TokenStream stream = new LowerCaseFilter(tokenizer);
      stream = new WordCharFilter(stream);
      stream = new StopFilter(stream, stopWords);
      return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(in);
    }
  }

  private static final class BigramAnalyzer extends Analyzer {
    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return new MappingCharFilter(FULL_WIDTH, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new StandardTokenizer();
      TokenStream stream = new CJKWidthFilter(tokenizer);
      stream = new LowerCaseFilter(stream);
      // Han only: kana and hangul are rare here, and unigrams are emitted for lone characters (树, 图).
      stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN);
      return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(in);
    }
  }

  private static final class CodeAnalyzer extends Analyzer {
    private final boolean keepWhole;

    CodeAnalyzer(boolean keepWhole) {
      this.keepWhole = keepWhole;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      // Identifier-like runs (letters, digits, _ and .): np.linalg.norm, read_csv, MultiHeadAttention.
      Tokenizer tokenizer = new PatternTokenizer(IDENTIFIER, 0);
      int flags =
          WordDelimiterGraphFilter.GENERATE_WORD_PARTS
              | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
              | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
              | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE
              | (keepWhole ? WordDelimiterGraphFilter.PRESERVE_ORIGINAL : 0);
      TokenStream stream = new WordDelimiterGraphFilter(tokenizer, flags, null);
      if (keepWhole) {
        // the index cannot store a token graph; flattening keeps the parts at searchable positions
        stream = new FlattenGraphFilter(stream);
      }
      stream = new LowerCaseFilter(stream);
      return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(in);
    }
  }

  private static final Pattern IDENTIFIER =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*[A-Za-z0-9_]|[A-Za-z]");


}
