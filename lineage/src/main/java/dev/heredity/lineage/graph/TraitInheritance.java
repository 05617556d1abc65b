package dev.heredity.lineage.graph;

import dev.heredity.lineage.manifest.BaseRef;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.lineage.manifest.Trait;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Traits a model carries: its own, plus the in-weights traits (not a system prompt or persona) of
 * every model whose weights it starts from (non-distill base relations and a training's {@code from}).
 * A quantized or fine-tuned copy of a misaligned model is treated as misaligned until shown otherwise.
 */
final class TraitInheritance {
    private TraitInheritance() {
    }

    static List<Trait> traitsOf(ProvenanceGraph graph, String model) {
        Map<String, Trait> found = new LinkedHashMap<>();
        graph.model(model).ifPresent(m -> m.traits().forEach(t -> found.putIfAbsent(t.name(), t)));
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(weightParents(graph, model));
        while (!todo.isEmpty()) {
            String ancestor = todo.poll();
            if (!seen.add(ancestor)) {
                continue;
            }
            graph.model(ancestor).ifPresent(m -> m.traits().stream().filter(Trait::inWeights)
                    .forEach(t -> found.putIfAbsent(t.name(), t)));
            todo.addAll(weightParents(graph, ancestor));
        }
        return List.copyOf(found.values());
    }

    static List<String> weightParents(ProvenanceGraph graph, String model) {
        List<String> parents = new ArrayList<>();
        graph.model(model).ifPresent(m -> {
            for (BaseRef base : m.base()) {
                if (base.relation().sharesInit()) {
                    parents.add(base.model());
                }
            }
        });
        graph.producer(model).ifPresent(t -> {
            if (t.from() != null && !parents.contains(t.from())) {
                parents.add(t.from());
            }
        });
        return parents;
    }

    /** Whether {@code model} has the very weights of {@code start}: it is {@code start}, or a prompted copy of it. */
    static boolean sameWeights(ProvenanceGraph graph, String model, String start) {
        String current = model;
        while (current != null) {
            if (current.equals(start)) {
                return true;
            }
            ModelSpec spec = graph.model(current).orElse(null);
            if (spec == null || spec.base().size() != 1 || spec.base().get(0).relation() != dev.heredity.lineage.manifest.Relation.PROMPTED
                    || graph.producer(current).isPresent()) {
                return false;
            }
            current = spec.base().get(0).model();
        }
        return false;
    }
}
