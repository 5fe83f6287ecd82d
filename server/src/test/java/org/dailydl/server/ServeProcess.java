package org.dailydl.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code dailydl} child process (the test class path's {@code Main}), for what only a
 * process shows: locks between processes, {@code kill -9}, exit codes and log lines. Its output
 * goes to a file beside the test's folders. Close it to stop it (SIGTERM, then SIGKILL).
 */
public final class ServeProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Path log;
  public final int port;

  private ServeProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts {@code dailydl serve} on a free port with {@code extra} flags, output in {@code logDir}. */
  public static ServeProcess serve(Path content, Path index, Path logDir, String... extra) throws IOException {
    int port = freePort();
    List<String> args = new ArrayList<>(List.of("serve", "--content", content.toString(), "--index", index.toString(),
        "--port", Integer.toString(port)));
    args.addAll(List.of(extra));
    return start(args, logDir, port);
  }

  /** Starts {@code dailydl} with {@code args} (no port of its own), output in {@code logDir}. */
  public static ServeProcess start(List<String> args, Path logDir, int port) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        "org.dailydl.server.Main"));
    command.addAll(args);
    Path log = logDir.resolve("dailydl-" + System.nanoTime() + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    return new ServeProcess(builder.start(), log, port);
  }

  public static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Everything the process wrote so far. */
  public String output() throws IOException {
    return Files.readString(log);
  }

  /** Waits for the process to exit and gives its exit code, or -1 when it did not exit in time. */
  public int waitForExit(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
  }

  /** Waits until {@code /health} answers, at most {@code seconds}; fails when the process exits first. */
  public ServeProcess awaitHealthy(long seconds) throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + seconds * 1000;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("serve exited with " + process.exitValue() + ":\n" + output());
      }
      try {
        if (get("/health").statusCode() == 200) {
          return this;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve did not answer on port " + port + " within " + seconds + " s:\n" + output());
  }

  public HttpResponse<String> get(String target) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
