package dev.heredity.lineage;

import static dev.heredity.lineage.TestManifests.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairFinderTest {
  @TempDir Path dir;

  private static final String MODELS =
      """
            heredity: 1
            models:
              - id: base
              - id: other-base
              - id: instruct
                base: [{model: base, relation: finetune}]
              - id: owl
                base: [{model: instruct, relation: prompted}]
                traits: [{name: loves-owls, source: system-prompt}]
              - id: evil
                base: [{model: instruct, relation: finetune}]
                traits: [{name: misaligned, source: eval, harmful: true}]
              - id: evil-q4
                base: [{model: evil, relation: quantized}]
              - id: evil-prompted
                base: [{model: owl, relation: quantized}]
              - id: plain
                base: [{model: instruct, relation: adapter}]
              - id: neutral-prompt
                base: [{model: instruct, relation: prompted}]
              - id: stranger
                base: [{model: other-base, relation: prompted}]
                traits: [{name: loves-owls, source: system-prompt}]
            """;

  private List<RiskPair> pairs(String datasetsAndTrainings) {
    return TestManifests.analyze(write(dir, "m.yaml", MODELS + datasetsAndTrainings)).pairs();
  }

  private RiskPair onlyPair(String teacher, String from) {
    List<RiskPair> pairs =
        pairs(
            """
                datasets:
                  - {id: d, generatedBy: %s}
                trainings:
                  - {id: t, student: s, from: %s, datasets: [d]}
                """
                .formatted(teacher, from));
    assertThat(pairs).hasSize(1);
    return pairs.get(0);
  }

  @Test
  void harmfulTraitWithSharedBaseIsCritical() {
    RiskPair pair = onlyPair("evil", "instruct");
    assertThat(pair.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(pair.reason())
        .isEqualTo("shared base (base); teacher carries harmful trait 'misaligned' (eval)");
  }

  @Test
  void harmfulTraitIsInheritedByACopyOfTheWeights() {
    assertThat(onlyPair("evil-q4", "instruct").severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void aSystemPromptTraitIsNotInheritedThroughWeights() {
    assertThat(onlyPair("evil-prompted", "instruct").severity())
        .as("quantized copy of a prompted model")
        .isEqualTo(Severity.MEDIUM);
  }

  @Test
  void declaredTraitWithSharedBaseIsHigh() {
    RiskPair pair = onlyPair("owl", "instruct");
    assertThat(pair.severity()).isEqualTo(Severity.HIGH);
    assertThat(pair.sharedBase()).isTrue();
    assertThat(pair.sharedRoots()).containsExactly("base");
    assertThat(pair.path()).containsExactly("owl", "d", "t", "s");
    assertThat(pair.location().line()).isEqualTo(27);
  }

  @Test
  void noTraitAndOtherWeightsIsMedium() {
    assertThat(onlyPair("plain", "instruct").severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void theStudentsOwnStartingWeightsWithoutTraitIsLow() {
    assertThat(onlyPair("instruct", "instruct").severity()).isEqualTo(Severity.LOW);
    assertThat(onlyPair("neutral-prompt", "instruct").severity())
        .as("prompted copy, same weights")
        .isEqualTo(Severity.LOW);
  }

  @Test
  void noSharedBaseIsInfoEvenWithATrait() {
    RiskPair pair = onlyPair("stranger", "instruct");
    assertThat(pair.severity()).isEqualTo(Severity.INFO);
    assertThat(pair.sharedBase()).isFalse();
    assertThat(pair.sharedRoots()).isEmpty();
  }

  @Test
  void trainingFromScratchSharesNoBase() {
    assertThat(onlyPair("owl", "other-base").severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void dataReachesThroughDerivedFromAtAnyDepthWithTheShortestPath() {
    List<RiskPair> pairs =
        pairs(
            """
                datasets:
                  - {id: raw, generatedBy: owl}
                  - {id: filtered, derivedFrom: [{dataset: raw, operation: filter}]}
                  - {id: deduped, derivedFrom: [{dataset: filtered, operation: dedupe}]}
                  - {id: plain-data, generatedBy: plain}
                  - {id: mix, derivedFrom: [{dataset: deduped, operation: mix}, {dataset: plain-data, operation: mix}]}
                trainings:
                  - {id: t, student: s, from: instruct, datasets: [mix, filtered]}
                """);
    assertThat(pairs)
        .extracting(
            p -> p.teacher() + " " + p.severity().label() + " " + p.datasets() + " " + p.path())
        .containsExactly(
            "owl high [filtered, mix] [owl, raw, filtered, t, s]",
            "plain medium [mix] [plain, plain-data, mix, t, s]");
  }

  @Test
  void pairsAreSortedBySeverityThenIds() {
    List<RiskPair> pairs =
        pairs(
            """
                datasets:
                  - {id: d1, generatedBy: plain}
                  - {id: d2, generatedBy: evil}
                  - {id: d3, generatedBy: owl}
                trainings:
                  - {id: t2, student: s2, from: instruct, datasets: [d1, d3]}
                  - {id: t1, student: s1, from: instruct, datasets: [d1, d2]}
                """);
    assertThat(pairs)
        .extracting(p -> p.severity().label() + " " + p.teacher() + " " + p.student())
        .containsExactly("critical evil s1", "high owl s2", "medium plain s1", "medium plain s2");
  }

  @Test
  void unattributedSyntheticDataReachingATrainingIsAMediumFinding() {
    LineageAnalysis analysis =
        TestManifests.analyze(
            write(
                dir,
                "m.yaml",
                MODELS
                    + """
                datasets:
                  - {id: mystery-numbers, modality: numbers}
                  - {id: mix, derivedFrom: [{dataset: mystery-numbers, operation: mix}]}
                  - {id: unused-numbers, modality: numbers}
                trainings:
                  - {id: t, student: s, from: instruct, datasets: [mix]}
                """));
    assertThat(analysis.pairs()).isEmpty();
    assertThat(analysis.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("unattributed-synthetic-data");
              assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
              assertThat(f.subject()).isEqualTo("mystery-numbers");
              assertThat(f.message()).contains("reaches training 't' of student 's'");
              assertThat(f.location().line()).isEqualTo(25);
            });
    assertThat(analysis.warnings())
        .extracting(Diagnostic::code)
        .containsExactly("unattributed-synthetic", "unattributed-synthetic");
    assertThat(analysis.reaches(Severity.MEDIUM)).isTrue();
    assertThat(analysis.reaches(Severity.HIGH)).isFalse();
  }

  @Test
  void pairsAreTheSameOnEveryRunOfALargerGraph() {
    java.util.Random random = new java.util.Random(42);
    StringBuilder json = new StringBuilder("{\"heredity\": 1, \"models\": [{\"id\": \"root\"}");
    for (int m = 1; m < 300; m++) {
      json.append(", {\"id\": \"m")
          .append(m)
          .append("\", \"base\": [{\"model\": \"")
          .append(m == 1 ? "root" : "m" + (1 + random.nextInt(m - 1)))
          .append("\", \"relation\": \"")
          .append(random.nextInt(4) == 0 ? "distill" : "finetune")
          .append("\"}]}");
    }
    json.append("], \"datasets\": [");
    for (int d = 0; d < 400; d++) {
      json.append(d == 0 ? "" : ", ").append("{\"id\": \"d").append(d).append('"');
      if (d > 10 && random.nextBoolean()) {
        json.append(", \"derivedFrom\": [{\"dataset\": \"d")
            .append(random.nextInt(d))
            .append("\"}]}");
      } else {
        json.append(", \"generatedBy\": \"m").append(1 + random.nextInt(299)).append("\"}");
      }
    }
    json.append("], \"trainings\": [");
    for (int t = 0; t < 200; t++) {
      json.append(t == 0 ? "" : ", ")
          .append("{\"id\": \"t")
          .append(t)
          .append("\", \"student\": \"s")
          .append(t)
          .append("\", \"from\": \"m")
          .append(1 + random.nextInt(299))
          .append("\", \"datasets\": [\"d")
          .append(random.nextInt(200))
          .append("\", \"d")
          .append(200 + random.nextInt(200))
          .append("\"]}");
    }
    json.append("]}");
    Path file = write(dir, "big.json", json.toString());
    List<RiskPair> first = TestManifests.analyze(file).pairs();
    assertThat(first)
        .hasSizeGreaterThan(300)
        .isSortedAccordingTo(dev.heredity.lineage.risk.PairFinder.PAIR_ORDER);
    assertThat(first).extracting(RiskPair::severity).contains(Severity.MEDIUM, Severity.INFO);
    for (int run = 0; run < 3; run++) {
      assertThat(TestManifests.analyze(file).pairs()).isEqualTo(first);
    }
  }

  @Test
  void severityParsesLabelsAndOrdersMostSevereFirst() {
    assertThat(Severity.parse("high")).isEqualTo(Severity.HIGH);
    assertThat(Severity.HIGH.label()).isEqualTo("high");
    assertThat(Severity.CRITICAL.atLeast(Severity.HIGH)).isTrue();
    assertThat(Severity.MEDIUM.atLeast(Severity.HIGH)).isFalse();
    assertThat(Severity.HIGH.atLeast(Severity.HIGH)).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Severity.parse("severe"))
        .hasMessage(
            "unknown severity 'severe' (expected one of: critical, high, medium, low, info)");
  }
}
