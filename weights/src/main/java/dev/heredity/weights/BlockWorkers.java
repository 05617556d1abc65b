package dev.heredity.weights;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Blocks of work shared by a few workers of a pool, each with its own state (e.g. buffers), so the
 * memory in use is one state per worker whatever the number of blocks.
 */
final class BlockWorkers {
  /** The work of one block, with the state of the worker that took it. */
  interface Body<S> {
    void run(S state, int block);
  }

  private BlockWorkers() {}

  /** Runs blocks {@code [0, count)} on up to {@code threads} workers of the pool. */
  static <S> void run(
      ExecutorService pool, int threads, int count, Supplier<S> state, Body<S> body) {
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < Math.min(threads, count); w++) {
      workers.add(
          pool.submit(
              () -> {
                S s = state.get();
                for (int b = next.getAndIncrement(); b < count; b = next.getAndIncrement()) {
                  body.run(s, b);
                }
              }));
    }
    try {
      for (Future<?> f : workers) {
        get(f);
      }
    } finally {
      next.set(count); // a failed worker stops the others at their next block
    }
  }

  static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }
}
