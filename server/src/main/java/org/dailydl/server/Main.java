package org.dailydl.server;

import org.dailydl.indexer.cli.IndexCommand;
import org.dailydl.server.mcp.McpCommand;
import org.dailydl.server.ops.AppVersion;
import org.dailydl.server.terms.TermsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dailydl} command: {@code index} builds the search index, {@code serve} runs the service,
 * {@code mcp} serves agents over stdio, {@code terms} writes the terminology page.
 */
@Command(
    name = "dailydl",
    mixinStandardHelpOptions = true,
    versionProvider = AppVersion.class,
    description = "Search and recommendations for a Chinese deep-learning knowledge base.",
    subcommands = {IndexCommand.class, ServeCommand.class, McpCommand.class, TermsCommand.class,
        CommandLine.HelpCommand.class})
public final class Main {
  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
