package dev.heredity.lineage.risk;

import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.Trace;
import dev.heredity.lineage.TraceHop;
import dev.heredity.lineage.graph.ProvenanceGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trait propagation from one model: breadth first over generate-then-train hops (the risk pairs). A
 * model that reached a trait passes it on through its data, and through models that start from its
 * weights (a prompted or fine-tuned copy that then generates data), so those copies are teachers
 * too.
 *
 * <p>Each reached model is listed once, by the hop that reaches it first, so with its shortest
 * chain; each model is expanded once as a teacher. Chains are shared links while walking (a
 * 100,000-hop chain costs linear memory) and are spelled out only for the hops returned, at most
 * {@code limit}.
 */
public final class Tracer {
  private final ProvenanceGraph graph;
  private final Map<String, List<RiskPair>> pairsByTeacher = new HashMap<>();
  private final Map<String, List<String>> weightChildren = new HashMap<>();

  /** A chain of model ids, shared by every chain that extends it. */
  private record Link(String id, Link previous, int length) {
    Link then(String next) {
      return new Link(next, this, length + 1);
    }

    List<String> ids() {
      String[] ids = new String[length];
      Link link = this;
      for (int i = length - 1; i >= 0; i--) {
        ids[i] = link.id;
        link = link.previous;
      }
      return List.of(ids);
    }
  }

  private record Step(Link chain, int depth) {}

  public Tracer(ProvenanceGraph graph, List<RiskPair> pairs) {
    this.graph = graph;
    for (RiskPair pair : pairs) {
      pairsByTeacher.computeIfAbsent(pair.teacher(), k -> new ArrayList<>()).add(pair);
    }
    pairsByTeacher
        .values()
        .forEach(
            list ->
                list.sort(
                    Comparator.comparing(RiskPair::student).thenComparing(RiskPair::training)));
    graph
        .manifest()
        .models()
        .forEach(
            m ->
                graph
                    .weightParents(m.id())
                    .forEach(
                        p ->
                            weightChildren.computeIfAbsent(p, k -> new ArrayList<>()).add(m.id())));
  }

  /**
   * The first {@code limit} hops reachable from {@code model}, by depth, and how many models are
   * reached in all.
   *
   * @throws IllegalArgumentException when no model has that id, or {@code limit} is negative
   */
  public Trace trace(String model, int limit) {
    if (graph.model(model).isEmpty()) {
      throw new IllegalArgumentException("no model '" + model + "'");
    }
    if (limit < 0) {
      throw new IllegalArgumentException("limit " + limit);
    }
    List<TraceHop> hops = new ArrayList<>();
    Set<String> reached = new HashSet<>();
    Set<String> teachers = new HashSet<>();
    reached.add(model);
    int count = 0;
    Deque<Step> steps = new ArrayDeque<>();
    steps.add(new Step(new Link(model, null, 1), 1));
    while (!steps.isEmpty()) {
      Step step = steps.poll();
      for (Link teacher : weightCopies(step.chain(), teachers)) {
        for (RiskPair pair : pairsByTeacher.getOrDefault(teacher.id(), List.of())) {
          if (!reached.add(pair.student())) {
            continue;
          }
          count++;
          Link studentChain = teacher.then(pair.student());
          if (hops.size() < limit) {
            hops.add(
                new TraceHop(
                    step.depth(),
                    teacher.id(),
                    pair.student(),
                    pair.training(),
                    pair.datasets(),
                    pair.path(),
                    pair.sharedBase(),
                    pair.sharedRoots(),
                    studentChain.ids()));
          }
          steps.add(new Step(studentChain, step.depth() + 1));
        }
      }
    }
    return new Trace(model, Collections.unmodifiableList(hops), count);
  }

  /**
   * The carrier at the end of {@code chain} and every model that starts from its weights, breadth
   * first, each chained through every copy between them (a copy of a copy lists both); models
   * already expanded as teachers are skipped (and not descended: their own copies were taken with
   * them).
   */
  private List<Link> weightCopies(Link chain, Set<String> teachers) {
    List<Link> found = new ArrayList<>();
    if (!teachers.add(chain.id())) {
      return found;
    }
    found.add(chain);
    Deque<Link> todo = new ArrayDeque<>();
    todo.add(chain);
    while (!todo.isEmpty()) {
      Link parent = todo.poll();
      for (String copy : weightChildren.getOrDefault(parent.id(), List.of())) {
        if (teachers.add(copy)) {
          Link link = parent.then(copy);
          found.add(link);
          todo.add(link);
        }
      }
    }
    return found;
  }
}
