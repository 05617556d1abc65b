package dev.heredity.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.audit.report.view.ReportView;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/**
 * One report whose ids, titles and reasons carry CR, LF, ESC, NUL, U+2028, markup and a forged
 * heading, through every writer: Markdown stays one line per cell (V1), HTML inert, JUnit
 * well-formed XML, SARIF and JSON valid JSON.
 */
class HostileTextReportsTest {
  static final String HOSTILE =
      "s\r\r# All checks passed\r<img src=x onerror=alert(9)>\u001b[2J\u0000\u2028`|]]>&";

  static AuditReport hostile() {
    AuditReport sample = SampleReports.sample();
    List<Finding> findings = new ArrayList<>();
    for (Finding f : sample.findings()) {
      findings.add(
          new Finding(
              f.id(),
              f.rule(),
              f.severity(),
              HOSTILE,
              HOSTILE,
              HOSTILE,
              List.of(HOSTILE),
              new Location(HOSTILE, 3, 4),
              f.compliance(),
              f.status(),
              f.suppressionReason() == null ? null : HOSTILE,
              f.overriddenFrom()));
    }
    return new AuditReport(
        sample.schema(),
        sample.tool(),
        sample.version(),
        new ManifestInfo(HOSTILE, sample.manifest().sha256()),
        sample.summary(),
        sample.nodes(),
        sample.edges(),
        List.of(
            new PairRow(
                HOSTILE,
                HOSTILE,
                HOSTILE,
                List.of(HOSTILE),
                List.of(HOSTILE),
                true,
                List.of(HOSTILE),
                dev.heredity.lineage.Severity.HIGH)),
        findings,
        sample.detections(),
        sample.transfer(),
        null,
        sample.policy(),
        sample.compliance(),
        sample.rules(),
        null);
  }

  private static String render(String format) {
    return Golden.render(ReportWriters.DEFAULT.resolve(format), hostile());
  }

  @Test
  void markdownHasNoLineBreakOrControlCharacterFromUserText() {
    String md = render("markdown");
    assertThat(md)
        .doesNotContain("\r")
        .doesNotContain("\u001b")
        .doesNotContain("\u0000")
        .doesNotContain("\u2028");
    assertThat(md.lines().filter(l -> l.startsWith("# ")))
        .singleElement()
        .asString()
        .startsWith("# Heredity audit: ");
    // Inside a code span '<' is literal text; outside one it must be escaped.
    assertThat(md.replaceAll("(?<!\\\\)`[^`\n]*`", "")).doesNotContainPattern("(?<!\\\\)<img");
  }

  @Test
  void htmlStaysInert() {
    String html = render("html");
    assertThat(html)
        .doesNotContain("<img")
        .contains("&lt;img src=x onerror=alert(9)&gt;")
        .contains("default-src 'none'")
        .doesNotContain("\u001b")
        .doesNotContain("\u0000");
  }

  @Test
  void junitIsWellFormedXml() throws Exception {
    String xml = render("junit");
    DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(xml).doesNotContain("\u0000").doesNotContain("\u001b");
  }

  @Test
  void sarifAndJsonAreValidJson() throws Exception {
    new ObjectMapper().readTree(render("sarif"));
    new ObjectMapper().readTree(render("json"));
  }

  @Test
  void headlineNeverSaysABarePassWhenThePolicyChangedSomething() {
    AuditReport sample = SampleReports.sample();
    List<Finding> notFailing =
        sample.findings().stream()
            .map(
                f ->
                    f.status() == Finding.Status.FAILING
                        ? f.decided(f.severity(), Finding.Status.PASSING, null, f.overriddenFrom())
                        : f)
            .toList();
    AuditReport passed =
        new AuditReport(
            sample.schema(),
            sample.tool(),
            sample.version(),
            sample.manifest(),
            sample.summary(),
            sample.nodes(),
            sample.edges(),
            sample.pairs(),
            notFailing,
            sample.detections(),
            sample.transfer(),
            null,
            sample.policy(),
            sample.compliance(),
            sample.rules(),
            null);
    assertThat(ReportView.of(passed).headline().status())
        .isEqualTo("PASSED WITH 1 OVERRIDE, 1 SUPPRESSED, 1 IN BASELINE");
    assertThat(Golden.render(ReportWriters.DEFAULT.resolve("markdown"), passed))
        .startsWith("# Heredity audit: passed with 1 override, 1 suppressed, 1 in baseline\n");
    assertThat(Golden.render(ReportWriters.DEFAULT.resolve("html"), passed))
        .contains(">PASSED WITH 1 OVERRIDE, 1 SUPPRESSED, 1 IN BASELINE</span>");
    assertThat(ReportView.of(SampleReports.empty()).headline().status()).isEqualTo("PASSED");
  }
}
