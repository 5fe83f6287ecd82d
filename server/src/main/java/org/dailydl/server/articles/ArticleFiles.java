package org.dailydl.server.articles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.dailydl.indexer.collection.ContentRoot;
import org.dailydl.indexer.collection.TextDecoder;
import org.dailydl.indexer.schema.IndexedArticle;

/** The text of an article's file as the indexer decodes it, read only inside the content folder. Thread-safe. */
final class ArticleFiles {
  private final ContentRoot contentRoot;

  ArticleFiles(Path contentDir) {
    this.contentRoot = new ContentRoot(contentDir);
  }

  /** The file's text; empty when it is gone, no longer text, or has become a link out of the content folder. */
  Optional<String> text(IndexedArticle a) throws IOException {
    Optional<Path> inside = contentRoot.resolve(a.path());
    if (inside.isEmpty() || !Files.isRegularFile(inside.get())) {
      return Optional.empty();
    }
    try {
      return Optional.of(TextDecoder.decode(Files.readAllBytes(inside.get())).text());
    } catch (NoSuchFileException | TextDecoder.NotTextException e) {
      return Optional.empty();
    }
  }
}
