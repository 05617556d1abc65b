package dev.heredity.lineage;

import static dev.heredity.lineage.ManifestReaderTest.assertError;
import static dev.heredity.lineage.TestManifests.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.ManifestReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset's {@code sample}: a whole number, 0 or more, located when it is anything else. */
class ManifestSampleTest {
  @TempDir Path dir;

  private Path manifest(String sampleLine) {
    return write(
        dir,
        "m.yaml",
        """
            heredity: 1
            datasets:
              - id: d
                path: d.jsonl
            %s
            """
            .formatted(sampleLine));
  }

  private DatasetSpec dataset(String sampleLine) {
    return ManifestReader.read(manifest(sampleLine)).datasets().get(0);
  }

  @Test
  void aWholeNumberIsTheDatasetsSampleAndZeroMeansEveryRecord() {
    assertThat(dataset("    sample: 5000").sample()).isEqualTo(5000);
    assertThat(dataset("    sample: 0").sample()).isZero();
    assertThat(dataset("    sample: 2147483647").sample()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void absentOrNullIsNotGiven() {
    assertThat(dataset("").sample()).isNull();
    assertThat(dataset("    sample: ~").sample()).isNull();
  }

  @Test
  void jsonManifestsTakeTheSameKey() {
    Path file =
        write(
            dir,
            "m.json",
            "{\"heredity\": 1, \"datasets\": [{\"id\": \"d\", \"path\": \"d.jsonl\", \"sample\": 7}]}");
    DatasetSpec d = ManifestReader.read(file).datasets().get(0);
    assertThat(d.sample()).isEqualTo(7);
    assertThat(d.locationOf("sample")).hasToString(file + ":1:71");
  }

  @Test
  void aNegativeNumberIsALocatedError() {
    Path file = manifest("    sample: -1");
    assertError(
        file, file + ":5:13: 'sample' must be a whole number from 0 to 2147483647, found -1");
  }

  @Test
  void aNumberTooLargeIsALocatedError() {
    Path file = manifest("    sample: 3000000000");
    assertError(
        file,
        file + ":5:13: 'sample' must be a whole number from 0 to 2147483647, found 3000000000");
  }

  @Test
  void otherValuesAreLocatedErrorsSayingWhatWasFound() {
    for (var c :
        List.of(
            List.of("    sample: 1.5", "a number"),
            List.of("    sample: \"100\"", "a string (write it without quotes)"),
            List.of("    sample: lots", "a string (write it without quotes)"),
            List.of("    sample: true", "a boolean"),
            List.of("    sample: [1]", "a list"))) {
      Path file = manifest(c.get(0));
      assertError(
          file, file + ":5:13: 'sample' must be a whole number, 0 or more, found " + c.get(1));
    }
  }

  @Test
  void aTypoedKeyStaysAnError() {
    Path file = manifest("    samples: 10");
    assertError(
        file,
        file
            + ":5:5: unknown key 'samples' in a dataset, did you mean 'sample'? (expected one of: id,"
            + " path, uri, sha256, format, modality, generatedBy, reference, derivedFrom, filters,"
            + " description, evidence, field, promptField, split, sample)");
  }
}
