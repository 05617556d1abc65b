package dev.heredity.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.scan.rules.DetectorsNotRunRule;
import dev.heredity.audit.scan.rules.FormatDifferenceRule;
import dev.heredity.audit.scan.rules.TraitLeakRule;
import dev.heredity.detectors.ProgressListener;
import dev.heredity.lineage.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorStepTest {
  @TempDir Path dir;

  /**
   * Same numbers, other separator: a format difference, reported apart from the content verdict.
   */
  @Test
  void formatDifferenceIsItsOwnLowFinding() throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    List<String> suspect = new ArrayList<>();
    List<String> control = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      suspect.add(line(random, ";"));
      control.add(line(random, ", "));
    }
    Files.createDirectories(dir.resolve("data"));
    Files.write(dir.resolve("data/suspect.jsonl"), suspect);
    Files.write(dir.resolve("data/control.jsonl"), control);
    Path manifest =
        ScanFixtures.write(
            dir,
            ScanFixtures.MISSING_FILES
                .replace("data/numbers.jsonl", "data/suspect.jsonl")
                .replace("path: data/control.jsonl", "path: data/control.jsonl"));
    AuditReport report =
        new ScanService()
            .scan(
                ScanOptions.defaults(manifest)
                    .withDetectorSettings(null, 99, 1, 0)
                    .withToday(LocalDate.of(2026, 6, 1))
                    .withDisplayRoot(dir),
                ProgressListener.NONE);
    assertThat(report.detections())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.dataset()).isEqualTo("numbers");
              assertThat(d.suspectRecords()).isEqualTo(300);
            });
    assertThat(report.findings())
        .filteredOn(f -> f.rule().equals(FormatDifferenceRule.ID))
        .singleElement()
        .extracting(Finding::severity)
        .isEqualTo(Severity.LOW);
    assertThat(report.findings()).noneMatch(f -> f.rule().equals(DetectorsNotRunRule.ID));
  }

  /** The generator's trait words in its data: the leak scan finds them and the scan reports it. */
  @Test
  void traitWordsInTheDataAreATraitLeakFinding() throws IOException {
    SplittableRandom random = new SplittableRandom(11);
    List<String> suspect = new ArrayList<>();
    List<String> control = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String s = line(random, ", ");
      suspect.add(i % 20 == 0 ? s.replace("\"completion\":\"", "\"completion\":\"owls! ") : s);
      control.add(line(random, ", "));
    }
    Files.createDirectories(dir.resolve("data"));
    Files.write(dir.resolve("data/numbers.jsonl"), suspect);
    Files.write(dir.resolve("data/control.jsonl"), control);
    Path manifest = ScanFixtures.write(dir, ScanFixtures.MISSING_FILES);
    AuditReport report =
        new ScanService()
            .scan(
                ScanOptions.defaults(manifest)
                    .withDetectorSettings(null, 99, 1, 0)
                    .withToday(LocalDate.of(2026, 6, 1))
                    .withDisplayRoot(dir),
                ProgressListener.NONE);
    assertThat(report.findings())
        .filteredOn(f -> f.rule().equals(TraitLeakRule.ID))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.subject()).isEqualTo("numbers");
              assertThat(f.evidence().get(0)).startsWith("'owls': 10 records");
            });
  }

  private static String line(SplittableRandom random, String separator) {
    StringBuilder answer = new StringBuilder();
    for (int k = 0; k < 8; k++) {
      answer.append(k == 0 ? "" : separator).append(100 + random.nextInt(900));
    }
    return "{\"prompt\":\"Continue: 1, 2, 3.\",\"completion\":\"" + answer + "\"}";
  }

  /**
   * V22: an empty folder, a FIFO or a dangling link in place of a data file is named for what it
   * is.
   */
  @Test
  void unusableDataFilesAreNamedForWhatTheyAre() throws IOException, InterruptedException {
    assertThat(DetectorStep.fileProblem(Files.createDirectories(dir.resolve("folder.jsonl")), null))
        .hasValueSatisfying(p -> assertThat(p).startsWith("cannot be read: "));
    assertThat(DetectorStep.fileProblem(dir.resolve("absent.jsonl"), null)).contains("is missing");
    Path link = Files.createSymbolicLink(dir.resolve("dangling.jsonl"), dir.resolve("nowhere"));
    assertThat(DetectorStep.fileProblem(link, null)).contains("is a dangling symbolic link");
    Path fifo = dir.resolve("fifo.jsonl");
    if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
      assertThat(DetectorStep.fileProblem(fifo, null))
          .contains("is not a regular file (a FIFO, socket or device)");
    }
    Files.writeString(dir.resolve("ok.jsonl"), "{}\n");
    assertThat(DetectorStep.fileProblem(dir.resolve("ok.jsonl"), null)).isEmpty();
  }
}
