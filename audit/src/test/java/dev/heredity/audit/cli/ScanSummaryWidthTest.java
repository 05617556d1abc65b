package dev.heredity.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.scan.ScanFixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table summary fits 120 columns with long ids; the reports keep the ids whole. */
class ScanSummaryWidthTest {
  @TempDir Path dir;

  @Test
  void longIdsAreCutWithAnEllipsisInTheTableAndKeptWholeInTheReports() throws IOException {
    String teacher = "teacher-" + "very-long-model-name-".repeat(6) + "end";
    String dataset = "numbers-" + "generated-by-the-teacher-".repeat(5) + "end";
    String manifest =
        ScanFixtures.UNTESTED
            .replace("teacher", teacher)
            .replace("id: numbers", "id: " + dataset)
            .replace("[numbers]", "[" + dataset + "]")
            .replace("other-base", "other-base-" + "x".repeat(130));
    Path file = ScanFixtures.write(dir.resolve("p-" + "deep-folder-".repeat(10)), manifest);
    StringWriter stdout = new StringWriter();
    var cli = HeredityCli.commandLine();
    cli.setOut(new PrintWriter(stdout, true));
    StringWriter stderr = new StringWriter();
    cli.setErr(new PrintWriter(stderr, true));
    int exit =
        cli.execute(
            "scan",
            file.toString(),
            "--out",
            dir.resolve("out").toString(),
            "--today",
            "2026-06-01");

    assertThat(exit).as(stderr.toString()).isEqualTo(ExitCodes.FINDINGS);
    String table = stdout.toString();
    assertThat(table).contains("SEVERITY", "\u2026");
    for (String line : table.split("\n")) {
      assertThat(line.codePointCount(0, line.length()))
          .as(line)
          .isLessThanOrEqualTo(ScanSummary.WIDTH);
    }
    assertThat(Files.readString(dir.resolve("out/report.md"))).contains(teacher, dataset);
    assertThat(table)
        .as("same-base pair: the proxy line is there")
        .contains("MNIST-proxy mechanism evidence");
  }

  @Test
  void fitAndWrap() {
    assertThat(ScanSummary.fit("abcdef", 6)).isEqualTo("abcdef");
    assertThat(ScanSummary.fit("abcdefg", 6)).isEqualTo("abcde\u2026");
    assertThat(ScanSummary.wrap("aaa bbb ccc", 7)).isEqualTo("aaa bbb\n  ccc");
    assertThat(ScanSummary.wrap("x".repeat(10), 4)).isEqualTo("xxxx\n  xx\n  xx\n  xx");
    assertThat(ScanSummary.wrap("short\n\nline\n", 120)).isEqualTo("short\n\nline\n");
  }
}
