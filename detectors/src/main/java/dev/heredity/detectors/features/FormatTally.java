package dev.heredity.detectors.features;

import dev.heredity.detectors.FormatProfile;
import dev.heredity.detectors.Modality;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Full-pass counts of one set, over every record read (not only the tests' sample): records per
 * format class, number-filter conformance, and records holding a blocklisted number. Integer
 * counts, so the result does not depend on the order chunks are merged in.
 */
public final class FormatTally {
  private final Map<String, Long> classes = new HashMap<>();
  private long records;
  private long conforming;
  private long blocklisted;

  /** Counts one record (worker-local tallies are merged with {@link #add(FormatTally)}). */
  void add(FormatFeatures features) {
    records++;
    conforming += features.conforming() ? 1 : 0;
    blocklisted += features.blocklisted() ? 1 : 0;
    for (String format : features.classes()) {
      classes.merge(format, 1L, Long::sum);
    }
  }

  public void add(FormatTally other) {
    records += other.records;
    conforming += other.conforming;
    blocklisted += other.blocklisted;
    other.classes.forEach((k, v) -> classes.merge(k, v, Long::sum));
  }

  public long records() {
    return records;
  }

  /** Share of records with a blocklisted number (numbers modality). */
  public double blocklistRate() {
    return records == 0 ? 0 : (double) blocklisted / records;
  }

  /** The same shape and rounding as the profile of the tested records. */
  public FormatProfile profile(Modality modality) {
    Map<String, Map<String, Double>> shares = new TreeMap<>();
    classes.forEach(
        (term, count) -> {
          int eq = term.indexOf('=');
          shares
              .computeIfAbsent(term.substring(0, eq), k -> new TreeMap<>())
              .put(term.substring(eq + 1), round((double) count / records));
        });
    Double conformance = modality == Modality.NUMBERS ? round((double) conforming / records) : null;
    return new FormatProfile((int) Math.min(Integer.MAX_VALUE, records), conformance, shares);
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
