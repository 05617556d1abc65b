package dev.heredity.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.lineage.SourceLocation;
import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.Manifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A manifest merged with discovered artifacts keeps its datasets' reading keys ({@code field},
 * {@code promptField}, {@code split}, {@code sample}): discovery must not reset how a dataset is
 * read or how many records the tests use.
 */
class ManifestOverlayReadingKeysTest {
  private static final Path FILE = Path.of("heredity.yaml");

  private static DatasetSpec dataset(
      String path, String field, String promptField, String split, Integer sample) {
    return new DatasetSpec(
        "d",
        path,
        null,
        null,
        null,
        null,
        null,
        Map.of(),
        null,
        List.of(),
        List.of(),
        null,
        null,
        new SourceLocation(FILE, 3, 5),
        Map.of(),
        List.of(),
        List.of(),
        field,
        promptField,
        split,
        sample);
  }

  private static DatasetSpec merged(DatasetSpec hand, DatasetSpec found) {
    Manifest h = new Manifest(FILE, 1, List.of(), List.of(hand), List.of(), List.of());
    Manifest f = new Manifest(FILE, 1, List.of(), List.of(found), List.of(), List.of());
    return ManifestOverlay.merge(h, f).manifest().datasets().get(0);
  }

  @Test
  void theManifestsReadingKeysSurviveDiscovery() {
    DatasetSpec d =
        merged(
            dataset("data/d", "/out", "/in", "train", 500),
            dataset("data/d", null, null, null, null));
    assertThat(d.field()).isEqualTo("/out");
    assertThat(d.promptField()).isEqualTo("/in");
    assertThat(d.split()).isEqualTo("train");
    assertThat(d.sample()).isEqualTo(500);
  }

  @Test
  void absentInTheManifestTheDiscoveredOnesApply() {
    DatasetSpec d =
        merged(dataset(null, null, null, null, null), dataset("data/d", "/t", null, "test", 0));
    assertThat(d.field()).isEqualTo("/t");
    assertThat(d.split()).isEqualTo("test");
    assertThat(d.sample()).isZero();
  }
}
