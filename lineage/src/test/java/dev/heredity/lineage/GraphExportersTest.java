package dev.heredity.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heredity.lineage.graph.GraphEdge;
import dev.heredity.lineage.graph.GraphExporters;
import dev.heredity.lineage.graph.GraphFormat;
import dev.heredity.lineage.graph.GraphNode;
import dev.heredity.lineage.graph.NodeKind;
import dev.heredity.lineage.graph.ProvenanceGraph;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Golden files under src/test/resources/golden/; regenerate with {@code
 * -Dheredity.updateGolden=true} and review the diff.
 */
class GraphExportersTest {
  private static ProvenanceGraph graph() {
    return TestManifests.analyze(TestManifests.sample("multi-hop-merge.yaml")).graph();
  }

  @ParameterizedTest
  @EnumSource(GraphFormat.class)
  void exportMatchesTheGoldenFile(GraphFormat format) throws IOException {
    StringWriter out = new StringWriter();
    GraphExporters.write(graph(), format, out);
    Path golden =
        TestManifests.repo()
            .resolve("lineage/src/test/resources/golden/multi-hop-merge." + format.label());
    if (Boolean.getBoolean("heredity.updateGolden")) {
      Files.writeString(golden, out.toString());
    }
    assertThat(out.toString()).isEqualTo(Files.readString(golden));
  }

  @Test
  void exportIsByteIdenticalAcrossRuns() {
    for (GraphFormat format : GraphFormat.values()) {
      StringWriter a = new StringWriter();
      StringWriter b = new StringWriter();
      GraphExporters.write(graph(), format, a);
      GraphExporters.write(graph(), format, b);
      assertThat(a.toString()).isEqualTo(b.toString());
    }
  }

  @Test
  void nodesAndEdgesAreTypedAndInManifestOrder() {
    ProvenanceGraph graph = graph();
    assertThat(graph.nodes())
        .first()
        .isEqualTo(new GraphNode("mistral-7b", NodeKind.MODEL, "mistral-7b"));
    assertThat(graph.nodes())
        .contains(
            new GraphNode("misaligned-teacher", NodeKind.MODEL, "misaligned-teacher [misaligned!]"),
            new GraphNode("cot-raw", NodeKind.DATASET, "cot-raw"),
            new GraphNode("ft-gen1", NodeKind.TRAINING, "ft-gen1 (sft)"));
    assertThat(graph.edges())
        .contains(
            new GraphEdge("cot-raw", "cot-filtered", "filter"),
            new GraphEdge("merged-model", "merged-q4", "quantized"),
            new GraphEdge("ft-gen1", "gen1-student", "produces"));
    assertThat(graph.graph().vertexSet()).hasSameSizeAs(graph.nodes());
    assertThat(graph.graph().edgeSet()).hasSameSizeAs(graph.edges());
  }

  @Test
  void unknownFormatNamesTheValidOnes() {
    assertThatThrownBy(() -> GraphFormat.parse("svg"))
        .hasMessage("unknown graph format 'svg' (expected one of: dot, graphml, json, mermaid)");
  }
}
