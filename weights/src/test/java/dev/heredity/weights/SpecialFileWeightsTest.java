package dev.heredity.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.heredity.weights.safetensors.SafetensorsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A weights path that is a FIFO, device or folder is refused by name before it is opened: opening a
 * FIFO waits for a writer forever (the 2026-12 hostile-input report's V17, for checkpoints).
 */
class SpecialFileWeightsTest {
  private static final Duration NEVER_WAITS = Duration.ofSeconds(10);

  @TempDir Path dir;

  private static boolean mkfifo(Path path) throws InterruptedException {
    try {
      return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void aFifoGivenAsTheCheckpointIsRefusedNotWaitedOn() throws Exception {
    Path fifo = dir.resolve("model.safetensors");
    assumeTrue(mkfifo(fifo), "mkfifo is not available");
    assertTimeoutPreemptively(
        NEVER_WAITS,
        () ->
            assertThatThrownBy(() -> Checkpoint.open(fifo))
                .isInstanceOfSatisfying(
                    InvalidWeightsException.class,
                    e -> {
                      assertThat(e.file()).isEqualTo(fifo);
                      assertThat(e.field()).isEqualTo("file");
                      assertThat(e.problem()).contains("not a regular file");
                    }));
  }

  @Test
  void aFifoInsideACheckpointFolderIsRefusedNotWaitedOn() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("student"));
    Path fifo = folder.resolve("model-00001.safetensors");
    assumeTrue(mkfifo(fifo), "mkfifo is not available");
    assertTimeoutPreemptively(
        NEVER_WAITS,
        () ->
            assertThatThrownBy(() -> Checkpoint.open(folder))
                .isInstanceOf(InvalidWeightsException.class)
                .hasMessage(fifo + ": file: not a regular file (a FIFO, socket or device)"));
  }

  @Test
  void aFolderNamedLikeAWeightsFileIsNamedAsAFolder() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("odd.safetensors"));
    assertThatThrownBy(() -> SafetensorsFile.open(folder))
        .isInstanceOf(InvalidWeightsException.class)
        .hasMessage(folder + ": file: a folder, not a weights file");
  }
}
