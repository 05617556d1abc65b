package dev.heredity.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracerTest {
  @TempDir java.nio.file.Path dir;

  @Test
  void followsGenerateTrainHopsAcrossGenerationsAndMarksCrossBaseHops() {
    LineageAnalysis analysis =
        TestManifests.analyze(
            TestManifests.write(
                dir,
                "m.yaml",
                """
                heredity: 1
                models:
                  - id: base
                  - id: other
                  - id: teacher
                    base: [{model: base, relation: prompted}]
                    traits: [{name: t1, source: eval}]
                  - id: gen1-prompted
                    base: [{model: gen1, relation: prompted}]
                datasets:
                  - {id: d0, generatedBy: teacher}
                  - {id: d1, generatedBy: gen1-prompted}
                  - {id: d2, generatedBy: gen2}
                trainings:
                  - {id: t-gen1, student: gen1, from: base, datasets: [d0]}
                  - {id: t-gen2, student: gen2, from: base, datasets: [d1]}
                  - {id: t-gen3, student: gen3, from: other, datasets: [d2]}
                  - {id: t-side, student: side, from: other, datasets: [d0]}
                """));
    List<TraceHop> hops = analysis.trace("teacher");
    assertThat(hops)
        .extracting(
            h ->
                h.depth()
                    + " "
                    + h.teacher()
                    + "->"
                    + h.student()
                    + " "
                    + (h.sameBase() ? "same" : "cross")
                    + " "
                    + String.join(">", h.chain()))
        .containsExactly(
            "1 teacher->gen1 same teacher>gen1",
            "1 teacher->side cross teacher>side",
            "2 gen1-prompted->gen2 same teacher>gen1>gen1-prompted>gen2",
            "3 gen2->gen3 cross teacher>gen1>gen1-prompted>gen2>gen3");
    assertThat(analysis.trace("gen3")).isEmpty();
    assertThatThrownBy(() -> analysis.trace("nobody")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCopyOfACopyIsChainedThroughEveryWeightStep() {
    LineageAnalysis analysis =
        TestManifests.analyze(
            TestManifests.write(
                dir,
                "chain.yaml",
                """
                heredity: 1
                models:
                  - {id: s0, traits: [{name: x, source: eval}]}
                datasets:
                  - {id: d0, generatedBy: s0}
                  - {id: d1, generatedBy: s1}
                  - {id: d2, generatedBy: s2}
                  - {id: d3, generatedBy: s3}
                trainings:
                  - {id: t0, student: s1, from: s0, datasets: [d0]}
                  - {id: t1, student: s2, from: s1, datasets: [d1]}
                  - {id: t2, student: s3, from: s2, datasets: [d2]}
                  - {id: t3, student: s4, from: s3, datasets: [d3]}
                """));
    // Every student starts from the previous one's weights, so each is a copy of s0 that teaches
    // directly (depth 1); the chain still names every model between s0 and the student.
    assertThat(analysis.trace("s0"))
        .extracting(
            h ->
                h.depth()
                    + " "
                    + h.teacher()
                    + "->"
                    + h.student()
                    + " "
                    + String.join(">", h.chain()))
        .containsExactly(
            "1 s0->s1 s0>s1",
            "1 s1->s2 s0>s1>s2",
            "1 s2->s3 s0>s1>s2>s3",
            "1 s3->s4 s0>s1>s2>s3>s4");
  }
}
