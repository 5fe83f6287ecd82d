package org.dailydl.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.dailydl.server.SharedCorpus;
import org.dailydl.server.ops.Operations;
import org.dailydl.server.semantic.SemanticService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The MCP endpoint under serve (/mcp, streamable HTTP), driven by the SDK's own client. */
class McpHttpTest {
  @RegisterExtension static final SharedCorpus corpus = SharedCorpus.fixtures();

  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

  @Test
  void an_agent_uses_the_knowledge_base_over_streamable_http() throws Exception {
    Operations ops = Operations.create(corpus.handle(), corpus.glossary(), SemanticService.disabled(),
        new Operations.Options(null, "https://kb.example.org", null, null, true));
    JavalinTest.test(ops.app(), (server, client) -> {
      HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
          .builder("http://localhost:" + server.port()).endpoint("/mcp").build();
      McpSyncClient mcp = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
      try {
        McpClientChecks.exercise(mcp);
      } finally {
        mcp.closeGracefully();
      }
      String metrics = client.get("/metrics").body().string();
      assertThat(metrics).contains("uri=\"/mcp\"");
    });
    ops.close();
  }

  @Test
  void pages_of_other_origins_cannot_call_the_endpoint_and_it_can_be_turned_off() throws Exception {
    Operations ops = Operations.create(corpus.handle(), corpus.glossary(), SemanticService.disabled(),
        new Operations.Options(null, "https://kb.example.org", null, null, true));
    JavalinTest.test(ops.app(), (server, client) -> {
      RequestBody body = RequestBody.create(INITIALIZE, MediaType.get("application/json"));
      Response foreign = client.request("/mcp", r -> r.post(body).header("Origin", "https://evil.example")
          .header("Accept", "application/json, text/event-stream"));
      assertThat(foreign.code()).isEqualTo(403);
      Response allowed = client.request("/mcp", r -> r.post(body).header("Origin", "https://kb.example.org")
          .header("Accept", "application/json, text/event-stream"));
      assertThat(allowed.code()).isEqualTo(200);
      assertThat(allowed.header("mcp-session-id")).isNotBlank();
    });
    ops.close();
    Operations off = Operations.create(corpus.handle(), corpus.glossary(), SemanticService.disabled(),
        new Operations.Options(null, null, null, null, false));
    JavalinTest.test(off.app(), (server, client) -> {
      RequestBody body = RequestBody.create(INITIALIZE, MediaType.get("application/json"));
      assertThat(client.request("/mcp", r -> r.post(body)).code()).isIn(404, 405);
    });
    off.close();
  }
}
