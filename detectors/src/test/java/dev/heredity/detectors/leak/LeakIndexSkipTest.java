package dev.heredity.detectors.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.detectors.LeakReport;
import dev.heredity.detectors.input.TextRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Leaving unmatchable records out of the index changes neither counts nor hits. */
class LeakIndexSkipTest {
  @Test
  void sameReportWithAndWithoutTheShortcut() {
    Random random = new Random(4);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < 6; k++) {
        sb.append(k == 0 ? "" : ", ")
            .append(random.nextInt(12) == 0 ? "00" : "")
            .append(random.nextInt(1200));
      }
      if (random.nextInt(50) == 0) {
        sb.append(random.nextBoolean() ? " owls" : " an owlet");
      }
      texts.add(sb.toString());
    }
    List<String> traits = List.of("owl=owlet", "phoenix");

    LeakReport all = scan(LeakIndex.create(true), texts, traits);
    LeakReport skipping = scan(LeakIndex.create(true, traits), texts, traits);

    assertThat(skipping).isEqualTo(all);
    assertThat(all.blocklist().records()).isGreaterThan(100);
    assertThat(all.traits().get(0).records()).isGreaterThan(10);
    assertThat(Blocklist.anyIn("1, 2, 0042")).isTrue();
    assertThat(Blocklist.anyIn("1, 2, 4444, 1000")).isFalse();
  }

  private static LeakReport scan(LeakIndex index, List<String> texts, List<String> traits) {
    try (index) {
      for (int i = 0; i < texts.size(); i++) {
        index.add(i + 1, new TextRecord(i + 1, null, texts.get(i)));
      }
      return index.search(traits, texts.size(), r -> r, 0.1);
    }
  }
}
