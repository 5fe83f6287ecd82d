package org.dailydl.server.articles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dailydl.indexer.collection.Article;
import org.dailydl.indexer.collection.NotebookArticleParser;
import org.dailydl.indexer.collection.NotebookOutput;
import org.dailydl.indexer.schema.IndexedArticle;
import org.dailydl.server.index.IndexHandle;

/**
 * The image outputs of notebooks (Matplotlib figures), served by number. An image is served only
 * when its bytes are what its type says (the PNG or JPEG signature): a notebook is the author's
 * JSON, and a "PNG" that is HTML must never reach a browser. Decoded outputs are cached per
 * notebook version. Thread-safe.
 */
public final class NotebookImages {
  /** Base64 characters kept in the cache, across notebooks (a figure is some 30 000). */
  static final long CACHE_CHARS = 48L << 20;
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

  /** One image: its bytes and media type, and a tag that changes with the notebook. */
  public record Image(byte[] bytes, String mediaType, String etag) {}

  private final IndexHandle index;
  private final ArticleFiles files;
  private final NotebookArticleParser notebooks = new NotebookArticleParser();
  private final Cache<String, List<NotebookOutput>> cache = Caffeine.newBuilder().maximumWeight(CACHE_CHARS)
      .<String, List<NotebookOutput>>weigher((key, images) ->
          images.stream().mapToInt(i -> i.data().length()).sum() + 1)
      .build();

  public NotebookImages(IndexHandle index) {
    this.index = Objects.requireNonNull(index);
    this.files = new ArticleFiles(index.contentDir());
  }

  /** The {@code n}-th image output (0-based) of the notebook with this id; empty when there is none. */
  public Optional<Image> image(String id, int n) throws IOException {
    IndexedArticle article;
    try (IndexHandle.Lease lease = index.acquire()) {
      article = lease.corpus().catalog().byId(id).orElse(null);
    }
    if (article == null || article.kind() != Article.Kind.NOTEBOOK || n < 0) {
      return Optional.empty();
    }
    List<NotebookOutput> images = images(article);
    if (n >= images.size()) {
      return Optional.empty();
    }
    NotebookOutput output = images.get(n);
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(output.data());
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    byte[] signature = output.mediaType().equals("image/png") ? PNG : JPEG;
    if (bytes.length < signature.length || !Arrays.equals(bytes, 0, signature.length, signature, 0, signature.length)) {
      return Optional.empty();
    }
    return Optional.of(new Image(bytes, output.mediaType(), "\"" + article.hash().substring(0, 16) + "-" + n + "\""));
  }

  private List<NotebookOutput> images(IndexedArticle article) throws IOException {
    String key = article.path() + "\u0000" + article.hash();
    List<NotebookOutput> cached = cache.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    Optional<String> json = files.text(article);
    if (json.isEmpty()) {
      return List.of();
    }
    List<NotebookOutput> images;
    try {
      images = notebooks.forReading(json.get()).images();
    } catch (NotebookArticleParser.MalformedNotebookException e) {
      return List.of();
    }
    cache.put(key, images);
    return images;
  }
}
