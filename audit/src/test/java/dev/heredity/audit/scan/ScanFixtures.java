package dev.heredity.audit.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small manifests for scan tests: no data files, so they run without the detectors (fast). */
public final class ScanFixtures {
  private ScanFixtures() {}

  /** A traited teacher whose data (no control set) trains a same-base and a cross-base student. */
  public static final String UNTESTED =
      """
            heredity: 1
            models:
              - id: base
              - id: teacher
                base: [{model: base, relation: prompted}]
                traits:
                  - {name: loves-owls, source: system-prompt}
              - id: other-base
            datasets:
              - id: numbers
                uri: s3://bucket/numbers.jsonl
                modality: numbers
                generatedBy: {model: teacher}
            trainings:
              - id: ft-student
                student: student
                from: base
                datasets: [numbers]
              - id: ft-other
                student: other-student
                from: other-base
                datasets: [numbers]
            """;

  /**
   * {@link #UNTESTED} plus a second traited teacher reaching the same student: one new high pair.
   */
  public static final String UNTESTED_PLUS_ONE =
      UNTESTED
          .replace(
              """
              - id: other-base
            """,
              """
              - id: other-base
              - id: teacher-2
                base: [{model: base, relation: prompted}]
                traits:
                  - {name: loves-eagles, source: system-prompt}
            """)
          .replace(
              """
            trainings:
            """,
              """
              - id: numbers-2
                uri: s3://bucket/numbers-2.jsonl
                modality: numbers
                generatedBy: {model: teacher-2}
            trainings:
            """)
          .replace(
              "datasets: [numbers]\n  - id: ft-other",
              "datasets: [numbers, numbers-2]\n  - id: ft-other");

  /** Two same-base hops: teacher -> student-1 -> student-2. */
  public static final String TWO_HOPS =
      """
            heredity: 1
            models:
              - id: base
              - id: teacher
                base: [{model: base, relation: prompted}]
                traits:
                  - {name: loves-owls, source: system-prompt}
            datasets:
              - id: gen-1
                uri: s3://bucket/gen-1.jsonl
                generatedBy: {model: teacher}
              - id: gen-2
                uri: s3://bucket/gen-2.jsonl
                generatedBy: {model: student-1}
            trainings:
              - id: ft-1
                student: student-1
                from: base
                datasets: [gen-1]
              - id: ft-2
                student: student-2
                from: base
                datasets: [gen-2]
            """;

  /** A control set is declared, but neither file exists. */
  public static final String MISSING_FILES =
      """
            heredity: 1
            models:
              - id: base
              - id: teacher
                base: [{model: base, relation: prompted}]
                traits:
                  - {name: loves-owls, source: system-prompt}
            datasets:
              - id: numbers
                path: data/numbers.jsonl
                modality: numbers
                generatedBy: {model: teacher}
                reference: control
              - id: control
                path: data/control.jsonl
                modality: numbers
                generatedBy: {model: base}
            trainings:
              - id: ft-student
                student: student
                from: base
                datasets: [numbers]
            """;

  public static Path write(Path dir, String manifest) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("heredity.yaml");
    Files.writeString(file, manifest);
    return file;
  }

  /** The repository root (see {@link dev.heredity.audit.RepoRoot}). */
  public static Path repo() {
    return dev.heredity.audit.RepoRoot.path();
  }
}
