package org.dailydl.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import java.nio.file.Path;
import java.time.Duration;
import org.dailydl.indexer.Fixtures;
import org.dailydl.server.index.IndexHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `dailydl mcp` as an agent starts it: a subprocess speaking MCP on stdin/stdout, driven by the SDK's client. */
class McpStdioTest {
  @TempDir Path temp;

  @Test
  void an_agent_searches_reads_and_follows_related_articles_over_stdio() throws Exception {
    Path content = Fixtures.copyOfCorpus(temp.resolve("content"));
    Path index = temp.resolve("index");
    IndexHandle.open(content, index).close();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ServerParameters server = ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString())
        .args("-Xmx256m", "-cp", classpath, "org.dailydl.server.Main", "mcp", "--no-embeddings",
            "--content", content.toString(), "--index", index.toString())
        .build();
    StdioClientTransport transport = new StdioClientTransport(server, KnowledgeBaseMcp.jsonMapper());
    StringBuilder stderr = new StringBuilder();
    transport.setStdErrorHandler(line -> {
      synchronized (stderr) {
        stderr.append(line).append('\n');
      }
    });
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
    try {
      McpClientChecks.exercise(client);
    } finally {
      client.closeGracefully();
    }
    synchronized (stderr) {
      // logs went to stderr (stdout carries the protocol only)
      assertThat(stderr.toString()).contains("MCP server on stdio");
    }
  }
}
