package dev.heredity.detectors;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Explicit references in the suspect records: the user's trait words and the built-in number
 * blocklist.
 */
@JsonPropertyOrder({"traits", "blocklist"})
public record LeakReport(List<TraitLeak> traits, BlocklistLeak blocklist) {

  public LeakReport {
    traits = List.copyOf(traits);
  }

  /** Records matching one trait (stemmed word, plural, synonyms, phrase or fuzzy form). */
  @JsonPropertyOrder({"trait", "terms", "records", "hits"})
  public record TraitLeak(String trait, List<String> terms, long records, List<LeakHit> hits) {
    public TraitLeak {
      terms = List.copyOf(terms);
      hits = List.copyOf(hits);
    }
  }

  /**
   * Records containing any of the paper's 34 "negative association" numbers. Random 3-digit
   * sequences hit some of them by chance, so compare {@code suspectRate} with {@code referenceRate}
   * (null without a reference) rather than reading the count alone.
   */
  @JsonPropertyOrder({"numbers", "records", "suspectRate", "referenceRate", "hits"})
  public record BlocklistLeak(
      int numbers, long records, double suspectRate, Double referenceRate, List<LeakHit> hits) {
    public BlocklistLeak {
      hits = List.copyOf(hits);
    }
  }

  /** One matching record: 1-based record number, its line in the file, and a snippet. */
  @JsonPropertyOrder({"record", "line", "snippet"})
  public record LeakHit(int record, int line, String snippet) {}
}
