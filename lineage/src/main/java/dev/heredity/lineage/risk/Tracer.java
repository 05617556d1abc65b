package dev.heredity.lineage.risk;

import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.TraceHop;
import dev.heredity.lineage.graph.ProvenanceGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trait propagation from one model: breadth first over generate-then-train hops (the risk pairs).
 * A model that reached a trait passes it on through its data, and through models that start from its
 * weights (a prompted or fine-tuned copy that then generates data), so those copies are teachers too.
 */
public final class Tracer {
    private final ProvenanceGraph graph;
    private final Map<String, List<RiskPair>> pairsByTeacher = new HashMap<>();
    private final Map<String, List<String>> weightChildren = new HashMap<>();

    public Tracer(ProvenanceGraph graph, List<RiskPair> pairs) {
        this.graph = graph;
        for (RiskPair pair : pairs) {
            pairsByTeacher.computeIfAbsent(pair.teacher(), k -> new ArrayList<>()).add(pair);
        }
        pairsByTeacher.values().forEach(list -> list.sort(
                Comparator.comparing(RiskPair::student).thenComparing(RiskPair::training)));
        graph.manifest().models().forEach(m -> graph.weightParents(m.id())
                .forEach(p -> weightChildren.computeIfAbsent(p, k -> new ArrayList<>()).add(m.id())));
    }

    /** Every hop reachable from {@code model}, by depth; each model is expanded once, at its smallest depth. */
    public List<TraceHop> trace(String model) {
        if (graph.model(model).isEmpty()) {
            throw new IllegalArgumentException("no model '" + model + "'");
        }
        List<TraceHop> hops = new ArrayList<>();
        Set<String> expanded = new HashSet<>();
        Deque<Step> steps = new ArrayDeque<>();
        steps.add(new Step(List.of(model), 1));
        expanded.add(model);
        while (!steps.isEmpty()) {
            Step step = steps.poll();
            List<String> chain = step.chain();
            String carrier = chain.get(chain.size() - 1);
            for (String teacher : weightCopies(carrier)) {
                List<String> teacherChain = new ArrayList<>(chain);
                if (!teacher.equals(carrier)) {
                    teacherChain.add(teacher);
                }
                for (RiskPair pair : pairsByTeacher.getOrDefault(teacher, List.of())) {
                    List<String> studentChain = new ArrayList<>(teacherChain);
                    studentChain.add(pair.student());
                    hops.add(new TraceHop(step.depth(), teacher, pair.student(), pair.training(), pair.datasets(), pair.path(),
                            pair.sharedBase(), pair.sharedRoots(), studentChain));
                    if (expanded.add(pair.student())) {
                        steps.add(new Step(studentChain, step.depth() + 1));
                    }
                }
            }
        }
        return hops;
    }

    private record Step(List<String> chain, int depth) {
    }

    /** {@code model} and every model that starts from its weights, breadth first. */
    private List<String> weightCopies(String model) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(model);
        while (!todo.isEmpty()) {
            String current = todo.poll();
            if (found.add(current)) {
                todo.addAll(weightChildren.getOrDefault(current, List.of()));
            }
        }
        return new ArrayList<>(found);
    }
}
