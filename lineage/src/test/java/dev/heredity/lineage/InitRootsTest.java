package dev.heredity.lineage;

import static dev.heredity.lineage.TestManifests.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.lineage.graph.InitRoots;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitRootsTest {
  @TempDir Path dir;

  private InitRoots roots;

  @BeforeEach
  void build() {
    Path file =
        write(
            dir,
            "m.yaml",
            """
                heredity: 1
                models:
                  - id: base-a
                  - id: base-b
                  - id: base-c
                  - id: instruct-a
                    base: [{model: base-a, relation: finetune}]
                  - id: prompted-a
                    base: [{model: instruct-a, relation: prompted}]
                  - id: quant-a
                    base: [{model: prompted-a, relation: quantized}]
                  - id: adapter-b
                    base: [{model: base-b, relation: adapter}]
                  - id: merged
                    base: [{model: instruct-a, relation: merge}, {model: adapter-b, relation: merge}]
                  - id: distilled
                    base: [{model: instruct-a, relation: distill}]
                  - id: grouped-c
                    base: [{model: base-c, relation: continued-pretrain}]
                trainings:
                  - {id: t, student: trained, from: quant-a}
                initGroups:
                  - {name: ab-group, members: [base-b, base-c]}
                """);
    roots = TestManifests.analyze(file).graph().roots();
  }

  @Test
  void followsEveryRelationButDistill() {
    assertThat(roots.rootsOf("quant-a")).containsExactly("base-a");
    assertThat(roots.rootsOf("adapter-b")).containsExactly("base-b");
    assertThat(roots.rootsOf("distilled"))
        .as("distill starts new weights")
        .containsExactly("distilled");
    assertThat(roots.rootsOf("base-a")).containsExactly("base-a");
  }

  @Test
  void aMergeHasEveryParentsRoots() {
    assertThat(roots.rootsOf("merged")).containsExactly("base-a", "base-b");
    assertThat(roots.sharedRoots("merged", "prompted-a")).containsExactly("base-a");
    assertThat(roots.sharedRoots("merged", "adapter-b")).containsExactly("base-b", "ab-group");
  }

  @Test
  void aTrainingsFromIsItsStudentsBase() {
    assertThat(roots.rootsOf("trained")).containsExactly("base-a");
    assertThat(roots.shareBase("trained", "instruct-a")).isTrue();
  }

  @Test
  void initGroupsJoinTheirMembersAndTheirDescendants() {
    assertThat(roots.sharedRoots("adapter-b", "grouped-c")).containsExactly("ab-group");
    assertThat(roots.shareBase("base-a", "base-c")).isFalse();
    assertThat(roots.shareBase("distilled", "instruct-a")).isFalse();
  }

  @Test
  void theRootIndexAnswersWhoSharesABase() {
    assertThat(roots.modelsSharingBaseWith("prompted-a"))
        .containsExactly("base-a", "instruct-a", "merged", "prompted-a", "quant-a", "trained");
    assertThat(roots.modelsSharingBaseWith("base-c"))
        .containsExactly("adapter-b", "base-b", "base-c", "grouped-c", "merged");
  }
}
