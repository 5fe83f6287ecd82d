package org.dailydl.server.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.dailydl.indexer.Fields;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.corpus.LinkGraph;
import org.dailydl.server.index.IndexHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubPriorTest {
  @TempDir Path temp;

  @Test
  void only_pages_linking_to_more_than_the_hub_threshold_are_discounted() {
    int toc = LinkGraph.TABLE_OF_CONTENTS_LINKS;
    assertThat(HubPrior.discount(0)).isEqualTo(1.0);
    assertThat(HubPrior.discount(toc)).isEqualTo(1.0);
    assertThat(HubPrior.discount(toc * 2)).isEqualTo(0.5);
    assertThat(HubPrior.discount(toc * 4)).isLessThan(HubPrior.discount(toc * 2));
  }

  @Test
  void a_table_of_contents_scores_its_factor_times_its_match_and_articles_keep_theirs() throws Exception {
    Path content = Files.createDirectories(temp.resolve("content"));
    StringBuilder toc = new StringBuilder("# 笔记目录\n\n");
    for (int i = 0; i < 60; i++) {
      Files.writeString(content.resolve("a" + i + ".md"),
          "# 梯度裁剪笔记 " + i + "\n\n第 " + i + " 篇笔记讲学习率调度与梯度裁剪的一个方面。\n");
      toc.append("- [梯度裁剪笔记 ").append(i).append("](a").append(i).append(".md)\n");
    }
    Files.writeString(content.resolve("README.md"), toc.toString());
    try (IndexHandle index = IndexHandle.open(content, temp.resolve("index"));
        IndexHandle.Lease snapshot = index.acquire()) {
      HubPrior.Values prior = new HubPrior().of(snapshot.corpus());
      int contents = snapshot.corpus().catalog().byPath("README.md").orElseThrow().doc();
      int article = snapshot.corpus().catalog().byPath("a7.md").orElseThrow().doc();
      assertThat(prior.valueOf(contents)).isEqualTo(HubPrior.discount(60)).isLessThan(0.5);
      assertThat(prior.valueOf(article)).isEqualTo(1.0);

      Query plain = new TermQuery(new Term(Fields.BODY_BIGRAM, "裁剪"));
      Query weighted = FunctionScoreQuery.boostByValue(plain, prior);
      IndexSearcher searcher = snapshot.searcher();
      for (int doc : new int[] {contents, article}) {
        float before = searcher.explain(plain, doc).getValue().floatValue();
        float after = searcher.explain(weighted, doc).getValue().floatValue();
        assertThat(before).isPositive();
        assertThat((double) after).isCloseTo(before * prior.valueOf(doc), within(1e-4));
      }
      // and the search service applies it: the contents page comes after every article
      SearchService search = SearchService.create(index, Glossary.forContent(content));
      List<String> all = search.search(new SearchRequest("梯度裁剪笔记", 1, 100, null, null, false)).hits().stream()
          .map(SearchResult.Hit::path).toList();
      assertThat(all).hasSize(61).last().isEqualTo("README.md");
    }
  }
}
