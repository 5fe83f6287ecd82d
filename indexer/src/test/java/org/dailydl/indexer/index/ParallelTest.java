package org.dailydl.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {
  @Test
  void results_keep_the_order_of_the_items_and_run_on_the_pool() throws IOException {
    List<Integer> items = IntStream.range(0, 200).boxed().toList();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<Integer> squares = Parallel.map(items, "test-pool", i -> {
      threads.add(Thread.currentThread().getName());
      return i * i;
    });
    assertThat(squares).containsExactlyElementsOf(items.stream().map(i -> i * i).toList());
    assertThat(threads).allMatch(name -> Parallel.threads() == 1 || name.equals("test-pool"));
  }

  @Test
  void an_io_failure_of_one_item_reaches_the_caller_as_it_was() {
    List<Integer> items = IntStream.range(0, 50).boxed().toList();
    assertThatThrownBy(() -> Parallel.map(items, "test-pool", i -> {
      if (i == 17) {
        throw new IOException("disk full at 17");
      }
      return i;
    })).isInstanceOf(IOException.class).hasMessage("disk full at 17");
  }

  @Test
  void a_few_items_run_on_the_caller_s_thread() throws IOException {
    String caller = Thread.currentThread().getName();
    assertThat(Parallel.map(List.of(1, 2, 3), "test-pool", i -> Thread.currentThread().getName()))
        .containsOnly(caller);
  }
}
