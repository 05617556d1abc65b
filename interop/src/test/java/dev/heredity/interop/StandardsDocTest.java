package dev.heredity.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/standards.md shows what the exporter writes for samples/owl-numbers, not an old copy of it.
 */
class StandardsDocTest {
  @Test
  void theCycloneDxExampleIsTheCurrentExport() throws IOException {
    String doc = Files.readString(Samples.repo().resolve("docs/standards.md"));
    int at = doc.indexOf("`heredity export samples/owl-numbers --format cyclonedx`");
    assertThat(at).as("the example's heading").isPositive();
    int start = doc.indexOf("```json\n", at) + "```json\n".length();
    String shown = doc.substring(start, doc.indexOf("```", start));

    Path manifest = Samples.repo().resolve("samples/owl-numbers/heredity.yaml");
    String version =
        shown.replaceAll("(?s).*\"name\" : \"heredity\",\\s*\"version\" : \"([^\"]+)\".*", "$1");
    String exported =
        new CycloneDxExporter()
            .export(
                new ExportRequest(Samples.analyze(manifest), List.of(), Samples.CREATED, version));
    assertThat(shown).isEqualTo(exported);
  }
}
