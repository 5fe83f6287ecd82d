package org.dailydl.server.ops;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.dailydl.server.SharedCorpus;
import org.dailydl.server.semantic.SemanticService;

/** The serving app with its operational parts over a shared corpus (lexical search), as {@code serve} builds it. */
final class OpsApp {
  final Operations ops;
  final Javalin app;

  private OpsApp(Operations ops) {
    this.ops = ops;
    this.app = ops.app();
  }

  static OpsApp over(SharedCorpus corpus, Operations.Options options) {
    try {
      return new OpsApp(Operations.create(corpus.handle(), corpus.glossary(), SemanticService.disabled(), options));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void close() throws IOException {
    ops.close();
  }
}
