package dev.heredity.lineage.risk;

import dev.heredity.lineage.Quoted;
import dev.heredity.lineage.Severity;
import dev.heredity.lineage.manifest.Trait;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The default severity of a teacher/student pair (issue 2's table; a policy may change it later).
 * Transfer needs a shared base; beyond that, a declared trait is what could be transferred.
 */
public final class SeverityTable {
  /** A severity with the sentence that justifies it. */
  public record Verdict(Severity severity, String reason) {}

  private SeverityTable() {}

  /**
   * @param traits the teacher's traits, inherited ones included
   * @param sameWeightsAsStart the teacher has the weights the student started from
   */
  public static Verdict classify(
      boolean sharedBase,
      List<String> sharedRoots,
      List<Trait> traits,
      boolean sameWeightsAsStart) {
    if (!sharedBase) {
      return new Verdict(
          Severity.INFO,
          "no shared base: transfer through generated data has not been observed across base models");
    }
    String shared = "shared base (" + String.join(", ", sharedRoots) + ")";
    List<Trait> harmful = traits.stream().filter(Trait::harmful).toList();
    if (!harmful.isEmpty()) {
      return new Verdict(
          Severity.CRITICAL, shared + "; teacher carries harmful trait " + names(harmful));
    }
    if (!traits.isEmpty()) {
      return new Verdict(Severity.HIGH, shared + "; teacher carries trait " + names(traits));
    }
    if (sameWeightsAsStart) {
      return new Verdict(
          Severity.LOW,
          shared
              + "; teacher has the weights the student started from and no declared trait (self-distillation)");
    }
    return new Verdict(
        Severity.MEDIUM,
        shared + "; teacher has no declared trait, but any hidden one could transfer");
  }

  private static String names(List<Trait> traits) {
    return traits.stream()
        .map(t -> Quoted.of(t.name()) + (t.source() == null ? "" : " (" + t.source() + ")"))
        .collect(Collectors.joining(", "));
  }
}
