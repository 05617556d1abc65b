package dev.heredity.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.cli.HeredityCli;
import dev.heredity.audit.scan.ScanFixtures;
import dev.heredity.audit.scan.ScanOptions;
import dev.heredity.interop.ExportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeredityTest {
  @TempDir Path dir;

  @Test
  void theLibraryDecidesLikeTheCli() throws IOException {
    Path manifest = ScanFixtures.write(dir.resolve("pipeline"), ScanFixtures.UNTESTED);
    Heredity.Result result =
        Heredity.scan(ScanOptions.defaults(manifest).withToday(LocalDate.parse("2026-06-01")));

    var cli = HeredityCli.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    int exit =
        cli.execute(
            "scan",
            manifest.toString(),
            "--out",
            dir.resolve("cli").toString(),
            "--today",
            "2026-06-01");

    assertThat(result.exitCode()).isEqualTo(exit).isEqualTo(1);
    assertThat(result.failed()).isTrue();
    assertThat(Heredity.writeReports(result, dir.resolve("lib"))).hasSize(5);
    assertThat(Files.readString(dir.resolve("lib/report.json")))
        .isEqualTo(Files.readString(dir.resolve("cli/report.json")));
    assertThat(
            Heredity.export(
                result, ScanOptions.defaults(manifest), ExportFormat.CYCLONEDX, Instant.EPOCH))
        .contains("\"bomFormat\" : \"CycloneDX\"");
  }
}
