package dev.heredity.audit.cli;

import dev.heredity.audit.scan.ScanFixtures;
import java.nio.file.Path;

/** Paths of the repository's samples for CLI tests. */
final class Samples {
  private Samples() {}

  static Path owlManifest() {
    return ScanFixtures.repo().resolve("samples/owl-numbers/heredity.yaml");
  }

  static Path owlData(String file) {
    return ScanFixtures.repo().resolve("samples/owl-numbers/data").resolve(file);
  }
}
