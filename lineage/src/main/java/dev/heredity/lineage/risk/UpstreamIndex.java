package dev.heredity.lineage.risk;

import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.DerivedFrom;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.validate.SyntheticData;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For every dataset, which teachers' generated data it carries (through derivedFrom at any depth)
 * and by which shortest route, and which unattributed synthetic datasets feed it. Computed once, in
 * derivation order, so each dataset is visited once.
 */
final class UpstreamIndex {
  /**
   * How {@code dataset} carries a teacher: {@code hops} derivation steps, via {@code source} (null:
   * generated directly).
   */
  private record Route(int hops, String source) {}

  private final Map<String, DatasetSpec> datasets = new HashMap<>();
  private final Map<String, Map<String, Route>> teachers = new HashMap<>();
  private final Map<String, Set<String>> unattributed = new HashMap<>();

  UpstreamIndex(Manifest manifest) {
    manifest.datasets().forEach(d -> datasets.put(d.id(), d));
    for (DatasetSpec dataset : derivationOrder(manifest)) {
      Map<String, Route> routes = new LinkedHashMap<>();
      if (dataset.generatedBy() != null) {
        routes.put(dataset.generatedBy(), new Route(0, null));
      }
      Set<String> blind = new LinkedHashSet<>();
      if (SyntheticData.isUnattributed(dataset)) {
        blind.add(dataset.id());
      }
      for (DerivedFrom source : dataset.derivedFrom()) {
        teachers
            .get(source.dataset())
            .forEach(
                (teacher, route) -> {
                  Route known = routes.get(teacher);
                  if (known == null || route.hops() + 1 < known.hops()) {
                    routes.put(teacher, new Route(route.hops() + 1, source.dataset()));
                  }
                });
        blind.addAll(unattributed.get(source.dataset()));
      }
      teachers.put(dataset.id(), routes.isEmpty() ? Map.of() : routes);
      unattributed.put(dataset.id(), blind.isEmpty() ? Set.of() : blind);
    }
  }

  private static List<DatasetSpec> derivationOrder(Manifest manifest) {
    Map<String, Integer> pending = new HashMap<>();
    Map<String, List<DatasetSpec>> children = new HashMap<>();
    Deque<DatasetSpec> ready = new ArrayDeque<>();
    for (DatasetSpec dataset : manifest.datasets()) {
      pending.put(dataset.id(), dataset.derivedFrom().size());
      for (DerivedFrom source : dataset.derivedFrom()) {
        children.computeIfAbsent(source.dataset(), k -> new ArrayList<>()).add(dataset);
      }
      if (dataset.derivedFrom().isEmpty()) {
        ready.add(dataset);
      }
    }
    List<DatasetSpec> order = new ArrayList<>(manifest.datasets().size());
    while (!ready.isEmpty()) {
      DatasetSpec dataset = ready.poll();
      order.add(dataset);
      for (DatasetSpec child : children.getOrDefault(dataset.id(), List.of())) {
        if (pending.merge(child.id(), -1, Integer::sum) == 0) {
          ready.add(child);
        }
      }
    }
    return order;
  }

  /** Teachers whose data {@code dataset} carries, in discovery order. */
  Set<String> teachersOf(String dataset) {
    return teachers.get(dataset).keySet();
  }

  int hops(String dataset, String teacher) {
    return teachers.get(dataset).get(teacher).hops();
  }

  /** Teacher id, then datasets from the generated one down to {@code dataset}. */
  List<String> route(String dataset, String teacher) {
    Deque<String> path = new ArrayDeque<>();
    String current = dataset;
    while (current != null) {
      path.addFirst(current);
      current = teachers.get(current).get(teacher).source();
    }
    path.addFirst(teacher);
    return new ArrayList<>(path);
  }

  /** Unattributed synthetic datasets that feed {@code dataset} (itself included). */
  Set<String> unattributedIn(String dataset) {
    return unattributed.get(dataset);
  }

  DatasetSpec dataset(String id) {
    return datasets.get(id);
  }
}
