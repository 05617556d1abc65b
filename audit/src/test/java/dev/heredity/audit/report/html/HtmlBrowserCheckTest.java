package dev.heredity.audit.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.heredity.audit.report.SampleReports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders the sample report in headless Chromium (Debian package {@code chromium}): takes a
 * screenshot and fails on any console message (the page has no scripts, so a console line means a
 * blocked load or a parse problem). Skips, saying why, when Chromium is not installed; {@code
 * .ci/run} installs it.
 */
class HtmlBrowserCheckTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static Path dir;

  @BeforeAll
  static void writeReport() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM);
    if (!present) {
      System.out.println(
          "HtmlBrowserCheckTest skipped: "
              + CHROMIUM
              + " is not installed (apt-get install chromium)");
    }
    assumeTrue(present, CHROMIUM + " is not installed (apt-get install chromium)");
    dir = buildDir().resolve("browser-check");
    Files.createDirectories(dir);
    new HtmlReportWriter().write(SampleReports.sample(), dir.resolve("report.html"));
  }

  @Test
  void rendersWithoutConsoleMessages() throws Exception {
    Path screenshot = dir.resolve("report.png");
    Files.deleteIfExists(screenshot);
    Result run = chromium("--screenshot=" + screenshot, "--window-size=1400,2000");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(screenshot).exists();
    assertThat(Files.size(screenshot)).isGreaterThan(20_000);
    assertThat(consoleLines(run.stderr())).as("console messages while rendering").isEmpty();
    System.out.println("HtmlBrowserCheckTest screenshot: " + screenshot);
  }

  @Test
  void parsedDomHasTheGraphAndCharts() throws Exception {
    Result run = chromium("--dump-dom");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    String dom = run.stdout();
    assertThat(dom).contains("<svg class=\"lineage\"");
    long nodes = dom.split("<g class=\"node ", -1).length - 1;
    assertThat(nodes).isEqualTo(SampleReports.sample().nodes().size());
    assertThat(dom).contains("id=\"findings\"", "class=\"chart bars\"", "class=\"chart means\"");
  }

  private record Result(int exitCode, String stdout, String stderr) {}

  private static Result chromium(String... extra) throws Exception {
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
                "--user-data-dir=" + profile,
                "--enable-logging=stderr",
                "--v=0"));
    command.addAll(List.of(extra));
    command.add(dir.resolve("report.html").toUri().toString());
    Path out = dir.resolve("chromium.out");
    Path err = dir.resolve("chromium.err");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("chromium did not finish within 90 s: " + command);
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (java.nio.file.NoSuchFileException ignored) {
      // already gone
    }
  }

  private static List<String> consoleLines(String stderr) {
    return stderr.lines().filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught")).toList();
  }

  /** The module's build folder (target-NAME), found from where the test classes were loaded. */
  private static Path buildDir() throws Exception {
    Path testClasses =
        Path.of(
            HtmlBrowserCheckTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return testClasses.getParent();
  }
}
