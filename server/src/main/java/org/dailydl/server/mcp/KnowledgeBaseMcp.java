package org.dailydl.server.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dailydl.server.articles.ArticleService;
import org.dailydl.server.articles.ArticleView;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.ops.AppVersion;
import org.dailydl.server.related.RelatedService;
import org.dailydl.server.search.InvalidQueryException;
import org.dailydl.server.search.Mode;
import org.dailydl.server.search.SearchRequest;
import org.dailydl.server.search.SearchResult;
import org.dailydl.server.search.SearchService;
import org.jsoup.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge base as a Model Context Protocol server, over any transport: tools {@code search},
 * {@code get_article}, {@code related} and {@code list_categories}, and every article as a
 * resource {@code dailydl://articles/{path}} (Markdown). The tools call the same services as the
 * REST API and answer JSON text; a missing article or a bad query is a tool error (the agent reads
 * why), not a protocol error. Thread-safe.
 */
public final class KnowledgeBaseMcp {
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseMcp.class);
  static final int MAX_SIZE = 20;
  static final String NAME = "dailydl";
  private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  /** The services the tools call. */
  public record Services(IndexHandle index, SearchService search, ArticleService articles, RelatedService related) {
    public Services {
      Objects.requireNonNull(index);
      Objects.requireNonNull(search);
      Objects.requireNonNull(articles);
      Objects.requireNonNull(related);
    }

    /** New article and related-article services over {@code index}, sharing {@code search}. */
    public static Services over(IndexHandle index, SearchService search) {
      return new Services(index, search, new ArticleService(index), new RelatedService(index));
    }
  }

  private final Services services;

  private KnowledgeBaseMcp(Services services) {
    this.services = services;
  }

  /** The JSON mapper of every transport (Jackson 2, as the rest of the service). */
  static McpJsonMapper jsonMapper() {
    return new JacksonMcpJsonMapper(new ObjectMapper());
  }

  /** Builds the server on {@code spec} (a transport's specification) and lists the articles as resources. */
  static McpSyncServer build(McpServer.SyncSpecification<?> spec, Services services) {
    KnowledgeBaseMcp kb = new KnowledgeBaseMcp(services);
    ArticleResources resources = new ArticleResources(services.articles());
    McpSyncServer server = spec
        .serverInfo(NAME, AppVersion.get())
        .instructions("A Chinese deep-learning knowledge base (Markdown notes). Search it with 'search' "
            + "(Chinese or English; terms are mapped across languages), read an article with 'get_article', "
            + "find what to read next with 'related'. Articles are also resources dailydl://articles/{path}.")
        .jsonMapper(jsonMapper())
        .uriTemplateManagerFactory(new ArticleUris.Templates())
        .requestTimeout(Duration.ofSeconds(30))
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, true).build())
        .tools(kb.searchTool(), kb.articleTool(), kb.relatedTool(), kb.categoriesTool())
        .resourceTemplates(resources.template())
        .build();
    resources.listOn(server);
    services.index().onIndexed(() -> resources.listOn(server));
    return server;
  }

  // -- tools -----------------------------------------------------------------------------------

  private McpServerFeatures.SyncToolSpecification searchTool() {
    Map<String, Object> schema = object(Map.of(
        "query", Map.of("type", "string", "description", "what to look for, in Chinese or English (at most 256 characters)"),
        "size", Map.of("type", "integer", "minimum", 1, "maximum", MAX_SIZE, "description", "hits to return (default 5)"),
        "mode", Map.of("type", "string", "enum", List.of("hybrid", "lexical", "semantic"),
            "description", "hybrid (default: words and meaning), lexical (words only) or semantic (meaning only)"),
        "category", Map.of("type", "string", "description", "only articles of this category (see list_categories)")),
        List.of("query"));
    McpSchema.Tool tool = McpSchema.Tool.builder("search", schema)
        .title("Search the knowledge base")
        .description("Ranked articles for a query, each with its title, path, category and a snippet "
            + "(matched words in **bold**). Read one with get_article.")
        .annotations(readOnly("Search the knowledge base"))
        .build();
    return McpServerFeatures.SyncToolSpecification.builder().tool(tool)
        .callHandler((exchange, request) -> call(() -> search(request.arguments()))).build();
  }

  private Object search(Map<String, Object> args) throws IOException, ToolException {
    String query = text(args, "query");
    if (query == null || query.isBlank() || query.length() > SearchRequest.MAX_QUERY_LENGTH) {
      throw new ToolException("'query' must be 1 to " + SearchRequest.MAX_QUERY_LENGTH + " characters");
    }
    int size = integer(args, "size", 5, 1, MAX_SIZE);
    String mode = Optional.ofNullable(text(args, "mode")).orElse("hybrid");
    if (!List.of("hybrid", "lexical", "semantic").contains(mode)) {
      throw new ToolException("'mode' must be hybrid, lexical or semantic");
    }
    SearchResult result;
    try {
      result = services.search().search(new SearchRequest(query, 1, size, text(args, "category"), null, false,
          Mode.of(mode)));
    } catch (InvalidQueryException e) {
      throw new ToolException(e.getMessage());
    }
    List<Map<String, Object>> hits = result.hits().stream().map(h -> {
      Map<String, Object> hit = new LinkedHashMap<>();
      hit.put("title", h.title());
      hit.put("path", h.path());
      hit.put("id", h.id());
      hit.put("category", h.category());
      hit.put("snippet", plainSnippet(h.snippet()));
      hit.put("uri", ArticleUris.of(h.path()));
      return hit;
    }).toList();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("query", result.query());
    answer.put("total", result.total());
    answer.put("mode", result.mode().label());
    if (result.suggestion() != null) {
      answer.put(result.suggestionApplied() ? "showingResultsFor" : "didYouMean", result.suggestion());
    }
    answer.put("hits", hits);
    return answer;
  }

  /** A snippet as text: the highlight marks as Markdown bold, HTML entities decoded. */
  static String plainSnippet(String html) {
    if (html == null) {
      return "";
    }
    return Parser.unescapeEntities(html.replace("<mark>", "**").replace("</mark>", "**"), false);
  }

  private McpServerFeatures.SyncToolSpecification articleTool() {
    McpSchema.Tool tool = McpSchema.Tool.builder("get_article", articleSchema(false))
        .title("Read an article")
        .description("One article's Markdown (notebooks as Markdown cells and code), with its title and path. "
            + "Give its 'path' (as search returns it, e.g. 深度学习/CNN.md) or its 'id'.")
        .annotations(readOnly("Read an article"))
        .build();
    return McpServerFeatures.SyncToolSpecification.builder().tool(tool)
        .callHandler((exchange, request) -> call(() -> article(request.arguments()))).build();
  }

  private Object article(Map<String, Object> args) throws IOException, ToolException {
    String path = text(args, "path");
    String id = text(args, "id");
    Optional<ArticleView.Source> source = path != null ? services.articles().sourceByPath(path)
        : id != null ? services.articles().sourceById(id) : Optional.empty();
    if (path == null && id == null) {
      throw new ToolException("give the article's 'path' or 'id'");
    }
    ArticleView.Source s = source.orElseThrow(() -> new ToolException(
        "no article with " + (path != null ? "path '" + path + "'" : "id '" + id + "'") + "; search finds paths"));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("title", s.title());
    answer.put("path", s.path());
    answer.put("id", s.id());
    answer.put("category", s.category());
    answer.put("tags", s.tags());
    answer.put("uri", ArticleUris.of(s.path()));
    answer.put("markdown", s.markdown());
    return answer;
  }

  private McpServerFeatures.SyncToolSpecification relatedTool() {
    McpSchema.Tool tool = McpSchema.Tool.builder("related", articleSchema(true))
        .title("Articles to read next")
        .description("Recommendations for an article (by 'path' or 'id'), each with the reasons it is "
            + "recommended (links, shared topics, next in a series…).")
        .annotations(readOnly("Articles to read next"))
        .build();
    return McpServerFeatures.SyncToolSpecification.builder().tool(tool)
        .callHandler((exchange, request) -> call(() -> related(request.arguments()))).build();
  }

  private Object related(Map<String, Object> args) throws IOException, ToolException {
    String path = text(args, "path");
    String id = text(args, "id");
    if (path == null && id == null) {
      throw new ToolException("give the article's 'path' or 'id'");
    }
    int size = integer(args, "size", 8, 1, MAX_SIZE);
    Optional<RelatedService.Result> result = path != null ? services.related().byPath(path, size)
        : services.related().byId(id, size);
    return result.orElseThrow(() -> new ToolException(
        "no article with " + (path != null ? "path '" + path + "'" : "id '" + id + "'") + "; search finds paths"));
  }

  private McpServerFeatures.SyncToolSpecification categoriesTool() {
    McpSchema.Tool tool = McpSchema.Tool.builder("list_categories", object(Map.of(), List.of()))
        .title("List the categories")
        .description("The knowledge base's categories (top folders) with their article counts.")
        .annotations(readOnly("List the categories"))
        .build();
    return McpServerFeatures.SyncToolSpecification.builder().tool(tool)
        .callHandler((exchange, request) -> call(() -> Map.of("categories", services.articles().categories())))
        .build();
  }

  private static Map<String, Object> articleSchema(boolean withSize) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("path", Map.of("type", "string", "description", "content path, e.g. 深度学习/CNN.md"));
    properties.put("id", Map.of("type", "string", "description", "article id (as search returns it)"));
    if (withSize) {
      properties.put("size", Map.of("type", "integer", "minimum", 1, "maximum", MAX_SIZE,
          "description", "recommendations to return (default 8)"));
    }
    return object(properties, List.of());
  }

  private static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    return schema;
  }

  private static McpSchema.ToolAnnotations readOnly(String title) {
    return McpSchema.ToolAnnotations.builder().title(title).readOnlyHint(true).destructiveHint(false)
        .idempotentHint(true).openWorldHint(false).build();
  }

  // -- plumbing --------------------------------------------------------------------------------

  /** A tool's failure the agent should read (bad argument, no such article). */
  static final class ToolException extends Exception {
    ToolException(String message) {
      super(message);
    }
  }

  interface ToolCall {
    Object run() throws IOException, ToolException;
  }

  private static McpSchema.CallToolResult call(ToolCall call) {
    try {
      return McpSchema.CallToolResult.builder().addTextContent(JSON.writeValueAsString(call.run())).isError(false)
          .build();
    } catch (ToolException e) {
      return McpSchema.CallToolResult.builder().addTextContent(e.getMessage()).isError(true).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      LOG.warn("MCP tool failed: {}", e.toString());
      return McpSchema.CallToolResult.builder().addTextContent("the knowledge base could not answer: the index is "
          + "unavailable").isError(true).build();
    }
  }

  private static String text(Map<String, Object> args, String name) {
    Object value = args == null ? null : args.get(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  private static int integer(Map<String, Object> args, String name, int fallback, int min, int max)
      throws ToolException {
    Object value = args == null ? null : args.get(name);
    if (value == null) {
      return fallback;
    }
    int n;
    try {
      n = value instanceof Number number ? number.intValue() : Integer.parseInt(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new ToolException("'" + name + "' must be a whole number from " + min + " to " + max);
    }
    if (n < min || n > max) {
      throw new ToolException("'" + name + "' must be from " + min + " to " + max);
    }
    return n;
  }
}
