package dev.heredity.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.audit.scan.ScanFixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code heredity export}, imports through {@code lineage pairs} and {@code scan}, and {@code scan
 * --bom}, in-process.
 */
class ExportCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path manifest;
  private StringWriter stdout;
  private StringWriter stderr;

  @BeforeEach
  void setUp() throws IOException {
    manifest = ScanFixtures.write(dir.resolve("pipeline"), ScanFixtures.UNTESTED);
  }

  private int run(String... args) {
    stdout = new StringWriter();
    stderr = new StringWriter();
    var cli = HeredityCli.commandLine();
    cli.setOut(new PrintWriter(stdout, true));
    cli.setErr(new PrintWriter(stderr, true));
    return cli.execute(args);
  }

  @Test
  void cycloneDxGoesToStdout() throws IOException {
    assertThat(run("export", manifest.getParent().toString(), "--format", "cyclonedx"))
        .isEqualTo(0);
    JsonNode bom = JSON.readTree(stdout.toString());
    assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(bom.path("specVersion").asText()).isEqualTo("1.6");
    assertThat(stdout.toString()).contains("\"machine-learning-model\"", "heredity:pair");
  }

  @Test
  void outputFileIsWrittenAndStdoutStaysEmpty() throws IOException {
    Path file = dir.resolve("out/lineage.spdx.json");
    assertThat(run("export", manifest.toString(), "--format", "spdx", "-o", file.toString()))
        .isEqualTo(0);
    assertThat(stdout.toString()).isEmpty();
    assertThat(JSON.readTree(file.toFile()).path("@context").asText())
        .isEqualTo("https://spdx.org/rdf/3.0.1/spdx-context.jsonld");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    assertThat(run("export", manifest.toString(), "--format", "cdx")).isEqualTo(2);
    assertThat(stderr.toString())
        .contains("unknown format 'cdx'", "cyclonedx, spdx, openlineage, prov");
  }

  @Test
  void aMissingManifestIsInvalidInput() {
    assertThat(run("export", dir.resolve("nope.yaml").toString(), "--format", "prov")).isEqualTo(3);
    assertThat(stderr.toString()).startsWith("heredity: ").contains("nope.yaml");
  }

  @Test
  void anOpenLineageLogFeedsLineagePairsAndScanLikeTheManifest() throws IOException {
    Path log = dir.resolve("events.jsonl");
    assertThat(run("export", manifest.toString(), "--format", "openlineage", "-o", log.toString()))
        .isEqualTo(0);

    int manifestExit = run("lineage", "pairs", manifest.toString(), "--format", "json");
    JsonNode fromManifest = JSON.readTree(stdout.toString()).path("pairs");
    int logExit = run("lineage", "pairs", log.toString(), "--format", "json");
    JsonNode fromLog = JSON.readTree(stdout.toString()).path("pairs");
    assertThat(logExit).isEqualTo(manifestExit);
    assertThat(summary(fromLog)).isNotEmpty().isEqualTo(summary(fromManifest));

    assertThat(run("scan", log.toString(), "--out", dir.resolve("scan-log").toString(), "--quiet"))
        .isEqualTo(
            run(
                "scan",
                manifest.toString(),
                "--out",
                dir.resolve("scan-manifest").toString(),
                "--quiet"));
  }

  @Test
  void aBrokenEventLogIsInvalidInputAtItsLine() throws IOException {
    Path log =
        Files.writeString(dir.resolve("bad.jsonl"), "{\"run\": {\"runId\": \"r\"}, \"job\": {}}\n");
    assertThat(run("lineage", "validate", log.toString())).isEqualTo(3);
    assertThat(stderr.toString().strip())
        .isEqualTo(
            "heredity: "
                + log
                + ":1:1: not an OpenLineage run event: 'job.name' is missing or not a string");
  }

  @Test
  void scanBomWritesCycloneDxAndSpdxWithTheFindings() throws IOException {
    Path out = dir.resolve("reports");
    int exit = run("scan", manifest.toString(), "--out", out.toString(), "--bom", "--quiet");
    assertThat(exit).isEqualTo(1);
    JsonNode bom = JSON.readTree(out.resolve("bom.cdx.json").toFile());
    List<String> findings = new ArrayList<>();
    for (JsonNode c : bom.path("components")) {
      c.path("properties")
          .forEach(
              p -> {
                if (p.path("name").asText().equals("heredity:finding")) {
                  findings.add(c.path("name").asText() + " " + p.path("value").asText());
                }
              });
    }
    JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
    assertThat(findings).hasSizeGreaterThanOrEqualTo(1);
    assertThat(String.join("\n", findings))
        .contains(report.path("findings").get(0).path("rule").asText());
    assertThat(Files.readString(out.resolve("spdx.json"))).contains("heredity finding");
    assertThat(out.resolve("bom.cdx.json"))
        .exists(); // --quiet: no "reports written" line to list them
    assertThat(out.resolve("spdx.json")).exists();
  }

  private static List<String> summary(JsonNode pairs) {
    List<String> out = new ArrayList<>();
    pairs.forEach(
        p ->
            out.add(
                p.path("severity").asText()
                    + " "
                    + p.path("teacher").asText()
                    + " -> "
                    + p.path("student").asText()
                    + " "
                    + p.path("training").asText()));
    return out;
  }
}
