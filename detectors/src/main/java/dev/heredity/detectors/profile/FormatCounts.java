package dev.heredity.detectors.profile;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.heredity.detectors.FormatProfile;
import dev.heredity.detectors.Modality;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts behind a {@link FormatProfile}: records per format class ({@code separator -> ", " ->
 * 512}) and records passing the paper's number filter. Counts add across partitions; the profile's
 * shares do not.
 */
@JsonPropertyOrder({"records", "conforming", "classes"})
public record FormatCounts(long records, long conforming, Map<String, Map<String, Long>> classes) {

  public FormatCounts {
    Map<String, Map<String, Long>> sorted = new TreeMap<>();
    classes.forEach((feature, values) -> sorted.put(feature, Map.copyOf(new TreeMap<>(values))));
    classes = java.util.Collections.unmodifiableMap(sorted);
  }

  /** The shares, rounded as the local detector rounds them; conformance only for numbers. */
  public FormatProfile toProfile(Modality modality) {
    Map<String, Map<String, Double>> shares = new TreeMap<>();
    classes.forEach(
        (feature, values) -> {
          Map<String, Double> row = new TreeMap<>();
          values.forEach((value, count) -> row.put(value, FormatProfile.share(count, records)));
          shares.put(feature, row);
        });
    Double conformance =
        modality == Modality.NUMBERS ? FormatProfile.share(conforming, records) : null;
    return new FormatProfile(Math.toIntExact(records), conformance, shares);
  }
}
