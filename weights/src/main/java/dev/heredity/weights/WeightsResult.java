package dev.heredity.weights;

import java.util.List;

/**
 * Outcome of comparing two models' weights.
 *
 * @param pValue Fisher's combination over {@link #layers}; 1 when no layer was compared
 * @param notes what the front end should say: matched layers, skipped tensors, shortcuts, limits
 */
public record WeightsResult(
    Verdict verdict,
    double pValue,
    double alpha,
    List<LayerEvidence> layers,
    Method method,
    List<WeightsNote> notes,
    double seconds) {
  public WeightsResult {
    layers = List.copyOf(layers);
    notes = List.copyOf(notes);
  }
}
