package org.dailydl.server.mcp;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dailydl.server.articles.ArticleService;
import org.dailydl.server.articles.ArticleView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Articles as MCP resources: the template {@code dailydl://articles/{path}} reads any article's
 * Markdown, and every article of the live index is listed as a resource of its own, so clients can
 * offer them to attach. The list follows the index as it changes. Thread-safe.
 */
final class ArticleResources {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleResources.class);

  private final ArticleService articles;
  private final Set<String> listed = new HashSet<>();

  ArticleResources(ArticleService articles) {
    this.articles = Objects.requireNonNull(articles);
  }

  McpServerFeatures.SyncResourceTemplateSpecification template() {
    McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder(ArticleUris.TEMPLATE, "article")
        .title("An article of the knowledge base")
        .description("The Markdown of the article at a content path, e.g. dailydl://articles/深度学习/CNN.md")
        .mimeType("text/markdown")
        .build();
    return new McpServerFeatures.SyncResourceTemplateSpecification(template, (exchange, request) -> read(request.uri()));
  }

  private McpSchema.ReadResourceResult read(String uri) {
    String path = ArticleUris.pathOf(uri);
    Optional<ArticleView.Source> source;
    try {
      source = path == null ? Optional.empty() : articles.sourceByPath(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ArticleView.Source s = source.orElseThrow(() -> McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
        .message("no article at " + uri).build());
    return new McpSchema.ReadResourceResult(List.of(McpSchema.TextResourceContents.builder(uri, s.markdown())
        .mimeType("text/markdown").build()));
  }

  /** Lists every article of the live index as a resource of {@code server} (adds new ones, removes gone ones). */
  synchronized void listOn(McpSyncServer server) {
    try {
      Set<String> now = new HashSet<>();
      for (ArticleView.Summary a : articles.list(null)) {
        String uri = ArticleUris.of(a.path());
        now.add(uri);
        if (!listed.contains(uri)) {
          McpSchema.Resource resource = McpSchema.Resource.builder(uri, a.path())
              .title(a.title())
              .description(a.summary() != null ? a.summary() : a.category())
              .mimeType("text/markdown")
              .build();
          server.addResource(new McpServerFeatures.SyncResourceSpecification(resource,
              (exchange, request) -> read(request.uri())));
        }
      }
      for (String gone : listed) {
        if (!now.contains(gone)) {
          server.removeResource(gone);
        }
      }
      listed.clear();
      listed.addAll(now);
    } catch (IOException | RuntimeException e) {
      LOG.warn("listing the articles as MCP resources failed: {}", e.toString());
    }
  }
}
