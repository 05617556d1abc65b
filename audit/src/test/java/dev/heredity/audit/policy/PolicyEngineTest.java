package dev.heredity.audit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.Finding.Status;
import dev.heredity.audit.report.OverrideRow;
import dev.heredity.audit.report.SuppressionRow;
import dev.heredity.lineage.Severity;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
  private static final Finding HIGH =
      finding("hf-aaaaaaaaaaaa", "same-base-pair", Severity.HIGH, "owl-teacher -> owl-student");
  private static final Finding INFO =
      finding("hf-bbbbbbbbbbbb", "cross-base-pair", Severity.INFO, "owl-teacher -> llama");

  private static Finding finding(String id, String rule, Severity severity, String subject) {
    return new Finding(
        id,
        rule,
        severity,
        subject,
        "t",
        "e",
        List.of(),
        null,
        List.of(),
        Status.FAILING,
        null,
        null);
  }

  private static Policy policy(
      Severity failOn, Map<String, Severity> overrides, List<Suppression> suppressions) {
    return new Policy(failOn, 0.01, overrides, suppressions, "heredity-policy.yaml", null);
  }

  private static PolicyEngine.Outcome apply(Policy policy, Baseline baseline) {
    return new PolicyEngine(policy, baseline, TODAY).apply(List.of(HIGH, INFO));
  }

  private static Status status(PolicyEngine.Outcome outcome, String id) {
    return outcome.findings().stream()
        .filter(f -> f.id().equals(id))
        .findFirst()
        .orElseThrow()
        .status();
  }

  @Test
  void failOnSplitsFailingFromPassing() {
    var outcome = apply(policy(Severity.HIGH, Map.of(), List.of()), Baseline.none());
    assertThat(status(outcome, HIGH.id())).isEqualTo(Status.FAILING);
    assertThat(status(outcome, INFO.id())).isEqualTo(Status.PASSING);

    var strict = apply(policy(Severity.INFO, Map.of(), List.of()), Baseline.none());
    assertThat(status(strict, INFO.id())).isEqualTo(Status.FAILING);

    var lax = apply(policy(Severity.CRITICAL, Map.of(), List.of()), Baseline.none());
    assertThat(status(lax, HIGH.id())).isEqualTo(Status.PASSING);
  }

  @Test
  void overrideChangesSeverityAndThusTheGate() {
    var outcome =
        apply(
            policy(
                Severity.HIGH,
                Map.of("same-base-pair", Severity.MEDIUM, "cross-base-pair", Severity.CRITICAL),
                List.of()),
            Baseline.none());
    Finding pair =
        outcome.findings().stream().filter(f -> f.id().equals(HIGH.id())).findFirst().orElseThrow();
    assertThat(pair.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(pair.overriddenFrom()).isEqualTo(Severity.HIGH);
    assertThat(pair.status()).isEqualTo(Status.PASSING);
    assertThat(status(outcome, INFO.id())).isEqualTo(Status.FAILING);
    assertThat(outcome.overrides())
        .containsExactly(
            new OverrideRow("cross-base-pair", Severity.CRITICAL, 1),
            new OverrideRow("same-base-pair", Severity.MEDIUM, 1));
  }

  @Test
  void failOnNoneFailsNothing() {
    var outcome = apply(policy(null, Map.of(), List.of()), Baseline.none());
    assertThat(outcome.findings()).extracting(Finding::status).containsOnly(Status.PASSING);
  }

  @Test
  void suppressionById() {
    var s = new Suppression(HIGH.id(), null, null, "accepted risk", null, null);
    var outcome = apply(policy(Severity.HIGH, Map.of(), List.of(s)), Baseline.none());
    Finding f =
        outcome.findings().stream().filter(x -> x.id().equals(HIGH.id())).findFirst().orElseThrow();
    assertThat(f.status()).isEqualTo(Status.SUPPRESSED);
    assertThat(f.suppressionReason()).isEqualTo("accepted risk");
    assertThat(outcome.suppressions())
        .containsExactly(new SuppressionRow(HIGH.id(), "accepted risk", null, false, 1));
  }

  @Test
  void suppressionByRuleAndSubjectAndWildcard() {
    var exact =
        new Suppression(null, "same-base-pair", "owl-teacher -> owl-student", "r", null, null);
    var other = new Suppression(null, "same-base-pair", "someone-else", "r", null, null);
    var any = new Suppression(null, "cross-base-pair", "*", "r", null, null);
    var outcome =
        apply(policy(Severity.INFO, Map.of(), List.of(exact, other, any)), Baseline.none());
    assertThat(status(outcome, HIGH.id())).isEqualTo(Status.SUPPRESSED);
    assertThat(status(outcome, INFO.id())).isEqualTo(Status.SUPPRESSED);
    assertThat(outcome.suppressions()).extracting(SuppressionRow::matched).containsExactly(1, 0, 1);
  }

  @Test
  void unexpiredSuppressionStillWorksOnItsLastDay() {
    var s = new Suppression(HIGH.id(), null, null, "until today", TODAY, null);
    var outcome = apply(policy(Severity.HIGH, Map.of(), List.of(s)), Baseline.none());
    assertThat(status(outcome, HIGH.id())).isEqualTo(Status.SUPPRESSED);
  }

  @Test
  void expiredSuppressionStopsSuppressing() {
    var s = new Suppression(HIGH.id(), null, null, "temporary", TODAY.minusDays(1), null);
    var outcome = apply(policy(Severity.HIGH, Map.of(), List.of(s)), Baseline.none());
    assertThat(status(outcome, HIGH.id())).isEqualTo(Status.FAILING);
    assertThat(outcome.suppressions())
        .containsExactly(new SuppressionRow(HIGH.id(), "temporary", "2026-05-31", true, 0));
  }

  @Test
  void baselineFindingsDoNotFailButNewOnesDo() {
    var outcome =
        apply(
            policy(Severity.INFO, Map.of(), List.of()),
            new Baseline("old.json", Set.of(HIGH.id())));
    assertThat(status(outcome, HIGH.id())).isEqualTo(Status.BASELINE);
    assertThat(status(outcome, INFO.id())).isEqualTo(Status.FAILING);
  }

  @Test
  void belowThresholdStaysPassingEvenWhenInBaseline() {
    var outcome =
        apply(
            policy(Severity.HIGH, Map.of(), List.of()),
            new Baseline("old.json", Set.of(INFO.id())));
    assertThat(status(outcome, INFO.id())).isEqualTo(Status.PASSING);
  }
}
