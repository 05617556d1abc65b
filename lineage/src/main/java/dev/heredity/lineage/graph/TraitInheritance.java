package dev.heredity.lineage.graph;

import dev.heredity.lineage.manifest.BaseRef;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.lineage.manifest.Relation;
import dev.heredity.lineage.manifest.Trait;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Traits a model carries: its own, plus the in-weights traits (not a system prompt or persona) of
 * every model whose weights it starts from (non-distill base relations and a training's {@code
 * from}), nearest ancestors first. A quantized or fine-tuned copy of a misaligned model is treated
 * as misaligned until shown otherwise.
 *
 * <p>The ancestors' traits of a model with one weight parent are its parent's own in-weights traits
 * followed by the parent's ancestors' traits, so they are memoised along chains: a 100,000-deep
 * chain costs linear time, not a walk per model. Models with several parents (merges) walk breadth
 * first. Every walk is iterative. Safe for concurrent use.
 */
final class TraitInheritance {
  private final ProvenanceGraph graph;
  private final Map<String, List<Trait>> ancestorTraits = new ConcurrentHashMap<>();

  TraitInheritance(ProvenanceGraph graph) {
    this.graph = graph;
  }

  List<Trait> traitsOf(String model) {
    Map<String, Trait> found = new LinkedHashMap<>();
    graph.model(model).ifPresent(m -> m.traits().forEach(t -> found.putIfAbsent(t.name(), t)));
    ancestors(model).forEach(t -> found.putIfAbsent(t.name(), t));
    return List.copyOf(found.values());
  }

  /**
   * The in-weights traits of every weight ancestor of {@code model}, breadth first, first of each
   * name.
   */
  private List<Trait> ancestors(String model) {
    List<Trait> known = ancestorTraits.get(model);
    if (known != null) {
      return known;
    }
    // climb single-parent links until a memoised model, a root or a merge; then fill the memo
    // downwards
    Deque<String> chain = new ArrayDeque<>();
    String current = model;
    List<Trait> above = null;
    while (above == null) {
      List<String> parents = weightParents(current);
      if (parents.size() != 1) {
        above = parents.isEmpty() ? List.of() : breadthFirst(parents);
        ancestorTraits.putIfAbsent(current, above);
        break;
      }
      chain.push(current);
      String parent = parents.get(0);
      List<Trait> memo = ancestorTraits.get(parent);
      if (memo != null) {
        above = memo;
        break;
      }
      current = parent;
      if (chain.size() > graph.manifest().models().size()) {
        throw new IllegalStateException("base relations loop; validate the manifest first");
      }
    }
    List<Trait> result = above;
    while (!chain.isEmpty()) {
      String child = chain.pop();
      String parent = weightParents(child).get(0);
      List<Trait> parentAncestors = ancestorTraits.getOrDefault(parent, result);
      result = prepend(ownInWeights(parent), parentAncestors);
      ancestorTraits.putIfAbsent(child, result);
    }
    return ancestorTraits.get(model);
  }

  private List<Trait> breadthFirst(List<String> parents) {
    Map<String, Trait> found = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(parents);
    while (!todo.isEmpty()) {
      String ancestor = todo.poll();
      if (seen.add(ancestor)) {
        ownInWeights(ancestor).forEach(t -> found.putIfAbsent(t.name(), t));
        todo.addAll(weightParents(ancestor));
      }
    }
    return List.copyOf(found.values());
  }

  private static List<Trait> prepend(List<Trait> first, List<Trait> then) {
    if (first.isEmpty()) {
      return then;
    }
    Map<String, Trait> merged = new LinkedHashMap<>();
    first.forEach(t -> merged.putIfAbsent(t.name(), t));
    then.forEach(t -> merged.putIfAbsent(t.name(), t));
    return List.copyOf(merged.values());
  }

  private List<Trait> ownInWeights(String model) {
    return graph
        .model(model)
        .map(m -> m.traits().stream().filter(Trait::inWeights).toList())
        .orElse(List.of());
  }

  List<String> weightParents(String model) {
    List<String> parents = new ArrayList<>();
    graph
        .model(model)
        .ifPresent(
            m -> {
              for (BaseRef base : m.base()) {
                if (base.relation().sharesInit()) {
                  parents.add(base.model());
                }
              }
            });
    graph
        .producer(model)
        .ifPresent(
            t -> {
              if (t.from() != null && !parents.contains(t.from())) {
                parents.add(t.from());
              }
            });
    return parents;
  }

  /**
   * Whether {@code model} has the very weights of {@code start}: it is {@code start}, or a prompted
   * copy of it.
   */
  boolean sameWeights(String model, String start) {
    String current = model;
    while (current != null) {
      if (current.equals(start)) {
        return true;
      }
      ModelSpec spec = graph.model(current).orElse(null);
      if (spec == null
          || spec.base().size() != 1
          || spec.base().get(0).relation() != Relation.PROMPTED
          || graph.producer(current).isPresent()) {
        return false;
      }
      current = spec.base().get(0).model();
    }
    return false;
  }
}
