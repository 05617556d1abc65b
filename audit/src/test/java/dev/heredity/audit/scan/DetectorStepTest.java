package dev.heredity.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.Finding;
import dev.heredity.detectors.ProgressListener;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.Severity;
import dev.heredity.lineage.SourceLocation;
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
    @TempDir
    Path dir;

    private static RiskPair pair(boolean sharedBase, Severity severity) {
        return new RiskPair("t", "s", "ft", List.of("d"), List.of("t", "d", "ft", "s"), sharedBase,
                sharedBase ? List.of("base") : List.of(), severity, "r", new SourceLocation(Path.of("m.yaml"), 1, 1));
    }

    @Test
    void shiftSeverityIsTiedToThePairsTheDatasetFeeds() {
        assertThat(DetectorStep.shiftSeverity(List.of(pair(true, Severity.MEDIUM)))).isEqualTo("high");
        assertThat(DetectorStep.shiftSeverity(List.of(pair(true, Severity.CRITICAL)))).isEqualTo("critical");
        assertThat(DetectorStep.shiftSeverity(List.of(pair(true, Severity.LOW), pair(false, Severity.INFO))))
                .isEqualTo("high");
        assertThat(DetectorStep.shiftSeverity(List.of(pair(false, Severity.INFO)))).isEqualTo("low");
        assertThat(DetectorStep.shiftSeverity(List.of())).isEqualTo("info");
    }

    /** Same numbers, other separator: a format difference, reported apart from the content verdict. */
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
        Path manifest = ScanFixtures.write(dir, ScanFixtures.MISSING_FILES
                .replace("data/numbers.jsonl", "data/suspect.jsonl")
                .replace("path: data/control.jsonl", "path: data/control.jsonl"));
        AuditReport report = new ScanService().scan(ScanOptions.defaults(manifest)
                .withDetectorSettings(null, 99, 1, 0).withToday(LocalDate.of(2026, 6, 1)).withDisplayRoot(dir),
                ProgressListener.NONE);
        assertThat(report.detections()).singleElement().satisfies(d -> {
            assertThat(d.dataset()).isEqualTo("numbers");
            assertThat(d.suspectRecords()).isEqualTo(300);
        });
        assertThat(report.findings()).filteredOn(f -> f.rule().equals(ScanRules.FORMAT_DIFFERENCE))
                .singleElement().extracting(Finding::severity).isEqualTo("low");
        assertThat(report.findings()).noneMatch(f -> f.rule().equals(ScanRules.DETECTORS_NOT_RUN));
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
        AuditReport report = new ScanService().scan(ScanOptions.defaults(manifest)
                .withDetectorSettings(null, 99, 1, 0).withToday(LocalDate.of(2026, 6, 1)).withDisplayRoot(dir),
                ProgressListener.NONE);
        assertThat(report.findings()).filteredOn(f -> f.rule().equals(ScanRules.TRAIT_LEAK)).singleElement()
                .satisfies(f -> {
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
}
