package dev.heredity.lineage.validate;

import dev.heredity.lineage.Diagnostic;
import dev.heredity.lineage.InvalidManifestException;
import dev.heredity.lineage.LineageOptions;
import dev.heredity.lineage.Quoted;
import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.manifest.Problems;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a parsed manifest in stages (ids and references, then cycles, then base agreement and
 * files); each stage reports all its problems at once. Later stages need the earlier ones clean.
 */
public final class ManifestValidator {
  private ManifestValidator() {}

  /**
   * Returns the warnings; throws {@link InvalidManifestException} with every error of the first
   * failing stage.
   */
  public static List<Diagnostic> validate(Manifest manifest, LineageOptions options) {
    Problems problems = new Problems();
    IdTable ids = IdTable.build(manifest, problems);
    ReferenceRules.check(manifest, ids, problems);
    problems.throwIfAny();

    CycleRule.check(manifest, problems);
    problems.throwIfAny();

    List<Diagnostic> warnings = new ArrayList<>();
    BaseAgreementRule.check(manifest, problems);
    FileRules.check(manifest, options, problems, warnings);
    problems.throwIfAny();

    for (DatasetSpec dataset : manifest.datasets()) {
      if (SyntheticData.isUnattributed(dataset)) {
        warnings.add(
            new Diagnostic(
                "unattributed-synthetic",
                "dataset "
                    + Quoted.of(dataset.id())
                    + " looks synthetic ("
                    + SyntheticData.why(dataset)
                    + ") but has no generatedBy; its teacher cannot be checked",
                dataset.location()));
      }
    }
    warnings.sort(Comparator.comparing(Diagnostic::location).thenComparing(Diagnostic::code));
    return List.copyOf(warnings);
  }
}
