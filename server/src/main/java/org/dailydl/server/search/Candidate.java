package org.dailydl.server.search;

import java.util.List;
import org.dailydl.indexer.schema.IndexedArticle;

/** A ranked article on its way to becoming a hit: its score and the signals that found it. */
record Candidate(IndexedArticle article, double score, List<Signal> signals) {
  Candidate {
    signals = List.copyOf(signals);
  }
}
