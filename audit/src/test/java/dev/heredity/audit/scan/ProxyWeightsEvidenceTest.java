package dev.heredity.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heredity.audit.cli.HeredityCli;
import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.Golden;
import dev.heredity.audit.report.ProxyWeightRow;
import dev.heredity.audit.report.ProxyWeights;
import dev.heredity.audit.report.ReportWriters;
import dev.heredity.detectors.ProgressListener;
import dev.heredity.transfer.TransferInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy's weight-test table in the report's transfer section: cited from the measured
 * reference, or read from a {@code transfer-test --weights} result.
 */
class ProxyWeightsEvidenceTest {
  @TempDir Path dir;

  private AuditReport scan(ScanOptions options) {
    return new ScanService().scan(options, ProgressListener.NONE);
  }

  private ScanOptions options() throws IOException {
    return ScanOptions.defaults(ScanFixtures.write(dir, ScanFixtures.UNTESTED))
        .withDisplayRoot(dir)
        .withToday(LocalDate.of(2026, 6, 1));
  }

  private static String render(AuditReport report, String format) {
    return Golden.render(ReportWriters.DEFAULT.resolve(format), report);
  }

  @Test
  void theReferenceCitesTheTwentyModelCalibration() throws IOException {
    ProxyWeights w = scan(options()).transfer().weights();
    assertThat(w).isNotNull();
    assertThat(w.alpha()).isEqualTo(0.01);
    assertThat(w.citation()).contains("--models 20").contains("not run here");
    assertThat(w.rows())
        .extracting(ProxyWeightRow::arm)
        .containsExactly("same-init", "cross-init", "sigma 0.1", "sigma 0.3", "sigma 1", "sigma 3");
    ProxyWeightRow cross = w.rows().get(1);
    assertThat(cross.sharedInit()).isZero();
    assertThat(cross.pairs()).isEqualTo(20);
    assertThat(cross.ciHigh()).isEqualTo(16.8);
    assertThat(cross.minP()).isEqualTo(0.036);
    assertThat(w.rows().get(0).sharedInit()).isEqualTo(20);
  }

  @Test
  void aTransferTestWeightsResultIsReadIntoTheTransferSectionOfEveryReport() throws IOException {
    Path json = dir.resolve("transfer.json");
    StringWriter out = new StringWriter();
    var cli = HeredityCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    int exit =
        cli.execute(
            "transfer-test",
            "--models",
            "2",
            "--hidden",
            "32",
            "--noise",
            "2048",
            "--epochs-teacher",
            "1",
            "--epochs-distill",
            "1",
            "--lr",
            "1e-3",
            "--batch",
            "256",
            "--threads",
            "2",
            "--weights",
            "--sweep",
            "perturb",
            "--sigmas",
            "0,1",
            "--format",
            "json",
            "-q");
    assertThat(exit).isZero();
    Files.writeString(json, out.toString());

    AuditReport report = scan(options().withTransfer(ScanOptions.TransferSource.FILE, json));
    ProxyWeights w = report.transfer().weights();
    assertThat(w.citation()).isEqualTo("Read from transfer.json (transfer-test --weights).");
    assertThat(w.rows()).extracting(ProxyWeightRow::arm).contains("same-init", "cross-init");
    ProxyWeightRow same =
        w.rows().stream().filter(r -> r.arm().equals("same-init")).findFirst().orElseThrow();
    assertThat(same.pairs()).isEqualTo(2);
    assertThat(same.minP()).isNotNull().isLessThanOrEqualTo(same.maxP());
    assertThat(same.accuracy()).isBetween(0.0, 100.0);
    ProxyWeightRow sigma1 =
        w.rows().stream().filter(r -> r.arm().equals("sigma 1")).findFirst().orElseThrow();
    assertThat(sigma1.sigma()).isEqualTo(1.0);

    assertThat(render(report, "html"))
        .contains("<h3>Weight test on the proxy")
        .contains("<table class=\"compact proxy-weights\">")
        .contains("<td>sigma 1</td>");
    assertThat(render(report, "markdown")).contains("### Weight test on the proxy");
    assertThat(render(report, "json")).contains("\"weights\": {").contains("\"medianP\"");
  }

  @Test
  void aResultWithoutWeightsHasNoTableAndABrokenTableIsInvalidInput() throws IOException {
    Path plain = dir.resolve("plain.json");
    Files.writeString(
        plain,
        new dev.heredity.transfer.TransferResult(
                dev.heredity.transfer.TransferConfig.defaults(),
                java.util.Map.of(),
                java.util.List.of(),
                1.5,
                "transfer")
            .toJson());
    assertThat(
            scan(options().withTransfer(ScanOptions.TransferSource.FILE, plain))
                .transfer()
                .weights())
        .isNull();

    String broken =
        Files.readString(plain).stripTrailing().replaceFirst("}$", ", \"weights\": {\"rows\": 3}}");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, broken);
    assertThatThrownBy(() -> scan(options().withTransfer(ScanOptions.TransferSource.FILE, bad)))
        .isInstanceOf(TransferInputException.class)
        .hasMessageStartingWith("bad.json: \"weights\" is not a transfer-test --weights table");
  }
}
