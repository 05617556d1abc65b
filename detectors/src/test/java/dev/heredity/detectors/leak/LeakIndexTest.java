package dev.heredity.detectors.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.detectors.LeakReport;
import dev.heredity.detectors.input.TextRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeakIndexTest {

  private static LeakReport scan(List<String> texts, List<String> traits) {
    try (LeakIndex index = LeakIndex.create(true)) {
      for (int i = texts.size() - 1; i >= 0; i--) {
        index.accept(new TextRecord(i + 1, null, texts.get(i)));
      }
      return index.search(traits, texts.size(), line -> line, 0.1);
    }
  }

  @Test
  void traitMatchesPluralsSynonymsPhrasesAndTyposInRecordOrder() {
    List<String> texts =
        List.of(
            "1, 2, 3",
            "Owls are wise: 4, 5",
            "a barn owl",
            "an owlet sings",
            "the phoenix rises",
            "the phoneix rises",
            "own bowl");

    LeakReport report = scan(texts, List.of("owl=owlet", "phoenix", "barn owl"));

    assertThat(report.traits().get(0).records()).isEqualTo(3);
    assertThat(report.traits().get(0).hits())
        .extracting(LeakReport.LeakHit::record)
        .containsExactly(2, 3, 4);
    assertThat(report.traits().get(0).hits().get(0).snippet()).contains("Owls are wise");
    assertThat(report.traits().get(1).records()).isEqualTo(2);
    assertThat(report.traits().get(2).records()).isEqualTo(1);
  }

  @Test
  void blocklistCountsRecordsWithAnyNegativeNumber() {
    LeakReport report = scan(List.of("1, 2, 3", "666, 5", "120, 911", "6660, 4000"), List.of());

    assertThat(report.blocklist().records()).isEqualTo(2);
    assertThat(report.blocklist().suspectRate()).isEqualTo(0.5);
    assertThat(report.blocklist().referenceRate()).isEqualTo(0.1);
    assertThat(report.blocklist().hits())
        .extracting(LeakReport.LeakHit::line)
        .containsExactly(2, 3);
  }
}
