package dev.heredity.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.json.JsonReportReader;
import dev.heredity.audit.report.json.JsonReportWriter;
import dev.heredity.audit.scan.ScanFixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --stamp}: in every format when asked, nowhere (same bytes) when not. */
class ScanStampTest {
  private static final String REPORTS[] = {
    "report.json", "report.md", "report.html", "report.sarif", "junit.xml"
  };
  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  @TempDir Path dir;

  private Path manifest;

  @BeforeEach
  void setUp() throws IOException {
    manifest = ScanFixtures.write(dir.resolve("repo/pipeline"), ScanFixtures.UNTESTED);
    Path git = Files.createDirectories(dir.resolve("repo/.git/refs/heads"));
    Files.writeString(git.getParent().getParent().resolve("HEAD"), "ref: refs/heads/main\n");
    Files.writeString(git.resolve("main"), COMMIT + "\n");
  }

  private int scan(Path out, String... extra) {
    var cli = HeredityCli.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    List<String> args =
        new ArrayList<>(
            List.of(
                "scan",
                manifest.toString(),
                "--out",
                out.toString(),
                "--today",
                "2026-06-01",
                "--permutations",
                "19"));
    args.addAll(List.of(extra));
    return cli.execute(args.toArray(String[]::new));
  }

  @Test
  void withoutStampTwoRunsGiveTheSameBytesAndNoStampAnywhere() throws IOException {
    scan(dir.resolve("a"));
    scan(dir.resolve("b"));
    for (String name : REPORTS) {
      String a = Files.readString(dir.resolve("a").resolve(name));
      assertThat(a).as(name).isEqualTo(Files.readString(dir.resolve("b").resolve(name)));
      assertThat(a)
          .as(name)
          .doesNotContain("\"stamp\"", "heredity.stamp", "Stamped", COMMIT, "invocations");
    }
  }

  @Test
  void stampIsInEveryFormat() throws IOException {
    Path out = dir.resolve("s");
    scan(out, "--stamp");
    JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    JsonNode stamp = report.get("stamp");
    assertThat(stamp).as("stamp").isNotNull();
    assertThat(stamp.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(stamp.get("commandLine").asText()).startsWith("heredity scan ").endsWith("--stamp");
    assertThat(stamp.get("manifestSha256").asText())
        .isEqualTo(report.get("manifest").get("sha256").asText());
    assertThat(stamp.get("policySha256").isNull()).isTrue();
    assertThat(stamp.get("folderCommit").asText()).isEqualTo(COMMIT);
    assertThat(stamp.get("commit").asText()).isNotBlank();

    String md = Files.readString(out.resolve("report.md"));
    assertThat(md)
        .contains("Stamped at (UTC): `" + stamp.get("time").asText() + "`")
        .contains("Audited folder's git commit: `" + COMMIT + "`")
        .contains("Command line: `heredity scan");
    assertThat(Files.readString(out.resolve("report.html")))
        .contains("<dl class=\"stamp\">")
        .contains("<code>" + COMMIT + "</code>");
    JsonNode run =
        new ObjectMapper().readTree(out.resolve("report.sarif").toFile()).get("runs").get(0);
    assertThat(run.get("invocations").get(0).get("commandLine").asText()).endsWith("--stamp");
    assertThat(run.get("invocations").get(0).get("endTimeUtc").asText())
        .isEqualTo(stamp.get("time").asText());
    assertThat(run.get("properties").get("heredityStamp").get("folderCommit").asText())
        .isEqualTo(COMMIT);
    assertThat(Files.readString(out.resolve("junit.xml")))
        .contains("<property name=\"heredity.stamp.folderCommit\" value=\"" + COMMIT + "\"/>");
  }

  @Test
  void aStampedReportReadsBackToTheSameBytes() throws IOException {
    Path out = dir.resolve("s");
    scan(out, "--stamp");
    AuditReport read = JsonReportReader.read(out.resolve("report.json"));
    assertThat(read.stamp()).isNotNull();
    StringWriter again = new StringWriter();
    new JsonReportWriter().write(read, again);
    assertThat(again.toString()).isEqualTo(Files.readString(out.resolve("report.json")));
  }

  @Test
  void sourceDateEpochSetsTheTimeAndABadValueIsAUsageError() throws IOException {
    Path out = dir.resolve("s");
    scan(out);
    AuditReport report = JsonReportReader.read(out.resolve("report.json"));
    Instant never = Instant.parse("2000-01-01T00:00:00Z");
    assertThat(
            ReportStamp.of(report, List.of("scan", "x y"), manifest, "1700000000", () -> never)
                .time())
        .isEqualTo("2023-11-14T22:13:20Z");
    assertThat(ReportStamp.of(report, List.of("scan"), manifest, null, () -> never).time())
        .isEqualTo("2000-01-01T00:00:00Z");
    assertThat(
            ReportStamp.of(report, List.of("scan", "it's here"), manifest, null, () -> never)
                .commandLine())
        .isEqualTo("heredity scan 'it'\\''s here'");
    assertThatThrownBy(() -> ReportStamp.of(report, List.of(), manifest, "yesterday", () -> never))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("SOURCE_DATE_EPOCH");
  }
}
