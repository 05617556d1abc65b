package dev.heredity.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.heredity.audit.scan.ScanFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -o FILE} only ever replaces a regular file (V3); report-set failures are exit 3 with the
 * cause (V23).
 */
class OutputSafetyTest {
  @TempDir Path dir;

  private CliRun graphTo(Path target) {
    return CliRun.of(
        "lineage",
        "graph",
        Samples.owlManifest().toString(),
        "--format",
        "json",
        "-o",
        target.toString());
  }

  @Test
  void aSymlinkIsRefusedAndItsTargetUntouched() throws IOException {
    Path victim = Files.writeString(dir.resolve("victim.txt"), "keep me");
    Path link = Files.createSymbolicLink(dir.resolve("graph.json"), victim);

    CliRun run = graphTo(link);

    assertThat(run.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.err()).contains("it is a symbolic link, not a regular file");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(victim)).isEqualTo("keep me");
  }

  @Test
  void aFifoIsRefusedNotReplaced() throws Exception {
    Path fifo = dir.resolve("fifo");
    assumeTrue(mkfifo(fifo), "mkfifo is not available");

    CliRun run = graphTo(fifo);

    assertThat(run.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.err()).contains("it is a device, FIFO or socket");
    assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
  }

  @Test
  void aDeviceIsRefused() {
    Path device = Path.of("/dev/null");
    assumeTrue(Files.exists(device), "no /dev/null");

    CliRun run = graphTo(device);

    assertThat(run.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(Files.isRegularFile(device, LinkOption.NOFOLLOW_LINKS)).isFalse();
  }

  @Test
  void aFolderIsRefusedAndARegularFileIsReplaced() throws IOException {
    assertThat(graphTo(Files.createDirectories(dir.resolve("folder"))).exit())
        .isEqualTo(ExitCodes.INVALID_INPUT);

    Path file = Files.writeString(dir.resolve("graph.json"), "old");
    CliRun run = graphTo(file);

    assertThat(run.exit()).isEqualTo(ExitCodes.CLEAN);
    assertThat(Files.readString(file)).startsWith("{");
  }

  @Test
  void scanReportWriteFailuresAreExit3WithTheCause() throws IOException {
    Path manifest = ScanFixtures.write(dir.resolve("p"), ScanFixtures.UNTESTED);
    Path blocker = Files.writeString(dir.resolve("blocker"), "a file where a folder should be");

    CliRun run = CliRun.of("scan", manifest.toString(), "--out", blocker.resolve("out").toString());

    assertThat(run.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .startsWith("heredity: cannot write the reports to ")
        .contains(blocker.toString());
  }

  private static boolean mkfifo(Path path) {
    try {
      Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
