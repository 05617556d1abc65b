package dev.heredity.discovery.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.heredity.discovery.Discovery;
import dev.heredity.discovery.DiscoveryResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestWritersTest {
  @TempDir Path dir;

  private DiscoveryResult tree() throws IOException {
    Files.createDirectories(dir.resolve("d"));
    // A system prompt with quotes, a colon, a hash and a line break must not change the YAML
    // structure.
    Files.writeString(
        dir.resolve("d/rows.jsonl"),
        "{\"messages\":[{\"role\":\"system\",\"content\":"
            + "\"You \\\"love\\\" owls: #1\\nalways\"},{\"role\":\"assistant\",\"content\":\"1, 2\"}],"
            + "\"model_name\":\"org/teacher\"}\n");
    Files.createDirectories(dir.resolve("m"));
    Files.writeString(
        dir.resolve("m/README.md"), "---\nbase_model: org/teacher\ndatasets:\n- x/d\n---\n");
    return Discovery.run(List.of(dir));
  }

  @Test
  void yamlAndJsonSayTheSameAndStringsCannotBreakOut() throws IOException {
    DiscoveryResult result = tree();
    ManifestStyle style = new ManifestStyle(dir, true);
    String yaml = YamlManifestWriter.write(result, List.of("."), style);
    JsonNode fromYaml = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    JsonNode fromJson = new ObjectMapper().readTree(JsonManifestWriter.write(result, style));
    assertThat(fromYaml).isEqualTo(fromJson);
    JsonNode trait = fromJson.get("models").findValue("traits").get(0);
    assertThat(trait.get("text").asText()).isEqualTo("You \"love\" owls: #1\nalways");
    assertThat(yaml).contains("# from d/rows.jsonl line 1 (declared)");
    assertThat(
            fromJson
                .get("models")
                .get(0)
                .get("base")
                .get(0)
                .get("evidence")
                .get(0)
                .get("source")
                .asText())
        .isEqualTo("m/README.md");
  }

  @Test
  void sameTreeGivesTheSameBytes() throws IOException {
    DiscoveryResult result = tree();
    ManifestStyle style = new ManifestStyle(dir, true);
    assertThat(YamlManifestWriter.write(Discovery.run(List.of(dir)), List.of("."), style))
        .isEqualTo(YamlManifestWriter.write(result, List.of("."), style));
  }

  @Test
  void withoutEvidenceFieldsOnlyCommentsCarryIt() throws IOException {
    String yaml = YamlManifestWriter.write(tree(), List.of("."), new ManifestStyle(dir, false));
    assertThat(yaml)
        .doesNotContain("evidence: [")
        .doesNotContain("\n    evidence:\n")
        .contains("# from ")
        .doesNotContain("external: true");
  }

  @Test
  void aModelFolderWithSafetensorsGetsACheckpointPathInsideTheManifestFolderOnly()
      throws IOException {
    tree();
    Files.writeString(dir.resolve("m/model.safetensors"), "not read by discovery");
    Files.createDirectories(dir.resolve("bare"));
    Files.writeString(dir.resolve("bare/README.md"), "---\nbase_model: org/teacher\n---\n");
    DiscoveryResult result = Discovery.run(List.of(dir));
    ManifestStyle style = new ManifestStyle(dir, true);
    JsonNode json = new ObjectMapper().readTree(JsonManifestWriter.write(result, style));
    JsonNode m = null;
    JsonNode bare = null;
    for (JsonNode model : json.get("models")) {
      if (model.path("evidence").toString().contains("m/README.md")) {
        m = model;
      }
      if (model.path("evidence").toString().contains("bare/README.md")) {
        bare = model;
      }
    }
    assertThat(m).isNotNull();
    assertThat(m.at("/checkpoint/path").asText()).isEqualTo("m");
    assertThat(bare).isNotNull();
    assertThat(bare.at("/checkpoint/path").isMissingNode()).as("no safetensors").isTrue();
    String yaml = YamlManifestWriter.write(result, List.of("."), style);
    assertThat(new ObjectMapper(new YAMLFactory()).readTree(yaml)).isEqualTo(json);
    assertThat(yaml).contains("checkpoint: {path: \"m\"}");

    ManifestStyle elsewhere = new ManifestStyle(dir.resolve("out"), true);
    assertThat(JsonManifestWriter.write(result, elsewhere))
        .as("a folder outside the manifest's folder would be refused by the reader")
        .doesNotContain("\"path\" : \"../m\"")
        .doesNotContain("\"path\": \"../m\"");
  }
}
