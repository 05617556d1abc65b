package dev.heredity.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FindingIdsTest {
  @Test
  void sameContentSameIdAndDifferentContentDifferentId() {
    String id = FindingIds.of("same-base-pair", "a -> b", "ft-1");
    assertThat(id).matches("hf-[0-9a-f]{12}");
    assertThat(FindingIds.of("same-base-pair", "a -> b", "ft-1")).isEqualTo(id);
    assertThat(FindingIds.of("same-base-pair", "a -> b", "ft-2")).isNotEqualTo(id);
    assertThat(FindingIds.of("cross-base-pair", "a -> b", "ft-1")).isNotEqualTo(id);
    // parts are separated, so moving text between them changes the id
    assertThat(FindingIds.of("r", "ab", "c")).isNotEqualTo(FindingIds.of("r", "a", "bc"));
  }
}
