package dev.heredity.audit.report.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.heredity.audit.report.Golden;
import dev.heredity.audit.report.SampleReports;
import dev.heredity.lineage.Severity;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SarifReportWriterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static JsonSchema schema;
  private final SarifReportWriter writer = new SarifReportWriter();

  @BeforeAll
  static void loadSchema() throws Exception {
    // SARIF 2.1.0 (rtm.5) schema, vendored: see src/test/resources/sarif/NOTICE.md.
    try (InputStream in =
        SarifReportWriterTest.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
  }

  @Test
  void matchesGoldenFile() {
    Golden.assertMatches("report.sarif", Golden.render(writer, SampleReports.sample()));
  }

  @Test
  void validatesAgainstTheSarifSchema() throws Exception {
    assertThat(validate(sarif())).isEmpty();
    assertThat(validate(MAPPER.readTree(Golden.render(writer, SampleReports.empty())))).isEmpty();
    var stamped =
        SampleReports.sample()
            .withStamp(
                new dev.heredity.audit.report.Stamp(
                    "2023-11-14T22:13:20Z",
                    "1.0",
                    "unknown",
                    "heredity scan . --stamp",
                    "ab",
                    null,
                    null));
    JsonNode log = MAPPER.readTree(Golden.render(writer, stamped));
    assertThat(validate(log)).isEmpty();
    assertThat(log.at("/runs/0/invocations/0/endTimeUtc").asText())
        .isEqualTo("2023-11-14T22:13:20Z");
    assertThat(log.at("/runs/0/properties/policy").isMissingNode()).isFalse();
  }

  @Test
  void schemaCheckCatchesABrokenLog() throws Exception {
    ObjectNode log = (ObjectNode) sarif();
    ((ObjectNode) log.at("/runs/0/results/0")).put("level", "fatal");
    log.remove("version");
    assertThat(validate(log)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void oneRulePerFindingRuleWithHelp() throws Exception {
    JsonNode rules = sarif().at("/runs/0/tool/driver/rules");
    List<String> ids = new ArrayList<>();
    rules.forEach(r -> ids.add(r.get("id").asText()));
    // Every rule checked, in registry order, described by the registry (not by its first finding).
    assertThat(ids)
        .containsExactly(
            "same-base-pair",
            "cross-base-pair",
            "trait-propagation",
            "distribution-shift",
            "no-control-set",
            "expired-suppression",
            "lineage-warning");
    assertThat(rules.get(0).at("/shortDescription/text").asText())
        .isEqualTo("A teacher's generated data trains a student that shares its base model");
    assertThat(rules.get(2).at("/defaultConfiguration/level").asText()).isEqualTo("warning");
    rules.forEach(r -> assertThat(r.at("/help/text").asText()).isNotBlank());
    assertThat(rules.get(0).at("/help/text").asText()).contains("NIST AI 600-1 MG-2.2-007");
  }

  @Test
  void resultsCarryLevelLocationAndFingerprint() throws Exception {
    JsonNode results = sarif().at("/runs/0/results");
    assertThat(results).hasSize(6);
    List<String> levels = new ArrayList<>();
    results.forEach(r -> levels.add(r.get("level").asText()));
    assertThat(levels).containsExactly("error", "error", "warning", "note", "note", "note");
    List<String> securitySeverities = new ArrayList<>();
    results.forEach(r -> securitySeverities.add(r.at("/properties/security-severity").asText()));
    assertThat(securitySeverities).containsExactly("8.0", "8.0", "5.5", "3.0", "3.0", "0.0");

    JsonNode first = results.get(0);
    assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("samples/owl-numbers/heredity.yaml");
    assertThat(first.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(42);
    assertThat(first.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(5);
    assertThat(first.at("/partialFingerprints/heredityFindingId~1v1").asText())
        .isEqualTo("hf-3f2a9c1d0b7e");
    // every result's ruleIndex points at its rule
    JsonNode rules = sarif().at("/runs/0/tool/driver/rules");
    results.forEach(
        r ->
            assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText())
                .isEqualTo(r.get("ruleId").asText()));
  }

  @Test
  void findingWithoutLocationPointsAtTheManifest() throws Exception {
    JsonNode unlocated = sarif().at("/runs/0/results/5");
    assertThat(unlocated.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("samples/owl-numbers/heredity.yaml");
    assertThat(unlocated.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(1);
    assertThat(unlocated.get("baselineState").asText()).isEqualTo("unchanged");
  }

  @Test
  void suppressedFindingCarriesItsJustification() throws Exception {
    JsonNode suppressed = sarif().at("/runs/0/results/2");
    assertThat(suppressed.at("/suppressions/0/kind").asText()).isEqualTo("external");
    assertThat(suppressed.at("/suppressions/0/justification").asText())
        .isEqualTo("control tracked in DATA-123 <until Q1>");
  }

  @Test
  void mapsSeveritiesToLevels() {
    assertThat(SarifReportWriter.level(Severity.CRITICAL)).isEqualTo("error");
    assertThat(SarifReportWriter.level(Severity.HIGH)).isEqualTo("error");
    assertThat(SarifReportWriter.level(Severity.MEDIUM)).isEqualTo("warning");
    assertThat(SarifReportWriter.level(Severity.LOW)).isEqualTo("note");
    assertThat(SarifReportWriter.level(Severity.INFO)).isEqualTo("note");
  }

  private JsonNode sarif() throws Exception {
    return MAPPER.readTree(Golden.render(writer, SampleReports.sample()));
  }

  private static Set<ValidationMessage> validate(JsonNode log) {
    return schema.validate(log);
  }
}
