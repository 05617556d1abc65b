package dev.heredity.weights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the MLP layers two models share, by tensor name and shape, for each known {@link
 * Architecture}.
 */
final class LayerMatcher {
  private static final Pattern LLAMA =
      Pattern.compile("^(.*\\.)?layers\\.(\\d+)\\.mlp\\.(gate_proj|up_proj|down_proj)\\.weight$");
  private static final Pattern GPT2 =
      Pattern.compile("^(.*\\.)?h\\.(\\d+)\\.mlp\\.(c_fc|c_proj)\\.weight$");
  private static final Pattern PROXY = Pattern.compile("^fc(\\d+)\\.weight$");

  /** Layers found in both models, plus notes on what could not be matched. */
  record Matched(List<UnitLayer> layers, List<WeightsNote> notes) {}

  private record Candidate(String tensor, String layer, int index, String role) {}

  private LayerMatcher() {}

  static Matched match(TensorSource a, TensorSource b) {
    List<WeightsNote> notes = new ArrayList<>();
    Map<String, long[]> sa = a.shapes();
    Map<String, long[]> sb = b.shapes();
    List<UnitLayer> layers = new ArrayList<>();
    for (Architecture arch : Architecture.values()) {
      Map<String, List<Candidate>> byLayer = candidates(arch, sa);
      long onlyInB =
          candidates(arch, sb).values().stream()
              .flatMap(List::stream)
              .filter(c -> !sa.containsKey(c.tensor()))
              .count();
      if (onlyInB > 0) {
        notes.add(
            new WeightsNote(
                WeightsNote.Code.ONLY_IN_ONE_MODEL, b.label(), String.valueOf(onlyInB)));
      }
      int missingInB = 0;
      List<UnitLayer> found = new ArrayList<>();
      for (Map.Entry<String, List<Candidate>> e : byLayer.entrySet()) {
        List<UnitView> views = new ArrayList<>();
        int units = -1;
        for (Candidate c : e.getValue()) {
          long[] shapeA = sa.get(c.tensor());
          long[] shapeB = sb.get(c.tensor());
          if (shapeB == null) {
            missingInB++;
            continue;
          }
          if (!Arrays.equals(shapeA, shapeB)) {
            notes.add(
                new WeightsNote(
                    WeightsNote.Code.SHAPE_MISMATCH,
                    c.tensor(),
                    Arrays.toString(shapeA) + " vs " + Arrays.toString(shapeB)));
            continue;
          }
          if (shapeA.length != 2
              || shapeA[0] > Integer.MAX_VALUE
              || shapeA[1] > Integer.MAX_VALUE) {
            continue;
          }
          UnitView view = view(arch, c);
          int u = (int) (view.unitsAreRows() ? shapeA[0] : shapeA[1]);
          if (units >= 0 && u != units) {
            continue;
          }
          units = u;
          if (views.size() < 2) {
            views.add(view);
          }
        }
        if (!views.isEmpty()) {
          found.add(new UnitLayer(e.getKey(), arch, units, views));
        }
      }
      if (missingInB > 0) {
        notes.add(
            new WeightsNote(
                WeightsNote.Code.ONLY_IN_ONE_MODEL, a.label(), String.valueOf(missingInB)));
      }
      if (arch == Architecture.MNIST_PROXY && !found.isEmpty()) {
        found.remove(
            found.size()
                - 1); // the output layer: its units are the labelled classes, not exchangeable
      }
      if (!found.isEmpty()) {
        notes.add(
            new WeightsNote(
                WeightsNote.Code.LAYERS_MATCHED, arch.id(), String.valueOf(found.size())));
      }
      layers.addAll(found);
    }
    return new Matched(layers, notes);
  }

  /**
   * MLP tensors of one architecture grouped by layer, layers in numeric order, views in preference
   * order.
   */
  private static Map<String, List<Candidate>> candidates(
      Architecture arch, Map<String, long[]> shapes) {
    Map<Integer, Map<String, List<Candidate>>> byIndex = new TreeMap<>();
    for (String name : shapes.keySet()) {
      Candidate c = candidate(arch, name);
      if (c != null) {
        byIndex
            .computeIfAbsent(c.index(), i -> new LinkedHashMap<>())
            .computeIfAbsent(c.layer(), l -> new ArrayList<>())
            .add(c);
      }
    }
    Map<String, List<Candidate>> out = new LinkedHashMap<>();
    byIndex
        .values()
        .forEach(
            m ->
                m.forEach(
                    (layer, list) -> {
                      list.sort(Comparator.comparingInt(c -> preference(c.role())));
                      out.put(layer, list);
                    }));
    return out;
  }

  private static Candidate candidate(Architecture arch, String name) {
    Matcher m;
    switch (arch) {
      case LLAMA -> {
        m = LLAMA.matcher(name);
        if (m.matches()) {
          String prefix = m.group(1) == null ? "" : m.group(1);
          return new Candidate(
              name,
              prefix + "layers." + m.group(2) + ".mlp",
              Integer.parseInt(m.group(2)),
              m.group(3));
        }
      }
      case GPT2 -> {
        m = GPT2.matcher(name);
        if (m.matches()) {
          String prefix = m.group(1) == null ? "" : m.group(1);
          return new Candidate(
              name, prefix + "h." + m.group(2) + ".mlp", Integer.parseInt(m.group(2)), m.group(3));
        }
      }
      case MNIST_PROXY -> {
        m = PROXY.matcher(name);
        if (m.matches()) {
          return new Candidate(name, "fc" + m.group(1), Integer.parseInt(m.group(1)), "fc");
        }
      }
      default -> throw new IllegalStateException();
    }
    return null;
  }

  private static int preference(String role) {
    return switch (role) {
      case "gate_proj", "c_fc" -> 0;
      case "up_proj", "c_proj" -> 1;
      default -> 2;
    };
  }

  private static UnitView view(Architecture arch, Candidate c) {
    boolean rows =
        switch (c.role()) {
          case "down_proj", "c_fc" -> false;
          default -> true;
        };
    return new UnitView(c.tensor(), rows);
  }
}
