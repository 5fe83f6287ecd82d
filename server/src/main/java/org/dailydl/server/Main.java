package org.dailydl.server;

import org.dailydl.indexer.cli.IndexCommand;
import org.dailydl.server.mcp.McpCommand;
import org.dailydl.server.ops.AppVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dailydl} command: {@code index} builds the search index, {@code serve} runs the service,
 * {@code mcp} serves agents over stdio.
 */
@Command(
    name = "dailydl",
    mixinStandardHelpOptions = true,
    versionProvider = AppVersion.class,
    description = "Search and recommendations for a Chinese deep-learning knowledge base.",
    subcommands = {IndexCommand.class, ServeCommand.class, McpCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
