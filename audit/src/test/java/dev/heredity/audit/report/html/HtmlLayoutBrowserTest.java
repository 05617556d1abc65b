package dev.heredity.audit.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.scan.ScanFixtures;
import dev.heredity.audit.scan.ScanOptions;
import dev.heredity.audit.scan.ScanService;
import dev.heredity.detectors.ProgressListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report of a generated 50-model manifest in headless Chromium: at 390 px the page does not
 * scroll sideways (tables and the graph scroll inside their own boxes), at 1280 px the lineage
 * graph fits its box, and the page prints to PDF. Layout is measured by a script in a wrapper page
 * that frames the report (the report itself stays script-free and keeps its CSP); screenshots are
 * left in {@code audit/<target>/browser-check/fifty/} for people to look at. Skips when Chromium is
 * absent.
 */
class HtmlLayoutBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /**
   * Headless Chromium keeps its window at least 500 px wide, so narrower widths are measured in an
   * iframe of that width (its own viewport: the page's media queries see the iframe's width).
   */
  private static final String MEASURE =
      """
      <!DOCTYPE html>
      <html><body style="margin:0">
      <iframe id="page" src="report.html" style="width:%dpx;height:2000px;border:0"></iframe>
      <script>
      document.getElementById('page').onload = function () {
        var w = this.contentWindow, doc = w.document, d = doc.documentElement,
            g = doc.querySelector('.graph'), s = doc.querySelector('svg.lineage'), r = {};
        r.viewport = w.innerWidth;
        r.docWidth = Math.max(d.scrollWidth, doc.body.scrollWidth);
        r.graphWidth = g.clientWidth;
        r.graphRight = Math.round(g.getBoundingClientRect().right);
        r.graphScroll = g.scrollWidth;
        r.svgWidth = Math.round(s.getBoundingClientRect().width);
        r.svgHeight = Math.round(s.getBoundingClientRect().height);
        var widest = 0;
        doc.querySelectorAll('main > *, section > *').forEach(function (e) {
          widest = Math.max(widest, Math.round(e.getBoundingClientRect().right));
        });
        r.widestRight = widest;
        var out = [];
        for (var k in r) { out.push(k + '=' + r[k]); }
        document.body.setAttribute('data-measure', out.join(';'));
      };
      </script>
      </body></html>
      """;

  private static Path dir;
  private static AuditReport report;

  @BeforeAll
  static void writeReport() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM);
    if (!present) {
      System.out.println(
          "HtmlLayoutBrowserTest skipped: "
              + CHROMIUM
              + " is not installed (apt-get install chromium)");
    }
    assumeTrue(present, CHROMIUM + " is not installed (apt-get install chromium)");
    dir = buildDir().resolve("browser-check").resolve("fifty");
    Files.createDirectories(dir);
    Path manifest = ScanFixtures.write(dir.resolve("pipeline"), FiftyModels.manifest());
    report =
        new ScanService()
            .scan(
                ScanOptions.defaults(manifest)
                    .withToday(LocalDate.of(2026, 6, 1))
                    .withDisplayRoot(dir),
                ProgressListener.NONE);
    new HtmlReportWriter().write(report, dir.resolve("report.html"));
  }

  @Test
  void theManifestHasFiftyModelsAndTheReportIsInert() throws Exception {
    assertThat(report.summary().models()).isEqualTo(FiftyModels.MODELS).isEqualTo(50);
    String page = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(page).contains("content=\"default-src 'none'").doesNotContain("<script");
    assertThat(page).contains("trait-origin", " unattributed\"", "edge risky");
  }

  @Test
  void atPhoneWidthThePageDoesNotScrollSideways() throws Exception {
    Map<String, Integer> m = measure(390);
    assertThat(m.get("viewport")).isEqualTo(390);
    assertThat(m.get("docWidth")).as("document width at 390 px: %s", m).isLessThanOrEqualTo(390);
    assertThat(m.get("widestRight")).as("widest block at 390 px: %s", m).isLessThanOrEqualTo(390);
    assertThat(m.get("graphRight")).as("graph box at 390 px: %s", m).isLessThanOrEqualTo(390);
    screenshot("mobile-390.png", dir.resolve("measure-390.html"), 520, 2000);
  }

  @Test
  void atDesktopWidthTheGraphFitsItsBox() throws Exception {
    Map<String, Integer> m = measure(1280);
    assertThat(m.get("docWidth")).as("document width at 1280 px: %s", m).isLessThanOrEqualTo(1280);
    assertThat(m.get("svgWidth"))
        .as("graph at 1280 px: %s", m)
        .isLessThanOrEqualTo(m.get("graphWidth"));
    assertThat(m.get("graphScroll"))
        .as("graph box scrolls at 1280 px: %s", m)
        .isLessThanOrEqualTo(m.get("graphWidth"));
    screenshot("desktop-1280.png", dir.resolve("report.html"), 1280, 2400);
  }

  @Test
  void printsToPdf() throws Exception {
    Path pdf = dir.resolve("report.pdf");
    Files.deleteIfExists(pdf);
    Result run =
        chromium(dir.resolve("report.html"), "--print-to-pdf=" + pdf, "--no-pdf-header-footer");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(pdf).exists();
    byte[] bytes = Files.readAllBytes(pdf);
    assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(bytes.length).isGreaterThan(20_000);
  }

  private static Map<String, Integer> measure(int width) throws Exception {
    Path wrapper = dir.resolve("measure-" + width + ".html");
    Files.writeString(
        wrapper, String.format(java.util.Locale.ROOT, MEASURE, width), StandardCharsets.UTF_8);
    Result run =
        chromium(
            wrapper,
            "--dump-dom",
            "--window-size=" + Math.max(width + 20, 520) + ",2100",
            "--allow-file-access-from-files");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    Matcher found = Pattern.compile("data-measure=\"([^\"]*)\"").matcher(run.stdout());
    assertThat(found.find()).as("measurement in the dumped DOM").isTrue();
    Map<String, Integer> values = new HashMap<>();
    for (String pair : found.group(1).split(";")) {
      String[] kv = pair.split("=");
      values.put(kv[0], (int) Math.round(Double.parseDouble(kv[1])));
    }
    System.out.println("HtmlLayoutBrowserTest at " + width + " px: " + values);
    return values;
  }

  private static void screenshot(String name, Path page, int width, int height) throws Exception {
    Path png = dir.resolve(name);
    Files.deleteIfExists(png);
    Result run =
        chromium(
            page,
            "--screenshot=" + png,
            "--window-size=" + width + "," + height,
            "--hide-scrollbars",
            "--allow-file-access-from-files");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(png).exists();
  }

  private record Result(int exitCode, String stdout, String stderr) {}

  private static Result chromium(Path page, String... extra) throws Exception {
    Path profile = Files.createTempDirectory(dir, "profile");
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
    command.addAll(List.of(extra));
    command.add(page.toUri().toString());
    Path out = Files.createTempFile(dir, "chromium", ".out");
    Path err = Files.createTempFile(dir, "chromium", ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("chromium did not finish within 120 s: " + command);
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      try (var paths = Files.walk(profile)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static Path buildDir() throws Exception {
    return Path.of(
            HtmlLayoutBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .getParent();
  }
}
