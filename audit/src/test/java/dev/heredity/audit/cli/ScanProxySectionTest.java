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

/**
 * Without a same-base pair the MNIST-proxy evidence is left out everywhere, and an explicit request
 * says so.
 */
class ScanProxySectionTest {
  @TempDir Path dir;

  @Test
  void noSameBasePairNoProxySectionAndARequestIsAnswered() throws IOException {
    String crossOnly =
        ScanFixtures.UNTESTED.replace(
            "  - id: ft-student\n    student: student\n    from: base\n"
                + "    datasets: [numbers]\n",
            "");
    Path manifest = ScanFixtures.write(dir.resolve("p"), crossOnly);
    Path result = dir.resolve("transfer.json");
    Files.writeString(result, "{}");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    var cli = HeredityCli.commandLine();
    cli.setOut(new PrintWriter(stdout, true));
    cli.setErr(new PrintWriter(stderr, true));
    Path out = dir.resolve("out");
    cli.execute(
        "scan",
        manifest.toString(),
        "--out",
        out.toString(),
        "--today",
        "2026-06-01",
        "--transfer-result",
        result.toString());
    assertThat(stderr.toString())
        .contains("no same-base teacher/student pair", "left out of the reports");
    assertThat(stdout.toString()).doesNotContain("MNIST-proxy");
    assertThat(Files.readString(out.resolve("report.md"))).doesNotContain("Mechanism evidence");
    assertThat(Files.readString(out.resolve("report.html"))).doesNotContain("id=\"transfer\"");
    assertThat(Files.readString(out.resolve("report.json"))).contains("\"transfer\": null");
  }
}
