package dev.heredity.lineage.validate;

import dev.heredity.lineage.SourceLocation;
import dev.heredity.lineage.manifest.BaseRef;
import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.DerivedFrom;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.lineage.manifest.Problems;
import dev.heredity.lineage.manifest.TrainingSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * No loop through base, generatedBy, derivedFrom or training links (a model cannot descend from
 * itself). Iterative depth-first search, so deep chains cannot overflow the stack; each cycle is
 * reported once with every id on it.
 */
final class CycleRule {
    private static final int MAX_REPORTED = 10;

    private record Link(String to, SourceLocation at) {
    }

    private final Map<String, List<Link>> links = new LinkedHashMap<>();

    private CycleRule(Manifest manifest) {
        for (ModelSpec model : manifest.models()) {
            node(model.id());
            for (BaseRef base : model.base()) {
                link(base.model(), model.id(), base.location());
            }
        }
        for (DatasetSpec dataset : manifest.datasets()) {
            node(dataset.id());
            if (dataset.generatedBy() != null) {
                link(dataset.generatedBy(), dataset.id(), dataset.locationOf("generatedBy"));
            }
            for (DerivedFrom source : dataset.derivedFrom()) {
                link(source.dataset(), dataset.id(), source.location());
            }
        }
        for (TrainingSpec training : manifest.trainings()) {
            node(training.id());
            if (training.from() != null) {
                link(training.from(), training.id(), training.locationOf("from"));
            }
            for (int i = 0; i < training.datasets().size(); i++) {
                link(training.datasets().get(i), training.id(), training.locationOf("datasets[" + i + "]"));
            }
            link(training.id(), training.student(), training.locationOf("student"));
        }
    }

    static void check(Manifest manifest, Problems problems) {
        new CycleRule(manifest).find(problems);
    }

    private void node(String id) {
        links.computeIfAbsent(id, k -> new ArrayList<>());
    }

    private void link(String from, String to, SourceLocation at) {
        node(from);
        links.get(from).add(new Link(to, at));
    }

    private void find(Problems problems) {
        Map<String, Integer> state = new HashMap<>(); // absent: unvisited, 1: on the path, 2: done
        Set<Set<String>> reported = new HashSet<>();
        List<String> path = new ArrayList<>();
        Deque<int[]> cursors = new ArrayDeque<>(); // next link index of each node on the path
        for (String start : links.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            state.put(start, 1);
            path.add(start);
            cursors.push(new int[] {0});
            while (!path.isEmpty()) {
                String current = path.get(path.size() - 1);
                List<Link> out = links.getOrDefault(current, List.of());
                int[] cursor = cursors.peek();
                if (cursor[0] == out.size()) {
                    state.put(current, 2);
                    path.remove(path.size() - 1);
                    cursors.pop();
                    continue;
                }
                Link link = out.get(cursor[0]++);
                Integer seen = state.get(link.to());
                if (seen == null) {
                    state.put(link.to(), 1);
                    path.add(link.to());
                    cursors.push(new int[] {0});
                } else if (seen == 1 && reported.size() < MAX_REPORTED) {
                    List<String> cycle = new ArrayList<>(path.subList(path.lastIndexOf(link.to()), path.size()));
                    if (reported.add(new HashSet<>(cycle))) {
                        cycle.add(link.to());
                        problems.add(link.at(), "cycle: " + String.join(" -> ", cycle)
                                + " (base, generatedBy, derivedFrom and training links must not loop)");
                    }
                }
            }
        }
    }
}
