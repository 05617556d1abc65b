package dev.heredity.detectors.features;

import dev.heredity.detectors.FormatProfile;
import dev.heredity.detectors.Modality;
import dev.heredity.detectors.leak.Blocklist;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Full-pass counts of one set, over every record read (not only the tests' sample): records per
 * format class, number-filter conformance, and records holding a blocklisted number. Integer
 * counts, so the result does not depend on the order chunks are merged in.
 */
public final class FormatTally {
  /** Blocklisted values below 1000 as a lookup table: cheaper than hashing every token. */
  private static final boolean[] BLOCKED = new boolean[1000];

  static {
    for (String number : Blocklist.NUMBERS) {
      BLOCKED[Integer.parseInt(number)] = true;
    }
  }

  private final Map<String, Long> classes = new HashMap<>();
  private long records;
  private long conforming;
  private long blocklisted;

  /** Counts one record (worker-local tallies are merged with {@link #add(FormatTally)}). */
  public void add(RecordFeatures features) {
    records++;
    conforming += features.conforming() ? 1 : 0;
    for (String format : features.formatClasses()) {
      classes.merge(format, 1L, Long::sum);
    }
    for (String token : features.tokens()) {
      if (blocked(token)) {
        blocklisted++;
        break;
      }
    }
  }

  /** Tokens as the number tokenizer yields them: "042" is not "42". */
  private static boolean blocked(String token) {
    int n = token.length();
    if (n == 0 || n > 3 || n > 1 && token.charAt(0) == '0') {
      return false;
    }
    int value = 0;
    for (int i = 0; i < n; i++) {
      char c = token.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      value = value * 10 + (c - '0');
    }
    return BLOCKED[value];
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
