package org.dailydl.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dailydl.client.ApiClient;
import org.dailydl.client.ApiException;
import org.dailydl.client.api.AdminApi;
import org.dailydl.client.api.AnalyticsApi;
import org.dailydl.client.api.ArticlesApi;
import org.dailydl.client.api.GraphApi;
import org.dailydl.client.api.RelatedApi;
import org.dailydl.client.api.SearchApi;
import org.dailydl.client.api.StatusApi;
import org.dailydl.client.model.ArticleKind;
import org.dailydl.client.model.GraphNodeKind;
import org.dailydl.client.model.OpenedResult;
import org.dailydl.client.model.Problem;
import org.dailydl.client.model.SearchMode;
import org.dailydl.server.openapi.OpenApiDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client generated from the OpenAPI document by openapi-generator (Java, java.net.http, Jackson;
 * see server/pom.xml) calls every operation of the serving app on the fixture corpus. Each answer
 * must deserialise into the generated models, and every field the document marks required and not
 * nullable must arrive non-null, at every depth (walked alongside the document's schemas).
 */
class GeneratedClientTest {
  @TempDir static Path temp;
  static ServedFixtures fixtures;
  static ServedFixtures.Serving served;
  static ApiClient client;
  static ObjectNode doc;

  @BeforeAll
  static void start() throws IOException {
    fixtures = ServedFixtures.open(temp);
    served = fixtures.serve(ServedFixtures.TOKEN, temp.resolve("queries.jsonl"));
    client = new ApiClient();
    client.updateBaseUri(served.origin());
    doc = OpenApiDocument.create();
  }

  @AfterAll
  static void stop() throws IOException {
    if (served != null) {
      served.close();
    }
    if (fixtures != null) {
      fixtures.close();
    }
  }

  @Test
  void every_operation_of_the_generated_client_succeeds_and_every_required_field_arrives() throws Exception {
    SearchApi search = new SearchApi(client);
    ArticlesApi articles = new ArticlesApi(client);
    var found = search.search("注意力", null, 5, null, null, null, SearchMode.LEXICAL.getValue());
    assertThat(found.getHits()).isNotEmpty();
    assertComplete(found, "SearchResult");
    assertComplete(search.suggest("注意", null), "Suggestions");

    var listed = articles.listArticles(null, "深度学习/CNN.md");
    assertThat(listed.getTotal()).isEqualTo(1);
    assertComplete(listed, "ArticleList");
    assertComplete(articles.listArticles(null, null), "ArticleList");
    String id = listed.getArticles().get(0).getId();
    var article = articles.getArticle(id);
    assertThat(article.getKind()).isEqualTo(ArticleKind.MARKDOWN);
    assertComplete(article, "Article");
    for (var category : articles.listCategories()) {
      assertComplete(category, "Category");
    }
    assertComplete(articles.site(), "Site");
    File image = articles.getFile(ServedFixtures.IMAGE);
    assertThat(Files.readString(image.toPath())).startsWith("<svg");

    RelatedApi related = new RelatedApi(client);
    var byId = related.relatedById(id, 3);
    assertThat(byId.getHits()).allSatisfy(hit -> assertThat(hit.getReasons()).isNotEmpty());
    assertComplete(byId, "RelatedArticles");
    assertComplete(related.relatedByPath("机器学习/05_KNN.md", 3), "RelatedArticles");

    GraphApi graph = new GraphApi(client);
    var whole = graph.graph(null, null, null, null);
    assertThat(whole.getNodes()).extracting(n -> n.getKind()).contains(GraphNodeKind.values());
    assertComplete(whole, "TopicGraph");
    assertComplete(graph.graph(id, 2, null, null), "TopicGraph");

    StatusApi status = new StatusApi(client);
    assertThat(status.health().getStatus()).isEqualTo("ok");
    assertComplete(status.ready(), "Readiness");
    assertComplete(status.stats(), "IndexStats");

    new AnalyticsApi(client).reportOpened(new OpenedResult().query("注意力").path("深度学习/CNN.md"));
    ApiClient admin = new ApiClient();
    admin.updateBaseUri(served.origin());
    admin.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + ServedFixtures.TOKEN));
    var report = new AdminApi(admin).queryReport(10);
    assertThat(report.getOpens()).isEqualTo(1L);
    assertComplete(report, "QueryReport");
    var reindexed = new AdminApi(admin).reindex(false);
    assertThat(reindexed.getMode()).isNotNull();
    assertComplete(reindexed, "IndexReport");
    assertComplete(status.stats(), "IndexStats");
  }

  @Test
  void errors_arrive_as_problems_the_generated_model_reads() throws Exception {
    ApiException missing = catchThrowableOfType(ApiException.class, () -> new ArticlesApi(client).getArticle("nope"));
    assertThat(missing.getCode()).isEqualTo(404);
    Problem problem = client.getObjectMapper().readValue(missing.getResponseBody(), Problem.class);
    assertThat(problem.getStatus()).isEqualTo(404);
    assertThat(problem.getInstance()).isEqualTo("/api/articles/nope");
    assertComplete(problem, "Problem");
    ApiException refused = catchThrowableOfType(ApiException.class, () -> new AdminApi(client).reindex(true));
    assertThat(refused.getCode()).isEqualTo(401);
  }

  /** Every required, non-nullable property of {@code schemaName} is non-null in {@code value}, at every depth. */
  private static void assertComplete(Object value, String schemaName) throws Exception {
    List<String> missing = new ArrayList<>();
    walk(value, doc.get("components").get("schemas").get(schemaName), schemaName, missing);
    assertThat(missing).as("required fields that arrived null").isEmpty();
  }

  private static void walk(Object value, JsonNode schema, String where, List<String> missing) throws Exception {
    schema = resolve(schema);
    if (value == null) {
      return;
    }
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        walk(list.get(i), schema.get("items"), where + "[" + i + "]", missing);
      }
      return;
    }
    if (value instanceof Map<?, ?> map && schema.has("additionalProperties") && schema.get("additionalProperties").isObject()) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        walk(e.getValue(), schema.get("additionalProperties"), where + "." + e.getKey(), missing);
      }
      return;
    }
    if (!schema.has("properties")) {
      return;
    }
    for (JsonNode name : schema.path("required")) {
      JsonNode property = resolve(schema.get("properties").get(name.asText()));
      Object field = getter(value, name.asText());
      if (field == null && !property.path("nullable").asBoolean() && !schema.get("properties").get(name.asText()).path("nullable").asBoolean()) {
        missing.add(where + "." + name.asText());
      }
      walk(field, property, where + "." + name.asText(), missing);
    }
  }

  private static JsonNode resolve(JsonNode schema) {
    JsonNode s = schema;
    if (s.has("allOf")) {
      s = s.get("allOf").get(0);
    }
    if (s.has("$ref")) {
      String name = s.get("$ref").asText().substring("#/components/schemas/".length());
      return doc.get("components").get("schemas").get(name);
    }
    return s;
  }

  private static Object getter(Object bean, String property) throws Exception {
    String name = "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
    try {
      return bean.getClass().getMethod(name).invoke(bean);
    } catch (InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }
}
