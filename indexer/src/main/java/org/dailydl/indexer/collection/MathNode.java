package org.dailydl.indexer.collection;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** TeX math written as {@code $…$} (inline) or {@code $$…$$} (display), kept verbatim. */
public final class MathNode extends Node {
  private final boolean display;
  private final BasedSequence tex;

  MathNode(BasedSequence chars, BasedSequence tex, boolean display) {
    super(chars);
    this.tex = tex;
    this.display = display;
  }

  /** The TeX source between the dollar signs, exactly as written. */
  public String tex() {
    return tex.toString();
  }

  public boolean isDisplay() {
    return display;
  }

  @Override
  public BasedSequence[] getSegments() {
    return new BasedSequence[] {tex};
  }
}
