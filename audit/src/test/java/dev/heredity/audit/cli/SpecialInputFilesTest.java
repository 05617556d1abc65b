package dev.heredity.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.heredity.audit.scan.ScanFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file a command reads (manifest, baseline, synonyms, weights) that is a FIFO or a device is
 * refused by name, never opened: a FIFO would be waited on forever and /dev/zero read until the
 * heap runs out (the 2026-12 hostile-input report's V17, beyond {@code lineage validate}).
 */
class SpecialInputFilesTest {
  private static final Duration NEVER_WAITS = Duration.ofSeconds(20);

  @TempDir Path dir;
  private Path fifo;

  @BeforeEach
  void makeFifo() throws InterruptedException {
    fifo = dir.resolve("pipe.yaml");
    assumeTrue(mkfifo(fifo), "mkfifo is not available");
  }

  private static boolean mkfifo(Path path) throws InterruptedException {
    try {
      return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static CliRun run(String... args) {
    return assertTimeoutPreemptively(NEVER_WAITS, () -> CliRun.of(args));
  }

  private static void refused(CliRun run, Path file, String what) {
    assertThat(run.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.errLines()).containsExactly("heredity: " + file + ": is " + what);
  }

  @Test
  void aFifoManifestIsRefusedByScanAndExport() {
    String out = dir.resolve("out").toString();
    refused(
        run("scan", fifo.toString(), "--out", out),
        fifo,
        "a FIFO (named pipe), not a regular file");
    refused(
        run("export", fifo.toString(), "--format", "prov"),
        fifo,
        "a FIFO (named pipe), not a regular file");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aFifoUnderAManifestNameIsThatFoldersManifestNotAFolderToDiscover() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("project"));
    Path manifest = folder.resolve("heredity.yaml");
    assumeTrue(mkfifo(manifest));

    refused(
        run("scan", folder.toString(), "--out", dir.resolve("out").toString()),
        manifest,
        "a FIFO (named pipe), not a regular file");
  }

  @Test
  void aManifestLinkedToAnEndlessDeviceIsRefusedUnread() throws IOException {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero));
    Path link = Files.createSymbolicLink(dir.resolve("zero.yaml"), zero);

    refused(
        run("scan", link.toString(), "--out", dir.resolve("out").toString()),
        link,
        "a character device, not a regular file");
  }

  @Test
  void aFifoBaselineIsRefused() {
    CliRun run =
        run(
            "scan",
            Samples.owlManifest().toString(),
            "--baseline",
            fifo.toString(),
            "--out",
            dir.resolve("out").toString());

    refused(run, fifo, "a FIFO (named pipe), not a report file");
  }

  @Test
  void aFifoSynonymsFileIsRefused() {
    CliRun run =
        run(
            "detect",
            "--suspect",
            Samples.owlData("owl-numbers.jsonl").toString(),
            "--trait-synonyms",
            fifo.toString());

    refused(run, fifo, "a FIFO (named pipe), not a synonyms file");
  }

  @Test
  void fifoWeightsAreRefusedByCompare() {
    CliRun run = run("weights", "compare", fifo.toString(), fifo.toString());

    assertThat(run.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains(fifo.toString(), "not a regular file");
  }

  @Test
  void aFifoCheckpointInAScanIsNamedAndNotCheckedNotWaitedOn() throws Exception {
    Path project = copy(ScanFixtures.repo().resolve("samples/weights"), dir.resolve("project"));
    Path teacher = project.resolve("weights/teacher");
    deleteTree(teacher);
    assumeTrue(mkfifo(teacher));
    Path out = dir.resolve("out");

    CliRun run = run("scan", project.toString(), "--out", out.toString());

    assertThat(run.exit()).isEqualTo(ExitCodes.FINDINGS);
    String report = Files.readString(out.resolve("report.json"));
    assertThat(report)
        .contains(
            "path 'weights/teacher' of model 'teacher' is a FIFO (named pipe); its weights cannot"
                + " be checked")
        .contains("The checkpoint.path of teacher (" + teacher + ") cannot be read")
        .contains("weights-not-checked");
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Files.copy(
            p, to.resolve(from.relativize(p).toString()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    return to;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      List<Path> deepestFirst = all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
      for (Path p : deepestFirst) {
        Files.delete(p);
      }
    }
  }
}
