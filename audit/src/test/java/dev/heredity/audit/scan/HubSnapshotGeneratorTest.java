package dev.heredity.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed hub-snapshot sample is exactly what the documented generator command writes. */
class HubSnapshotGeneratorTest {
  @TempDir Path dir;

  @Test
  void regeneratingTheSampleGivesTheCommittedTree() throws IOException, InterruptedException {
    Path repo = ScanFixtures.repo();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(), "samples/tools/HubSnapshotGenerator.java", dir.toString())
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    Path committed = repo.resolve("samples/hub-snapshot");
    List<Path> generated = files(dir);
    assertThat(generated)
        .isNotEmpty()
        .isEqualTo(
            files(committed).stream().filter(p -> !p.toString().equals("README.md")).toList());
    for (Path rel : generated) {
      assertThat(Files.readAllBytes(dir.resolve(rel)))
          .as(rel.toString())
          .isEqualTo(Files.readAllBytes(committed.resolve(rel)));
    }
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
