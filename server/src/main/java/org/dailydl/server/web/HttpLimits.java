package org.dailydl.server.web;

import io.javalin.config.JavalinConfig;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * What one client may take from the server, so that slow or many clients cannot keep others from
 * an answer: a bounded thread pool with a bounded queue, a cap on open connections, an idle
 * timeout, a deadline for a request's headers (a client that sends them a byte at a time is cut
 * off, however often it sends), and Jetty's 8 KB limit on the request line and headers (a longer
 * one is answered 414 or 431). Waiting for bytes costs Jetty no thread; these bound what it costs.
 */
public final class HttpLimits {
  /** At most this many requests are worked on at once; 2 cores get nothing from more. */
  static final int MAX_THREADS = 64;
  static final int MIN_THREADS = 8;
  /** Requests waiting for a thread beyond this are refused (the connection is closed). */
  static final int QUEUE = 1024;
  /** Open connections beyond this wait to be accepted. */
  static final int MAX_CONNECTIONS = 4096;
  /** A connection that sends and receives nothing for this long is closed. */
  public static final long IDLE_TIMEOUT_MILLIS = 30_000;
  /** A request whose headers are not complete after this (one to two times it, after the first) is cut off. */
  public static final long HEADER_TIMEOUT_MILLIS = 10_000;

  private HttpLimits() {}

  /** Applies the limits to an app's Jetty. */
  public static void apply(JavalinConfig config) {
    config.jetty.threadPool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, 60_000,
        new BlockingArrayQueue<>(64, 64, QUEUE));
    config.jetty.modifyServer(server -> server.addBean(new ConnectionLimit(MAX_CONNECTIONS, server)));
    config.jetty.modifyServer(HttpLimits::onConnectors);
  }

  /** Idle timeout and header deadline on every connector, once Javalin has added them. */
  private static void onConnectors(Server server) {
    server.addEventListener(new LifeCycle.Listener() {
      @Override
      public void lifeCycleStarting(LifeCycle event) {
        for (var connector : server.getConnectors()) {
          if (connector instanceof ServerConnector c) {
            c.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
            c.addBean(new HeaderDeadline(c.getScheduler()));
          }
        }
      }
    });
  }

  /**
   * Closes a connection that stays in the middle of a request's headers from one check to the
   * next, {@link #HEADER_TIMEOUT_MILLIS} apart, without completing a request meanwhile.
   */
  private static final class HeaderDeadline implements Connection.Listener {
    private final Scheduler scheduler;

    HeaderDeadline(Scheduler scheduler) {
      this.scheduler = scheduler;
    }

    @Override
    public void onOpened(Connection connection) {
      if (connection instanceof HttpConnection http) {
        check(http, 0, true); // from its opening, the first request's headers are awaited
      }
    }

    private void check(HttpConnection http, long requestsBefore, boolean midHeaderBefore) {
      scheduler.schedule(() -> {
        if (!http.getEndPoint().isOpen()) {
          return;
        }
        HttpParser parser = http.getParser();
        long requests = http.getMessagesIn();
        boolean midHeader = parser.inHeaderState() && !parser.isStart();
        if (midHeader && midHeaderBefore && requests == requestsBefore) {
          http.getEndPoint().close();
          return;
        }
        check(http, requests, midHeader);
      }, HEADER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onClosed(Connection connection) {
      // the next check finds the connection closed and stops
    }
  }
}
