package dev.heredity.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.detectors.Note;
import org.junit.jupiter.api.Test;

class DetectionNotesTest {
  private static Note oversize(long records, long suspect, long reference) {
    return Note.of(
        Note.OVERSIZE_SKIPPED,
        "records",
        records,
        "maxLineBytes",
        8_388_608,
        "maxRecordChars",
        1_000_000,
        "suspect",
        suspect,
        "reference",
        reference);
  }

  @Test
  void oneSkippedRecordIsSingular() {
    assertThat(DetectionNotes.text(oversize(1, 1, 0)))
        .startsWith("1 record over the size caps")
        .contains(") was skipped");
  }

  @Test
  void severalSkippedRecordsArePlural() {
    assertThat(DetectionNotes.text(oversize(3, 1, 2)))
        .startsWith("3 records over the size caps")
        .contains(") were skipped")
        .contains("(suspect 1, reference 2)");
  }
}
