package org.dailydl.indexer.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Test helper: the terms an analyzer produces for a text. */
public final class TokenDump {
  private TokenDump() {}

  public static List<String> terms(Analyzer analyzer, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  public static void main(String[] args) {
    Analysis a = Analysis.standard();
    for (String s : args) {
      System.out.println("word:   " + terms(a.word(), s));
      System.out.println("bigram: " + terms(a.bigram(), s));
      System.out.println("code:   " + terms(a.code(), s));
      System.out.println("codeQ:  " + terms(a.codeQuery(), s));
      System.out.println("path:   " + terms(a.pathWords(), s));
    }
  }
}
