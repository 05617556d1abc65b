package dev.heredity.discovery;

import java.util.List;

/**
 * The model that generated a dataset.
 *
 * @param rows rows that name this generator in their model column, or -1 when the rows do not say
 */
public record GeneratorLink(String model, long rows, List<Evidence> evidence) {
  public GeneratorLink {
    evidence = List.copyOf(evidence);
  }
}
