package dev.heredity.audit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWritersTest {

  @Test
  void resolvesIdsAndAliases() {
    assertThat(ReportWriters.DEFAULT.names())
        .containsExactly("json", "markdown", "html", "sarif", "junit");
    assertThat(ReportWriters.DEFAULT.resolve("md").fileName()).isEqualTo("report.md");
    assertThat(ReportWriters.DEFAULT.resolve(" SARIF ").fileName()).isEqualTo("report.sarif");
    assertThat(ReportWriters.DEFAULT.resolve("junit").fileName()).isEqualTo("junit.xml");
  }

  @Test
  void unknownFormatListsTheValidOnes() {
    assertThatThrownBy(() -> ReportWriters.DEFAULT.resolve("pdf"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown report format 'pdf' (valid: json, markdown (md), html, sarif, junit (xml))");
  }

  @Test
  void writesEveryFormatAndLeavesNoTempFiles(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("nested/out");
    List<Path> files = ReportWriters.DEFAULT.writeAll(SampleReports.sample(), out);
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .containsExactly("report.json", "report.md", "report.html", "report.sarif", "junit.xml");
    try (Stream<Path> listing = Files.list(out)) {
      assertThat(listing.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "report.json", "report.md", "report.html", "report.sarif", "junit.xml");
    }
  }

  @Test
  void everyFormatIsByteIdenticalAcrossRuns(@TempDir Path dir) throws IOException {
    ReportWriters.DEFAULT.writeAll(SampleReports.sample(), dir.resolve("a"));
    ReportWriters.DEFAULT.writeAll(SampleReports.sample(), dir.resolve("b"));
    for (ReportWriter writer : ReportWriters.DEFAULT.all()) {
      byte[] first = Files.readAllBytes(dir.resolve("a").resolve(writer.fileName()));
      byte[] second = Files.readAllBytes(dir.resolve("b").resolve(writer.fileName()));
      assertThat(second).as(writer.id()).isEqualTo(first);
      assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8))
          .as(writer.id())
          .doesNotContain("\r");
    }
  }

  @Test
  void failedWriteKeepsTheOldFileAndNamesTheTarget(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("report.txt");
    Files.writeString(file, "old");
    ReportWriter broken =
        new ReportWriter() {
          @Override
          public String id() {
            return "broken";
          }

          @Override
          public List<String> aliases() {
            return List.of();
          }

          @Override
          public String fileName() {
            return "report.txt";
          }

          @Override
          public void write(AuditReport report, Writer out) throws IOException {
            out.write("half");
            throw new IOException("disk full");
          }
        };
    assertThatThrownBy(() -> broken.write(SampleReports.sample(), file))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("report.txt")
        .hasMessageContaining("disk full");
    assertThat(file).hasContent("old");
    try (Stream<Path> listing = Files.list(dir)) {
      assertThat(listing).containsExactly(file);
    }
  }

  @Test
  void failedMeansAFailingFinding() {
    assertThat(SampleReports.sample().failed()).isTrue();
    assertThat(SampleReports.empty().failed()).isFalse();
  }

  @Test
  void overriddenAndSuppressedFindingsAreCounted() {
    assertThat(SampleReports.sample().overridden()).isEqualTo(1);
    assertThat(SampleReports.sample().suppressed()).isEqualTo(1);
    assertThat(SampleReports.empty().overridden()).isZero();
  }

  @Test
  void numbersIgnoreTheLocale() {
    java.util.Locale saved = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      assertThat(ReportNumbers.pValue(0.000021)).isEqualTo("2.1e-05");
      assertThat(ReportNumbers.pValue(0.0031)).isEqualTo("0.0031");
      assertThat(ReportNumbers.stat(88.44)).isEqualTo("88.4");
      assertThat(ReportNumbers.fixed(-0.01, 1)).isEqualTo("0.0");
    } finally {
      java.util.Locale.setDefault(saved);
    }
  }
}
