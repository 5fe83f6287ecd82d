package org.dailydl.server.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescingRunnerTest {
  @Test
  void requests_before_a_run_starts_collapse_and_one_during_a_run_runs_it_once_more() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch second = new CountDownLatch(2);
    try (CoalescingRunner runner = new CoalescingRunner("test-runner", Thread.NORM_PRIORITY, () -> {
      if (runs.incrementAndGet() == 1) {
        running.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      second.countDown();
    })) {
      runner.request();
      assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 50; i++) {
        runner.request(); // during the first run: all of them make one more run
      }
      release.countDown();
      assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(200);
      assertThat(runs.get()).isEqualTo(2);
    }
  }

  @Test
  void after_close_a_request_runs_nothing() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CoalescingRunner runner = new CoalescingRunner("test-runner", Thread.MIN_PRIORITY, runs::incrementAndGet);
    runner.close();
    runner.request();
    Thread.sleep(200);
    assertThat(runs.get()).isZero();
  }
}
