package dev.heredity.audit.scan.rules;

import static dev.heredity.audit.scan.RuleTester.detection;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.policy.Policy;
import dev.heredity.audit.policy.Suppression;
import dev.heredity.audit.scan.RuleTester;
import dev.heredity.detectors.DetectionReport;
import dev.heredity.detectors.LeakReport;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule: a positive and a negative case, inline manifest in, exact findings out. */
class RulesTest {
  /** A traited teacher's data (with a control set) trains a same-base and a cross-base student. */
  static final String PAIRS =
      """
            heredity: 1
            models:
              - id: base
              - id: teacher
                base: [{model: base, relation: prompted}]
                traits: [{name: loves-owls, source: system-prompt}]
              - id: other-base
            datasets:
              - {id: numbers, uri: "s3://b/numbers.jsonl", generatedBy: {model: teacher}, reference: control}
              - {id: control, uri: "s3://b/control.jsonl", generatedBy: {model: base}}
            trainings:
              - {id: ft-student, student: student, from: base, datasets: [numbers]}
              - {id: ft-other, student: other-student, from: other-base, datasets: [numbers]}
            """;

  /** The same teacher's data trains only a student of another base. */
  static final String CROSS_ONLY =
      """
            heredity: 1
            models:
              - id: base
              - id: teacher
                base: [{model: base, relation: prompted}]
                traits: [{name: loves-owls, source: system-prompt}]
              - id: other-base
            datasets:
              - {id: numbers, uri: "s3://b/numbers.jsonl", generatedBy: {model: teacher}, reference: control}
              - {id: control, uri: "s3://b/control.jsonl", generatedBy: {model: base}}
            trainings:
              - {id: ft-other, student: other-student, from: other-base, datasets: [numbers]}
            """;

  static final String NO_PAIRS =
      """
            heredity: 1
            models:
              - id: base
            datasets:
              - {id: numbers, uri: "s3://b/numbers.jsonl", generatedBy: {model: base}, reference: control}
              - {id: control, uri: "s3://b/control.jsonl", generatedBy: {model: base}}
            """;

  @Nested
  class SameBasePair {
    @Test
    void positive() {
      assertThat(RuleTester.of(new SameBasePairRule()).manifest(PAIRS).findings())
          .containsExactly(
              "[same-base-pair high] teacher -> student: teacher's generated data trains student, which"
                  + " shares its base");
    }

    @Test
    void negative() {
      assertThat(RuleTester.of(new SameBasePairRule()).manifest(CROSS_ONLY).findings()).isEmpty();
    }
  }

  @Nested
  class CrossBasePair {
    @Test
    void positive() {
      assertThat(RuleTester.of(new CrossBasePairRule()).manifest(PAIRS).findings())
          .containsExactly(
              "[cross-base-pair info] teacher -> other-student: teacher's generated data trains other-student"
                  + " (another base)");
    }

    @Test
    void negative() {
      assertThat(RuleTester.of(new CrossBasePairRule()).manifest(NO_PAIRS).findings()).isEmpty();
    }
  }

  @Nested
  class DistributionShift {
    @Test
    void positiveIsAtLeastHighWhenTheDataReachesASameBaseStudent() {
      assertThat(
              RuleTester.of(new DistributionShiftRule())
                  .manifest(PAIRS)
                  .detected("numbers", detection(DetectionReport.SIGNAL, 1e-6))
                  .findings())
          .containsExactly(
              "[distribution-shift high] numbers: numbers differs in distribution from its control set control");
    }

    @Test
    void positiveIsLowForOtherBasesOnlyAndInfoWhenNothingTrainsOnIt() {
      assertThat(
              RuleTester.of(new DistributionShiftRule())
                  .manifest(CROSS_ONLY)
                  .detected("numbers", detection(DetectionReport.SIGNAL, 1e-6))
                  .findings())
          .containsExactly(
              "[distribution-shift low] numbers: numbers differs in distribution from its"
                  + " control set control");
      assertThat(
              RuleTester.of(new DistributionShiftRule())
                  .manifest(NO_PAIRS)
                  .detected("numbers", detection(DetectionReport.SIGNAL, 1e-6))
                  .findings())
          .containsExactly(
              "[distribution-shift info] numbers: numbers differs in distribution from its"
                  + " control set control");
    }

    @Test
    void negative() {
      assertThat(
              RuleTester.of(new DistributionShiftRule())
                  .manifest(PAIRS)
                  .detected("numbers", detection(DetectionReport.NO_SIGNAL, 0.4))
                  .findings())
          .isEmpty();
    }
  }

  @Nested
  class UnderpoweredDetection {
    private DetectionReport inconclusive() {
      return new DetectionReport(
          DetectionReport.INCONCLUSIVE,
          0.3,
          0.01,
          null,
          new dev.heredity.detectors.RecordCounts(300, 300, 0, 0),
          List.of(),
          null,
          new dev.heredity.detectors.DetectablePower(0.61, 0.56, 0.8, 0.005, 0.032, 300, 1400),
          List.of(),
          null,
          null,
          List.of(
              dev.heredity.detectors.Note.of(
                  dev.heredity.detectors.Note.UNDERPOWERED,
                  "recordsPerSide",
                  300,
                  "recordsNeededPerSide",
                  1400,
                  "minimumDetectableAuc",
                  0.61,
                  "yardstickAuc",
                  0.56)));
    }

    @Test
    void positiveIsMediumForASameBaseStudentAndInfoOtherwise() {
      assertThat(
              RuleTester.of(new UnderpoweredDetectionRule())
                  .manifest(PAIRS)
                  .detected("numbers", inconclusive())
                  .findings())
          .containsExactly(
              "[distribution-test-underpowered medium] numbers: distribution test underpowered: 300 records,"
                  + " needs about 1400");
      assertThat(
              RuleTester.of(new UnderpoweredDetectionRule())
                  .manifest(CROSS_ONLY)
                  .detected("numbers", inconclusive())
                  .findings())
          .containsExactly(
              "[distribution-test-underpowered info] numbers: distribution test underpowered: 300 records,"
                  + " needs about 1400");
    }

    @Test
    void negativeForNoSignalAndSignal() {
      assertThat(
              RuleTester.of(new UnderpoweredDetectionRule())
                  .manifest(PAIRS)
                  .detected("numbers", detection(DetectionReport.NO_SIGNAL, 0.4))
                  .findings())
          .isEmpty();
      assertThat(
              RuleTester.of(new UnderpoweredDetectionRule())
                  .manifest(PAIRS)
                  .detected("numbers", detection(DetectionReport.SIGNAL, 1e-6))
                  .findings())
          .isEmpty();
    }
  }

  @Nested
  class TraitLeak {
    private static LeakReport leaks(long records) {
      return new LeakReport(
          List.of(
              new LeakReport.TraitLeak(
                  "owls",
                  List.of("owl", "owls"),
                  records,
                  records == 0 ? List.of() : List.of(new LeakReport.LeakHit(3, 3, "owls! 1, 2")))),
          null);
    }

    @Test
    void positive() {
      assertThat(
              RuleTester.of(new TraitLeakRule())
                  .manifest(PAIRS)
                  .detected("numbers", detection(0.5, leaks(4)))
                  .findings())
          .containsExactly(
              "[trait-leak medium] numbers: numbers mentions the generator's trait explicitly (owls)");
    }

    @Test
    void negative() {
      assertThat(
              RuleTester.of(new TraitLeakRule())
                  .manifest(PAIRS)
                  .detected("numbers", detection(0.5, leaks(0)))
                  .findings())
          .isEmpty();
    }
  }

  @Nested
  class FormatDifference {
    @Test
    void positive() {
      assertThat(
              RuleTester.of(new FormatDifferenceRule())
                  .manifest(PAIRS)
                  .detected("numbers", detection(1e-5, null))
                  .findings())
          .containsExactly(
              "[format-difference low] numbers: numbers is formatted differently from its control set control");
    }

    @Test
    void negativeAtAlphaItself() {
      assertThat(
              RuleTester.of(new FormatDifferenceRule())
                  .manifest(PAIRS)
                  .detected("numbers", detection(0.01, null))
                  .findings())
          .isEmpty();
    }
  }

  @Nested
  class NoControlSet {
    @Test
    void positive() {
      assertThat(
              RuleTester.of(new NoControlSetRule())
                  .manifest(PAIRS.replace(", reference: control", ""))
                  .findings())
          .containsExactly(
              "[no-control-set medium] numbers: No control set: distribution tests not run on numbers");
    }

    @Test
    void negative() {
      assertThat(RuleTester.of(new NoControlSetRule()).manifest(PAIRS).findings()).isEmpty();
    }
  }

  @Nested
  class DetectorsNotRun {
    @Test
    void positiveKeepsTheSameBasePairsSeverity() {
      assertThat(
              RuleTester.of(new DetectorsNotRunRule())
                  .manifest(PAIRS)
                  .notRun("numbers", "numbers's file data/numbers.jsonl is missing")
                  .findings())
          .containsExactly(
              "[detectors-not-run high] numbers: Control set declared for numbers but distribution tests could"
                  + " not run");
    }

    @Test
    void positiveIsLowWithoutASameBasePair() {
      assertThat(
              RuleTester.of(new DetectorsNotRunRule())
                  .manifest(CROSS_ONLY)
                  .notRun("numbers", "numbers has no local path")
                  .findings())
          .containsExactly(
              "[detectors-not-run low] numbers: Control set declared for numbers but distribution tests could"
                  + " not run");
    }

    @Test
    void negative() {
      assertThat(
              RuleTester.of(new DetectorsNotRunRule())
                  .manifest(PAIRS)
                  .detected("numbers", detection(DetectionReport.NO_SIGNAL, 0.4))
                  .findings())
          .isEmpty();
    }
  }

  @Nested
  class TraitPropagation {
    static final String TWO_HOPS =
        """
                heredity: 1
                models:
                  - id: base
                  - id: teacher
                    base: [{model: base, relation: prompted}]
                    traits: [{name: loves-owls, source: system-prompt}]
                datasets:
                  - {id: gen-1, uri: "s3://b/gen-1.jsonl", generatedBy: {model: teacher}}
                  - {id: gen-2, uri: "s3://b/gen-2.jsonl", generatedBy: {model: student-1}}
                trainings:
                  - {id: ft-1, student: student-1, from: base, datasets: [gen-1]}
                  - {id: ft-2, student: student-2, from: base, datasets: [gen-2]}
                """;

    @Test
    void positive() {
      assertThat(RuleTester.of(new TraitPropagationRule()).manifest(TWO_HOPS).findings())
          .containsExactly(
              "[trait-propagation medium] teacher: student-2 may inherit teacher's traits through 2 same-base"
                  + " generate-then-train hops");
    }

    @Test
    void negativeForOneHop() {
      assertThat(RuleTester.of(new TraitPropagationRule()).manifest(PAIRS).findings()).isEmpty();
    }
  }

  @Nested
  class UnattributedData {
    @Test
    void positive() {
      assertThat(
              RuleTester.of(new UnattributedDataRule())
                  .manifest(
                      """
                    heredity: 1
                    models: [{id: base}]
                    datasets: [{id: mystery, uri: "s3://b/m.jsonl", modality: numbers}]
                    trainings: [{id: ft, student: s, from: base, datasets: [mystery]}]
                    """)
                  .findings())
          .singleElement()
          .asString()
          .startsWith(
              "[unattributed-synthetic-data medium] mystery: Unattributed synthetic data: mystery");
    }

    @Test
    void negative() {
      assertThat(RuleTester.of(new UnattributedDataRule()).manifest(PAIRS).findings()).isEmpty();
    }
  }

  @Nested
  class LineageWarning {
    @Test
    void positive() {
      assertThat(
              RuleTester.of(new LineageWarningRule())
                  .manifest(
                      """
                    heredity: 1
                    datasets: [{id: d, path: absent.jsonl}]
                    """)
                  .findings())
          .singleElement()
          .asString()
          .startsWith("[lineage-warning info] ");
    }

    @Test
    void negative() {
      assertThat(RuleTester.of(new LineageWarningRule()).manifest(NO_PAIRS).findings()).isEmpty();
    }
  }

  @Nested
  class ExpiredSuppression {
    private static Policy suppressing(LocalDate expires) {
      return new Policy(
          Policy.DEFAULT_FAIL_ON,
          0.01,
          Map.of(),
          List.of(new Suppression("hf-0123456789ab", null, null, "reviewed", expires, null)),
          "p.yaml",
          null);
    }

    @Test
    void positive() {
      assertThat(
              RuleTester.of(new ExpiredSuppressionRule())
                  .manifest(NO_PAIRS)
                  .policy(suppressing(RuleTester.TODAY.minusDays(1)))
                  .findings())
          .containsExactly(
              "[expired-suppression low] hf-0123456789ab: Suppression of hf-0123456789ab expired on 2026-05-31");
    }

    @Test
    void negativeOnItsLastDay() {
      assertThat(
              RuleTester.of(new ExpiredSuppressionRule())
                  .manifest(NO_PAIRS)
                  .policy(suppressing(RuleTester.TODAY))
                  .findings())
          .isEmpty();
    }
  }
}
