package dev.heredity.lineage.validate;

import dev.heredity.lineage.Quoted;
import dev.heredity.lineage.SourceLocation;
import dev.heredity.lineage.manifest.BaseRef;
import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.DerivedFrom;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.lineage.manifest.Problems;
import dev.heredity.lineage.manifest.TrainingSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * No loop through base, generatedBy, derivedFrom or training links (a model cannot descend from
 * itself). Iterative depth-first search over int-indexed adjacency arrays, so deep chains cannot
 * overflow the stack and 300k links stay cheap; each cycle is reported once with every id on it.
 */
final class CycleRule {
  private static final int MAX_REPORTED = 10;

  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> ids = new ArrayList<>();
  private int[] from = new int[1024];
  private int[] to = new int[1024];
  private final List<SourceLocation> at = new ArrayList<>();
  private int links;

  private CycleRule(Manifest manifest) {
    manifest.models().forEach(m -> node(m.id()));
    manifest.datasets().forEach(d -> node(d.id()));
    manifest.trainings().forEach(t -> node(t.id()));
    for (ModelSpec model : manifest.models()) {
      for (BaseRef base : model.base()) {
        link(base.model(), model.id(), base.location());
      }
    }
    for (DatasetSpec dataset : manifest.datasets()) {
      if (dataset.generatedBy() != null) {
        link(dataset.generatedBy(), dataset.id(), dataset.locationOf("generatedBy"));
      }
      for (DerivedFrom source : dataset.derivedFrom()) {
        link(source.dataset(), dataset.id(), source.location());
      }
    }
    for (TrainingSpec training : manifest.trainings()) {
      if (training.from() != null) {
        link(training.from(), training.id(), training.locationOf("from"));
      }
      for (int i = 0; i < training.datasets().size(); i++) {
        link(training.datasets().get(i), training.id(), training.datasetLocation(i));
      }
      link(training.id(), training.student(), training.locationOf("student"));
    }
  }

  static void check(Manifest manifest, Problems problems) {
    new CycleRule(manifest).find(problems);
  }

  private int node(String id) {
    return index.computeIfAbsent(
        id,
        k -> {
          ids.add(k);
          return ids.size() - 1;
        });
  }

  private void link(String source, String target, SourceLocation location) {
    if (links == from.length) {
      from = Arrays.copyOf(from, links * 2);
      to = Arrays.copyOf(to, links * 2);
    }
    from[links] = node(source);
    to[links] = node(target);
    at.add(location);
    links++;
  }

  private void find(Problems problems) {
    int n = ids.size();
    int[] start = new int[n + 1]; // outgoing links of node v: order[start[v] .. start[v+1])
    for (int l = 0; l < links; l++) {
      start[from[l] + 1]++;
    }
    for (int v = 0; v < n; v++) {
      start[v + 1] += start[v];
    }
    int[] order = new int[links];
    int[] fill = Arrays.copyOf(start, n);
    for (int l = 0; l < links; l++) {
      order[fill[from[l]]++] = l;
    }
    byte[] state = new byte[n]; // 0 unvisited, 1 on the path, 2 done
    int[] path = new int[n];
    int[] cursor = new int[n];
    Set<Set<Integer>> reported = new HashSet<>();
    for (int root = 0; root < n; root++) {
      if (state[root] != 0) {
        continue;
      }
      int depth = 0;
      path[0] = root;
      cursor[0] = start[root];
      state[root] = 1;
      while (depth >= 0) {
        int current = path[depth];
        if (cursor[depth] == start[current + 1]) {
          state[current] = 2;
          depth--;
          continue;
        }
        int link = order[cursor[depth]++];
        int next = to[link];
        if (state[next] == 0) {
          state[next] = 1;
          path[++depth] = next;
          cursor[depth] = start[next];
        } else if (state[next] == 1 && reported.size() < MAX_REPORTED) {
          report(path, depth, next, link, reported, problems);
        }
      }
    }
  }

  private void report(
      int[] path, int depth, int next, int link, Set<Set<Integer>> reported, Problems problems) {
    int first = depth;
    while (path[first] != next) {
      first--;
    }
    Set<Integer> members = new HashSet<>();
    List<String> cycle = new ArrayList<>();
    for (int i = first; i <= depth; i++) {
      members.add(path[i]);
      cycle.add(Quoted.escape(ids.get(path[i])));
    }
    if (reported.add(members)) {
      cycle.add(Quoted.escape(ids.get(next)));
      problems.add(
          at.get(link),
          "cycle: "
              + String.join(" -> ", cycle)
              + " (base, generatedBy, derivedFrom and training links must not loop)");
    }
  }
}
