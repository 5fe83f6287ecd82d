package org.dailydl.server.mcp;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.dailydl.indexer.analysis.Glossary;
import org.dailydl.indexer.cli.Locations;
import org.dailydl.indexer.index.FolderLock;
import org.dailydl.server.index.IndexHandle;
import org.dailydl.server.index.UnusableIndexException;
import org.dailydl.server.ops.Operations;
import org.dailydl.server.search.SearchService;
import org.dailydl.server.semantic.SemanticService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mcp}: the knowledge base as a Model Context Protocol server on standard input and output,
 * for agents that start it as a subprocess. Standard output carries the protocol only; logs go to
 * standard error. The index is built when missing and updated in the background, as under {@code
 * serve}, or opened as it is with {@code --read-only}.
 */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description = {
      "Serves search, articles and related articles to AI agents over the Model Context Protocol (stdio).",
      "Tools: search, get_article, related, list_categories; resources: dailydl://articles/{path}."
    })
public final class McpCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(McpCommand.class);

  @Mixin Locations locations;

  @Option(names = "--no-embeddings", description = "Lexical search only: no model, no passage vectors.")
  boolean noEmbeddings;

  @Option(names = "--read-only",
      description = "Open a prebuilt index as it is (nothing built or written); exits with code 3 without one.")
  boolean readOnly;

  @Spec CommandLine.Model.CommandSpec spec;

  /**
   * The index, kept up to date; when a running {@code serve} already writes it, the index as that
   * server keeps it, read-only (an agent's client starts this beside the server).
   */
  private IndexHandle openWritable() throws IOException {
    try {
      return IndexHandle.openForServing(locations.content, locations.index,
          report -> LOG.info("index {}: {} articles in {} ms", report.mode(), report.articles(), report.millis()));
    } catch (FolderLock.HeldException e) {
      LOG.info("{}: reading it without writing", e.getMessage());
      readOnly = true;
      return IndexHandle.openReadOnly(locations.content, locations.index);
    }
  }

  @Override
  public Integer call() throws Exception {
    IndexHandle handle;
    try {
      handle = readOnly ? IndexHandle.openReadOnly(locations.content, locations.index) : openWritable();
    } catch (UnusableIndexException e) {
      spec.commandLine().getErr().println("mcp: cannot serve read-only: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 3;
    }
    SemanticService semantics = noEmbeddings ? SemanticService.disabled()
        : readOnly ? SemanticService.readOnly(handle, Operations.nativeDir()) : SemanticService.enabled(handle);
    semantics.scheduleUpdate();
    SearchService search = SearchService.create(handle, Glossary.forContent(locations.content), semantics);
    // the client ends the session by closing our standard input: then stop, and exit
    CountDownLatch endOfInput = new CountDownLatch(1);
    InputStream in = new FilterInputStream(System.in) {
      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
          endOfInput.countDown();
        }
        return n;
      }
    };
    StdioServerTransportProvider transport = new StdioServerTransportProvider(KnowledgeBaseMcp.jsonMapper(), in,
        System.out);
    McpSyncServer server = KnowledgeBaseMcp.build(McpServer.sync(transport),
        KnowledgeBaseMcp.Services.over(handle, search));
    LOG.info("MCP server on stdio over {}", handle.contentDir());
    Runtime.getRuntime().addShutdownHook(new Thread(endOfInput::countDown));
    endOfInput.await();
    server.closeGracefully();
    semantics.close();
    handle.close();
    return 0;
  }
}
