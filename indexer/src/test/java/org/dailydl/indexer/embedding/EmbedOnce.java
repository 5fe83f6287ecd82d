package org.dailydl.indexer.embedding;

import java.nio.file.Path;

/** Loads the model and embeds one text, in a JVM of its own (see NativeLibrariesTest). */
public final class EmbedOnce {
  private EmbedOnce() {}

  public static void main(String[] args) {
    float[] vector = Embedder.load(Path.of(args[0])).embed("反向传播 backpropagation");
    System.out.println("dimensions " + vector.length);
  }
}
