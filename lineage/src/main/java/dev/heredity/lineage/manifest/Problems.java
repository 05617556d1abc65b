package dev.heredity.lineage.manifest;

import dev.heredity.lineage.InvalidManifestException;
import dev.heredity.lineage.ManifestProblem;
import dev.heredity.lineage.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** Collects manifest errors so one run reports all of a stage's problems, first in file order. */
public final class Problems {
  private final List<ManifestProblem> problems = new ArrayList<>();

  /** A problem without a more specific code ({@link ManifestProblem#INVALID}). */
  public void add(SourceLocation location, String message) {
    add(location, ManifestProblem.INVALID, message);
  }

  public void add(SourceLocation location, String code, String message) {
    problems.add(new ManifestProblem(location, code, message));
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /**
   * Throws an {@link InvalidManifestException} listing every problem, in file order, if there are
   * any.
   */
  public void throwIfAny() {
    if (problems.isEmpty()) {
      return;
    }
    List<ManifestProblem> sorted =
        new ArrayList<>(
            new LinkedHashSet<>(
                problems.stream()
                    .sorted(
                        Comparator.comparing(ManifestProblem::location)
                            .thenComparing(ManifestProblem::message))
                    .toList()));
    throw InvalidManifestException.of(sorted);
  }
}
