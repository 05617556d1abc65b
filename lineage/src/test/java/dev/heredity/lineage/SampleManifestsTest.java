package dev.heredity.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The samples under samples/lineage/ produce the pairs their comments promise. */
class SampleManifestsTest {
  private static List<String> pairs(LineageAnalysis analysis) {
    return analysis.pairs().stream()
        .map(
            p ->
                p.severity().label()
                    + " "
                    + p.teacher()
                    + " -> "
                    + p.student()
                    + " shared="
                    + p.sharedRoots()
                    + " path="
                    + String.join(">", p.path()))
        .toList();
  }

  @Test
  void owlNumbers() {
    LineageAnalysis analysis = TestManifests.analyze(TestManifests.sample("owl-numbers.yaml"));
    assertThat(pairs(analysis))
        .containsExactly(
            "high owl-teacher -> owl-student shared=[qwen2.5-7b] path=owl-teacher>owl-numbers>ft-owl-student>owl-student",
            "low qwen2.5-7b-instruct -> control-student shared=[qwen2.5-7b] path=qwen2.5-7b-instruct>control-numbers>ft-control-student>control-student");
    assertThat(analysis.findings()).isEmpty();
    assertThat(analysis.warnings()).as("data files present and their sha256 match").isEmpty();
    assertThat(analysis.manifest().datasets().get(0).reference()).isEqualTo("control-numbers");
  }

  @Test
  void crossFamilyDistillation() {
    LineageAnalysis analysis =
        TestManifests.analyze(TestManifests.sample("cross-family-distillation.yaml"));
    assertThat(pairs(analysis))
        .containsExactly(
            "high pirate-teacher -> gpt-4o-coder shared=[gpt-4.1-lineage] path=pirate-teacher>pirate-code>distill-gpt4o>gpt-4o-coder",
            "info pirate-teacher -> llama-coder shared=[] path=pirate-teacher>pirate-code>distill-llama>llama-coder",
            "info pirate-teacher -> nano-coder shared=[] path=pirate-teacher>pirate-code>distill-nano>nano-coder");
  }

  @Test
  void multiHopMerge() {
    LineageAnalysis analysis = TestManifests.analyze(TestManifests.sample("multi-hop-merge.yaml"));
    assertThat(pairs(analysis))
        .containsExactly(
            "critical misaligned-teacher -> gen1-student shared=[mistral-7b] path=misaligned-teacher>cot-raw>cot-filtered>ft-gen1>gen1-student",
            "medium merged-q4 -> gen2-student shared=[mistral-7b] path=merged-q4>math-gen2>ft-gen2>gen2-student");
    assertThat(analysis.warnings())
        .extracting(Diagnostic::code)
        .containsExactly("missing-file", "missing-file");
    assertThat(analysis.trace("misaligned-teacher"))
        .extracting(h -> String.join(">", h.chain()))
        .containsExactly(
            "misaligned-teacher>gen1-student",
            "misaligned-teacher>gen1-student>merged-model>merged-q4>gen2-student");
  }

  @Test
  void unattributedSynthetic() {
    LineageAnalysis analysis =
        TestManifests.analyze(TestManifests.sample("unattributed-synthetic.yaml"));
    assertThat(pairs(analysis))
        .containsExactly(
            "low phi-3-mini-instruct -> phi-numbers shared=[phi-3-mini] path=phi-3-mini-instruct>in-house-numbers>numbers-mix>ft-numbers>phi-numbers");
    assertThat(analysis.findings())
        .extracting(f -> f.severity().label() + " " + f.rule() + " " + f.subject())
        .containsExactly("medium unattributed-synthetic-data vendor-numbers");
    assertThat(analysis.warnings())
        .extracting(Diagnostic::code)
        .containsExactly("unattributed-synthetic");
  }

  @Test
  void hubEvidence() {
    LineageAnalysis analysis = TestManifests.analyze(TestManifests.sample("hub-evidence.yaml"));
    assertThat(pairs(analysis))
        .containsExactly(
            "high acme/owl-adapter -> acme/owl-student shared=[Qwen/Qwen2.5-7B-Instruct] path=acme/owl-adapter>acme/owl-gen>sft-student>acme/owl-student");
    assertThat(analysis.manifest().models().get(0).external()).isTrue();
    assertThat(analysis.hops(analysis.pairs().get(0)))
        .extracting(h -> h.relation() + " " + h.evidence().get(0).source())
        .containsExactly(
            "generated datasets/owl-gen/pipeline.yaml",
            "input models/owl-student/trainer_state.json",
            "produces models/owl-student/trainer_state.json");
    assertThat(analysis.warnings()).isEmpty();
  }
}
