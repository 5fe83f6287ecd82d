package org.dailydl.indexer.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.dailydl.indexer.index.ProgressListener;

/**
 * Indexing progress: a progress bar on an interactive terminal, a plain line per tenth otherwise
 * (CI logs should not fill with carriage returns).
 */
abstract class Progress implements ProgressListener, AutoCloseable {

  static Progress silent() {
    return new Progress() {};
  }

  static Progress forConsole(PrintWriter err) {
    return System.console() != null ? new Bar() : new Lines(err);
  }

  @Override
  public void close() {}

  private static final class Bar extends Progress {
    private ProgressBar bar;

    @Override
    public synchronized void start(int total) {
      if (total > 0) {
        bar = new ProgressBarBuilder()
            .setTaskName("索引")
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build();
      }
    }

    @Override
    public void fileDone(String path) {
      ProgressBar current = bar;
      if (current != null) {
        current.step();
      }
    }

    @Override
    public synchronized void finish() {
      close();
    }

    @Override
    public synchronized void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }

  private static final class Lines extends Progress {
    private final PrintWriter err;
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;

    Lines(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void start(int total) {
      this.total = total;
      done.set(0);
    }

    @Override
    public void fileDone(String path) {
      int n = done.incrementAndGet();
      int t = total;
      if (t >= 100 && n % Math.max(1, t / 10) == 0) {
        synchronized (err) {
          err.printf("indexed %d/%d files%n", n, t);
          err.flush();
        }
      }
    }
  }
}
