package org.dailydl.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.Response;
import org.dailydl.server.OpenApiContract;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.server.TestIndex;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.semantic.SemanticService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET answers carry an ETag derived from the index version; a matching If-None-Match gets 304. */
class HttpCachingTest {
  @TempDir Path temp;

  private static String q(String text) {
    return "/api/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void answers_are_tagged_revalidated_with_304_and_retagged_when_the_index_changes() throws Exception {
    try (TestIndex index = TestIndex.ofFixtures(temp)) {
      Operations ops = Operations.create(index.handle, index.glossary(), SemanticService.disabled(),
          Operations.Options.DEFAULT);
      OpenApiContract.test(ops.app(), (server, client) -> {
        Response first = client.get(q("卷积"));
        String etag = first.header("ETag");
        assertThat(etag).startsWith("W/\"").endsWith("-disabled\"");
        assertThat(first.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(first.header("Vary")).contains("Origin");

        Response again = client.get(q("卷积"), r -> r.header("If-None-Match", etag));
        assertThat(again.code()).isEqualTo(304);
        assertThat(again.body().string()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
        assertThat(client.get(q("卷积"), r -> r.header("If-None-Match", "W/\"other\", " + etag)).code())
            .isEqualTo(304);
        assertThat(client.get(q("卷积"), r -> r.header("If-None-Match", "W/\"stale\"")).code()).isEqualTo(200);

        Response categories = client.get("/api/categories");
        String listTag = categories.header("ETag");
        assertThat(listTag).isNotNull().doesNotContain("-disabled");
        assertThat(client.get("/api/categories", r -> r.header("If-None-Match", listTag)).code()).isEqualTo(304);

        // errors, statistics and admin routes are never kept
        Response missing = client.get("/api/articles/nope");
        assertThat(missing.header("ETag")).isNull();
        assertThat(missing.header("Cache-Control")).isEqualTo("no-store");
        assertThat(client.get("/api/stats").header("ETag")).isNull();
        assertThat(client.get("/api/stats").header("Cache-Control")).isEqualTo("no-store");

        Files.writeString(index.content.resolve("新笔记.md"), "# 卷积的新笔记\n\n卷积核与步长。\n");
        index.handle.reindex(false);
        Response changed = client.get(q("卷积"), r -> r.header("If-None-Match", etag));
        assertThat(changed.code()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(client.get("/api/categories", r -> r.header("If-None-Match", listTag)).code()).isEqualTo(200);
      });
      ops.close();
    }
  }

  @Test
  void replicas_serving_one_index_artifact_give_the_same_tags_and_search_tags_follow_the_semantic_state()
      throws Exception {
    try (TestIndex built = TestIndex.ofFixtures(temp)) {
      Path content = built.content;
      Path folder = built.handle.indexRoot();
      try (IndexHandle a = IndexHandle.openReadOnly(content, folder);
          IndexHandle b = IndexHandle.openReadOnly(content, folder)) {
        HttpCaching one = new HttpCaching(a, SemanticService.disabled());
        HttpCaching two = new HttpCaching(b, SemanticService.disabled());
        assertThat(one.etag(false)).isEqualTo(two.etag(false));
        assertThat(one.etag(true)).isEqualTo(two.etag(true)).isNotEqualTo(one.etag(false));
        SemanticService preparing = SemanticService.enabled(built.handle);
        assertThat(new HttpCaching(a, preparing).etag(true)).isNotEqualTo(one.etag(true)).endsWith("-preparing\"");
        preparing.close();
        // the authors' own terms change search answers: they are part of the tag
        Files.writeString(content.resolve(Glossary.USER_FILE), "炼丹, 模型训练\n");
        assertThat(new HttpCaching(a, SemanticService.disabled()).etag(true)).isNotEqualTo(one.etag(true));
      }
    }
  }

  @Test
  void if_none_match_is_compared_weakly_against_each_listed_tag() {
    assertThat(HttpCaching.matches("W/\"abc\"", "W/\"abc\"")).isTrue();
    assertThat(HttpCaching.matches("\"abc\"", "W/\"abc\"")).isTrue();
    assertThat(HttpCaching.matches("*", "W/\"abc\"")).isTrue();
    assertThat(HttpCaching.matches("W/\"x\" , W/\"abc\"", "W/\"abc\"")).isTrue();
    assertThat(HttpCaching.matches("W/\"abcd\"", "W/\"abc\"")).isFalse();
    assertThat(HttpCaching.matches(null, "W/\"abc\"")).isFalse();
  }
}
