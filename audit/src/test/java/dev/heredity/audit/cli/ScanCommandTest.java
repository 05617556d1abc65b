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
 * {@code heredity scan} in-process on a small manifest without data files: every policy path and
 * exit code. Its pairs: teacher -> student (same base, trait: high), teacher -> other-student
 * (info), and the untested dataset "numbers" (no-control-set: medium).
 */
class ScanCommandTest {
  private static final String TODAY = "2026-06-01";

  @TempDir Path dir;

  private Path manifest;
  private Path out;
  private StringWriter stdout;
  private StringWriter stderr;

  @BeforeEach
  void setUp() throws IOException {
    manifest = ScanFixtures.write(dir.resolve("pipeline"), ScanFixtures.UNTESTED);
    out = dir.resolve("out");
  }

  private int scan(String... extra) {
    stdout = new StringWriter();
    stderr = new StringWriter();
    var cli = HeredityCli.commandLine();
    cli.setOut(new PrintWriter(stdout, true));
    cli.setErr(new PrintWriter(stderr, true));
    List<String> args =
        new ArrayList<>(List.of("scan", manifest.toString(), "--out", out.toString()));
    args.addAll(List.of(extra));
    if (!args.contains("--today")) {
      args.addAll(List.of("--today", TODAY));
    }
    return cli.execute(args.toArray(String[]::new));
  }

  private Path policy(String yaml) throws IOException {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private JsonNode report() throws IOException {
    return new ObjectMapper().readTree(out.resolve("report.json").toFile());
  }

  private String status(String rule) throws IOException {
    for (JsonNode f : report().get("findings")) {
      if (f.get("rule").asText().equals(rule)) {
        return f.get("status").asText();
      }
    }
    throw new AssertionError("no finding of rule " + rule);
  }

  private String id(String rule) throws IOException {
    for (JsonNode f : report().get("findings")) {
      if (f.get("rule").asText().equals(rule)) {
        return f.get("id").asText();
      }
    }
    throw new AssertionError("no finding of rule " + rule);
  }

  @Test
  void highFindingFailsByDefaultAndReportsAreWrittenAndNamed() {
    assertThat(scan()).isEqualTo(ExitCodes.FINDINGS);
    for (String name :
        List.of("report.json", "report.md", "report.html", "report.sarif", "junit.xml")) {
      assertThat(out.resolve(name)).isRegularFile();
    }
    assertThat(stderr.toString())
        .contains("reports written to " + out.toString().replace('\\', '/') + "/")
        .contains("report.html")
        .contains("1 finding(s) at or above 'high'");
    assertThat(stdout.toString()).contains("same-base-pair", "failing", "no-control-set");
  }

  @Test
  void failOnFromTheCommandLine() throws IOException {
    assertThat(scan("--fail-on", "critical")).isEqualTo(ExitCodes.CLEAN);
    assertThat(status("same-base-pair")).isEqualTo("passing");
    assertThat(scan("--fail-on", "medium")).isEqualTo(ExitCodes.FINDINGS);
    assertThat(status("no-control-set")).isEqualTo("failing");
  }

  @Test
  void failOnNoneOnlyReports() throws IOException {
    assertThat(scan("--fail-on", "none")).isEqualTo(ExitCodes.CLEAN);
    assertThat(status("same-base-pair")).isEqualTo("passing");
    assertThat(Files.readString(out.resolve("report.md")))
        .startsWith("# Heredity audit: not gated\n");
  }

  @Test
  void overridesAndSuppressionsShowInEveryReportAndTheHeadline() throws IOException {
    Path policy =
        policy(
            """
                fail-on: high
                overrides:
                  same-base-pair: low
                suppressions:
                  - rule: no-control-set
                    subject: ghost
                    reason: nothing matches this
                """);
    assertThat(scan("--policy", policy.toString())).isEqualTo(ExitCodes.CLEAN);
    assertThat(stderr.toString())
        .contains(
            "policy.yaml:5:5: the suppression of" + " no-control-set:ghost matches no finding");
    JsonNode pair =
        report().get("findings").findParents("rule").stream()
            .filter(f -> f.get("rule").asText().equals("same-base-pair"))
            .findFirst()
            .orElseThrow();
    assertThat(pair.get("severity").asText()).isEqualTo("low");
    assertThat(pair.get("overriddenFrom").asText()).isEqualTo("high");
    assertThat(report().get("policy").get("sha256").asText()).hasSize(64);
    String md = Files.readString(out.resolve("report.md"));
    assertThat(md)
        .startsWith("# Heredity audit: passed with 1 override\n")
        .contains(
            "policy.yaml` (sha256 ", "| `same-base-pair` | **LOW** | 1 |", "**HIGH** → **LOW**");
    assertThat(Files.readString(out.resolve("report.html")))
        .contains(">PASSED WITH 1 OVERRIDE</span>");
  }

  @Test
  void failOnFromThePolicyFileAndTheCommandLineWins() throws IOException {
    Path policy = policy("failOn: critical\n");
    assertThat(scan("--policy", policy.toString())).isEqualTo(ExitCodes.CLEAN);
    assertThat(scan("--policy", policy.toString(), "--fail-on", "high"))
        .isEqualTo(ExitCodes.FINDINGS);
  }

  @Test
  void severityOverrideChangesTheGate() throws IOException {
    assertThat(scan("--policy", policy("overrides:\n  same-base-pair: low\n").toString()))
        .isEqualTo(ExitCodes.CLEAN);
    assertThat(status("same-base-pair")).isEqualTo("passing");
    assertThat(scan("--policy", policy("overrides:\n  cross-base-pair: critical\n").toString()))
        .isEqualTo(ExitCodes.FINDINGS);
    assertThat(status("cross-base-pair")).isEqualTo("failing");
  }

  @Test
  void suppressionByRuleAndSubjectWithoutExpiry() throws IOException {
    Path policy =
        policy(
            """
                suppressions:
                  - rule: same-base-pair
                    subject: teacher -> student
                    reason: accepted in review AUD-7
                """);
    assertThat(scan("--policy", policy.toString())).isEqualTo(ExitCodes.CLEAN);
    assertThat(status("same-base-pair")).isEqualTo("suppressed");
    JsonNode suppression = report().get("policy").get("suppressions").get(0);
    assertThat(suppression.get("matched").asInt()).isEqualTo(1);
    assertThat(suppression.get("expired").asBoolean()).isFalse();
  }

  @Test
  void suppressionByIdWithExpiryWorksUntilItExpiresThenIsReported() throws IOException {
    scan();
    String pairId = id("same-base-pair");
    Path policy =
        policy(
            """
                suppressions:
                  - id: %s
                    reason: fix scheduled
                    expires: 2026-06-30
                """
                .formatted(pairId));
    assertThat(scan("--policy", policy.toString())).isEqualTo(ExitCodes.CLEAN);
    assertThat(status("same-base-pair")).isEqualTo("suppressed");

    assertThat(scan("--policy", policy.toString(), "--today", "2026-07-01"))
        .isEqualTo(ExitCodes.FINDINGS);
    assertThat(status("same-base-pair")).isEqualTo("failing");
    assertThat(status("expired-suppression")).isEqualTo("passing");
    JsonNode expired =
        report().get("findings").findParents("rule").stream()
            .filter(f -> f.get("rule").asText().equals("expired-suppression"))
            .findFirst()
            .orElseThrow();
    assertThat(expired.get("subject").asText()).isEqualTo(pairId);
    assertThat(expired.get("location").get("line").asInt()).isEqualTo(2);
  }

  @Test
  void baselineFailsOnlyOnNewFindings() throws IOException {
    assertThat(scan()).isEqualTo(ExitCodes.FINDINGS);
    Path baseline = dir.resolve("baseline.json");
    Files.copy(out.resolve("report.json"), baseline);
    assertThat(scan("--baseline", baseline.toString())).isEqualTo(ExitCodes.CLEAN);
    assertThat(status("same-base-pair")).isEqualTo("baseline");

    ScanFixtures.write(manifest.getParent(), ScanFixtures.UNTESTED_PLUS_ONE);
    assertThat(scan("--baseline", baseline.toString())).isEqualTo(ExitCodes.FINDINGS);
    List<String> failing = new ArrayList<>();
    report()
        .get("findings")
        .forEach(
            f -> {
              if (f.get("status").asText().equals("failing")) {
                failing.add(f.get("subject").asText());
              }
            });
    assertThat(failing).containsExactly("teacher-2 -> student");
  }

  @Test
  void jsonSummaryOnStdout() throws IOException {
    assertThat(scan("--format", "json")).isEqualTo(ExitCodes.FINDINGS);
    JsonNode summary = new ObjectMapper().readTree(stdout.toString());
    assertThat(summary.get("failed").asBoolean()).isTrue();
    assertThat(summary.get("reports")).hasSize(5);
    assertThat(summary.get("findings").get(0).get("rule").asText()).isEqualTo("same-base-pair");
    assertThat(stderr.toString()).doesNotContain("{");
  }

  @Test
  void quietPrintsNoTable() {
    assertThat(scan("--quiet")).isEqualTo(ExitCodes.FINDINGS);
    assertThat(stdout.toString()).isEmpty();
    assertThat(stderr.toString()).doesNotContain("reports written to").contains("failing");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(scan("--transfer-test", "--transfer-result", "x.json")).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr.toString()).contains("cannot be used together");
    assertThat(scan("--fail-on", "severe")).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr.toString())
        .contains(
            "--fail-on: unknown severity 'severe' (valid: critical, high, medium, low, info, none)");
    assertThat(scan("--format", "xml")).isEqualTo(ExitCodes.USAGE);
    assertThat(scan("--permutations", "5")).isEqualTo(ExitCodes.USAGE);
    assertThat(scan("--alpha", "2")).isEqualTo(ExitCodes.USAGE);
    assertThat(out).doesNotExist();
  }

  @Test
  void outThatIsAFileIsAUsageError() throws IOException {
    Files.writeString(out, "not a folder");
    assertThat(scan()).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr.toString()).contains("not a folder");
  }

  @Test
  void invalidInputsExitThreeWithOneLine() throws IOException {
    manifest = dir.resolve("missing.yaml");
    assertThat(scan()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(stderr.toString())
        .startsWith("heredity: ")
        .contains("missing.yaml")
        .doesNotContain("Exception");

    manifest = ScanFixtures.write(dir.resolve("pipeline"), ScanFixtures.UNTESTED);
    Path bad = policy("failOn: high\nsuppressions:\n  - id: hf-0123456789ab\n");
    assertThat(scan("--policy", bad.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(stderr.toString().lines().toList())
        .singleElement()
        .satisfies(
            line -> assertThat(line).contains("policy.yaml:3:").contains("needs a 'reason'"));

    Path badTransfer = dir.resolve("transfer.json");
    Files.writeString(badTransfer, "{\"arms\": 3}");
    assertThat(scan("--transfer-result", badTransfer.toString()))
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(stderr.toString()).startsWith("heredity: ").contains("transfer.json");

    Path notReport = dir.resolve("not-a-report.json");
    Files.writeString(notReport, "{}");
    assertThat(scan("--baseline", notReport.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(stderr.toString()).contains("not a heredity report");
  }
}
