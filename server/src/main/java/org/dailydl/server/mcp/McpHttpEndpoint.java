package org.dailydl.server.mcp;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import java.util.List;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * The MCP server over the streamable HTTP transport at {@link #PATH}, mounted as a servlet of its
 * own beside Javalin's (the SDK's transport is a servlet). Browsers may call it only from the
 * origins allowed with {@code --cors-origins}: the SDK refuses any other {@code Origin} (403),
 * which keeps a web page from reaching a server on localhost through DNS rebinding. Clients that
 * are not browsers send no {@code Origin} and are served.
 */
public final class McpHttpEndpoint implements AutoCloseable {
  public static final String PATH = "/mcp";

  private final HttpServletStreamableServerTransportProvider transport;
  private final McpSyncServer server;

  /** @param allowedOrigins origins whose pages may call the endpoint (normalised {@code scheme://host[:port]}) */
  public McpHttpEndpoint(KnowledgeBaseMcp.Services services, List<String> allowedOrigins) {
    this.transport = HttpServletStreamableServerTransportProvider.builder()
        .jsonMapper(KnowledgeBaseMcp.jsonMapper())
        .mcpEndpoint(PATH)
        .securityValidator(DefaultServerTransportSecurityValidator.builder().allowedOrigins(allowedOrigins).build())
        .build();
    this.server = KnowledgeBaseMcp.build(McpServer.sync(transport), services);
  }

  /** Adds the endpoint to the app's servlet context (Javalin's own servlet keeps every other path). */
  public void mount(ServletContextHandler context) {
    ServletHolder holder = new ServletHolder("mcp", transport);
    holder.setAsyncSupported(true);
    context.addServlet(holder, PATH);
  }

  @Override
  public void close() {
    server.closeGracefully();
  }
}
