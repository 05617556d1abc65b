package dev.heredity.lineage.graph;

import dev.heredity.lineage.manifest.BaseRef;
import dev.heredity.lineage.manifest.InitGroup;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.lineage.manifest.TrainingSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The init roots of every model (spec "Meaning"): follow every base relation except distill, a
 * training's {@code from} included; a model with nothing to follow is its own root. Init groups add
 * a key shared by their members and everything that starts from a member's weights.
 *
 * <p>Keys are kept as sorted int arrays per model, and an index maps each key to the models that
 * carry it, so "who shares a base with X" is a lookup and a pair check is a merge of two short
 * arrays: no comparison of all model pairs.
 */
public final class InitRoots {
  private final List<String> keyNames = new ArrayList<>();
  private final Map<String, Integer> modelIndex = new HashMap<>();
  private final List<String> models = new ArrayList<>();
  private final int[][] roots;
  private final int[][] keys;
  private final int[][] modelsByKey;

  /** Expects a validated manifest (ids resolve, no cycles). */
  public InitRoots(Manifest manifest) {
    for (ModelSpec model : manifest.models()) {
      modelIndex.put(model.id(), models.size());
      models.add(model.id());
    }
    int n = models.size();
    int[][] parents = weightParents(manifest, n);
    roots = new int[n][];
    List<Integer> order = topologicalOrder(parents, n);
    for (int m : order) {
      roots[m] = parents[m].length == 0 ? new int[] {m} : union(parents[m], roots);
    }
    for (int m = 0; m < n; m++) {
      keyNames.add(models.get(m));
    }
    keys = groupKeys(manifest, parents, n);
    modelsByKey = index(n);
  }

  private int[][] weightParents(Manifest manifest, int n) {
    List<Set<Integer>> parents = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      parents.add(new LinkedHashSet<>());
    }
    for (ModelSpec model : manifest.models()) {
      for (BaseRef base : model.base()) {
        if (base.relation().sharesInit()) {
          parents.get(modelIndex.get(model.id())).add(modelIndex.get(base.model()));
        }
      }
    }
    for (TrainingSpec training : manifest.trainings()) {
      if (training.from() != null) {
        parents.get(modelIndex.get(training.student())).add(modelIndex.get(training.from()));
      }
    }
    int[][] result = new int[n][];
    for (int i = 0; i < n; i++) {
      result[i] = parents.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    return result;
  }

  /** Parents before children (Kahn's algorithm). */
  private static List<Integer> topologicalOrder(int[][] parents, int n) {
    int[] pending = new int[n];
    List<List<Integer>> children = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      children.add(new ArrayList<>(1));
    }
    for (int child = 0; child < n; child++) {
      pending[child] = parents[child].length;
      for (int parent : parents[child]) {
        children.get(parent).add(child);
      }
    }
    Deque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      if (pending[i] == 0) {
        ready.add(i);
      }
    }
    List<Integer> order = new ArrayList<>(n);
    while (!ready.isEmpty()) {
      int m = ready.poll();
      order.add(m);
      for (int child : children.get(m)) {
        if (--pending[child] == 0) {
          ready.add(child);
        }
      }
    }
    if (order.size() != n) {
      throw new IllegalStateException("base relations loop; validate the manifest first");
    }
    return order;
  }

  private static int[] union(int[] parents, int[][] sets) {
    if (parents.length == 1) {
      return sets[parents[0]];
    }
    return Arrays.stream(parents)
        .flatMap(p -> Arrays.stream(sets[p]))
        .distinct()
        .sorted()
        .toArray();
  }

  private int[][] groupKeys(Manifest manifest, int[][] parents, int n) {
    int[][] result = roots.clone();
    if (manifest.initGroups().isEmpty()) {
      return result;
    }
    List<List<Integer>> children = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      children.add(new ArrayList<>(1));
    }
    for (int child = 0; child < n; child++) {
      for (int parent : parents[child]) {
        children.get(parent).add(child);
      }
    }
    Map<Integer, List<Integer>> extra = new HashMap<>();
    for (InitGroup group : manifest.initGroups()) {
      int key = keyNames.size();
      keyNames.add(group.name());
      Set<Integer> seen = new LinkedHashSet<>();
      Deque<Integer> todo = new ArrayDeque<>();
      group.members().forEach(member -> todo.add(modelIndex.get(member)));
      while (!todo.isEmpty()) {
        int m = todo.poll();
        if (seen.add(m)) {
          todo.addAll(children.get(m));
        }
      }
      seen.forEach(m -> extra.computeIfAbsent(m, k -> new ArrayList<>()).add(key));
    }
    extra.forEach((m, groupKeys) -> result[m] = concatSorted(result[m], groupKeys));
    return result;
  }

  private static int[] concatSorted(int[] base, List<Integer> more) {
    int[] all = Arrays.copyOf(base, base.length + more.size());
    for (int i = 0; i < more.size(); i++) {
      all[base.length + i] = more.get(i);
    }
    return Arrays.stream(all).distinct().sorted().toArray();
  }

  private int[][] index(int n) {
    int[] counts = new int[keyNames.size()];
    for (int m = 0; m < n; m++) {
      for (int key : keys[m]) {
        counts[key]++;
      }
    }
    int[][] result = new int[keyNames.size()][];
    for (int k = 0; k < counts.length; k++) {
      result[k] = new int[counts[k]];
    }
    int[] fill = new int[keyNames.size()];
    for (int m = 0; m < n; m++) {
      for (int key : keys[m]) {
        result[key][fill[key]++] = m;
      }
    }
    return result;
  }

  public boolean contains(String model) {
    return modelIndex.containsKey(model);
  }

  /** The root model ids of {@code model}, sorted. */
  public List<String> rootsOf(String model) {
    return names(roots[require(model)]);
  }

  /**
   * Root ids both models reach, then the names of init groups joining them; empty when they share
   * no base.
   */
  public List<String> sharedRoots(String a, String b) {
    int[] x = keys[require(a)];
    int[] y = keys[require(b)];
    if (x.length == 1 && y.length == 1) {
      return x[0] == y[0] ? List.of(keyNames.get(x[0])) : List.of();
    }
    List<Integer> shared = new ArrayList<>();
    for (int i = 0, j = 0; i < x.length && j < y.length; ) {
      if (x[i] == y[j]) {
        shared.add(x[i]);
        i++;
        j++;
      } else if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    return shared.stream().map(keyNames::get).sorted(rootsBeforeGroups()).toList();
  }

  public boolean shareBase(String a, String b) {
    return !sharedRoots(a, b).isEmpty();
  }

  /**
   * Every model sharing a base with {@code model} (itself included), sorted; read from the root
   * index.
   */
  public List<String> modelsSharingBaseWith(String model) {
    Set<Integer> found = new LinkedHashSet<>();
    for (int key : keys[require(model)]) {
      for (int m : modelsByKey[key]) {
        found.add(m);
      }
    }
    return found.stream().map(models::get).sorted().toList();
  }

  private Comparator<String> rootsBeforeGroups() {
    return Comparator.comparing((String k) -> !modelIndex.containsKey(k)).thenComparing(k -> k);
  }

  private List<String> names(int[] ids) {
    List<String> result = new ArrayList<>(ids.length);
    for (int id : ids) {
      result.add(models.get(id));
    }
    Collections.sort(result);
    return result;
  }

  private int require(String model) {
    Integer index = modelIndex.get(model);
    if (index == null) {
      throw new IllegalArgumentException("no model '" + model + "'");
    }
    return index;
  }
}
