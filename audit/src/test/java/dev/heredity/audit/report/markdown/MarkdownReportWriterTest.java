package dev.heredity.audit.report.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.report.Golden;
import dev.heredity.audit.report.SampleReports;
import org.junit.jupiter.api.Test;

class MarkdownReportWriterTest {
  private final MarkdownReportWriter writer = new MarkdownReportWriter();

  @Test
  void matchesGoldenFile() {
    Golden.assertMatches("report.md", Golden.render(writer, SampleReports.sample()));
  }

  @Test
  void emptyReportSaysSoInsteadOfEmptyTables() {
    String md = Golden.render(writer, SampleReports.empty());
    assertThat(md)
        .startsWith("# Heredity audit: passed")
        .contains("No teacher to student pairs", "No findings.")
        .doesNotContain("## Detector evidence", "## Mechanism evidence");
  }

  @Test
  void escapesTableBreakersAndHtml() {
    String md = Golden.render(writer, SampleReports.sample());
    assertThat(md)
        .contains("frequency p=0.62 \\| not significant")
        .contains("control tracked in DATA-123 \\<until Q1>")
        .doesNotContainPattern("(?<!\\\\)<until")
        .doesNotContainPattern("(?<!\\\\)<none>");
  }

  @Test
  void escapesBlockStartersOnlyAtTheStart() {
    assertThat(MarkdownText.block("# not a heading")).isEqualTo("\\# not a heading");
    assertThat(MarkdownText.block("a -> b")).isEqualTo("a -> b");
    assertThat(MarkdownText.block("1. first")).isEqualTo("\\1. first");
    assertThat(MarkdownText.text("0.1.0-SNAPSHOT")).isEqualTo("0.1.0-SNAPSHOT");
    assertThat(MarkdownText.code("a`b|c")).isEqualTo("`a'b\\|c`");
  }
}
