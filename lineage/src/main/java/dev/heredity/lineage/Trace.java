package dev.heredity.lineage;

import java.util.List;
import java.util.TreeSet;

/**
 * Where a trait of one model may have spread: the first hops found breadth first (each reached
 * model once, with its shortest chain) and how many models were reached in all.
 *
 * @param hops at most the requested number, shallowest first
 * @param reachedCount every model reached, listed or not
 */
public record Trace(String from, List<TraceHop> hops, int reachedCount) {
  public Trace {
    hops = List.copyOf(hops);
  }

  /** Whether some reached models are not listed in {@link #hops()}. */
  public boolean truncated() {
    return hops.size() < reachedCount;
  }

  /** The students of the listed hops, sorted. */
  public List<String> listedModels() {
    return List.copyOf(new TreeSet<>(hops.stream().map(TraceHop::student).toList()));
  }
}
