package org.dailydl.indexer.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Reads items 0 to count − 1 (documents, articles) in chunks, on all cores when there is more than
 * one chunk: each chunk opens the reader state it needs ({@code StoredFields}, {@code TermVectors}
 * are one per thread), and the results come back in item order.
 */
public final class InChunks {
  /** Reads the items from {@code from} (inclusive) to {@code to} (exclusive). */
  public interface Chunk<T> {
    List<T> read(int from, int to) throws IOException;
  }

  private InChunks() {}

  public static <T> List<T> map(int count, int size, Chunk<T> chunk) throws IOException {
    int chunks = (count + size - 1) / size;
    IntStream tasks = IntStream.range(0, chunks);
    try {
      return (chunks > 1 ? tasks.parallel() : tasks).mapToObj(c -> {
        try {
          return chunk.read(c * size, Math.min(count, (c + 1) * size));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).flatMap(List::stream).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
