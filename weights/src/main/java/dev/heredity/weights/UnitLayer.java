package dev.heredity.weights;

import java.util.List;

/**
 * The hidden units of one MLP layer, seen through one or two weight tensors whose other axis is the
 * un-permutable model basis (the residual stream, the input pixels). Two views make the test blind
 * to a permutation of the units; one view cannot see through one.
 */
public record UnitLayer(String name, Architecture architecture, int units, List<UnitView> views) {
  public UnitLayer {
    views = List.copyOf(views);
  }
}
