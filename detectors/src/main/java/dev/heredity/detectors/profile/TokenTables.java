package dev.heredity.detectors.profile;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Token counts over the whole corpus: occurrences at any position, records containing each token,
 * and occurrences at each of the first positions (the sufficient statistics of the frequency and
 * position tests, and what divergent tokens are computed from). {@code truncated} is true when the
 * vocabulary exceeded the cap and the rarest tokens were dropped.
 */
@JsonPropertyOrder({"any", "records", "positions", "truncated"})
public record TokenTables(
    Map<String, Long> any,
    Map<String, Long> records,
    List<Map<String, Long>> positions,
    boolean truncated) {

  public TokenTables {
    any = java.util.Collections.unmodifiableMap(new TreeMap<>(any));
    records = java.util.Collections.unmodifiableMap(new TreeMap<>(records));
    positions =
        positions.stream()
            .map(p -> (Map<String, Long>) java.util.Collections.unmodifiableMap(new TreeMap<>(p)))
            .toList();
  }
}
