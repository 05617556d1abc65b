package dev.heredity.audit.cli;

import java.util.Locale;

/**
 * The documented range of a numeric option (docs/reliability.md lists them all). A value outside it
 * is a usage error (exit 2) before any work starts, so an overflowing size never reaches an
 * allocation.
 */
public record OptionRange(
    String option, double min, double max, boolean minExclusive, boolean maxExclusive) {

  // detect and scan
  static final OptionRange PERMUTATIONS = closed("--permutations", 19, 100_000);
  public static final OptionRange ALPHA = new OptionRange("--alpha", 0, 1, true, true);
  static final OptionRange MAX_RECORDS = closed("--max-records", 0, Integer.MAX_VALUE);
  static final OptionRange SAMPLE = closed("--sample", 0, Integer.MAX_VALUE);
  static final OptionRange MAX_LINE_BYTES = closed("--max-line-bytes", 1024, 1 << 30);
  static final OptionRange MAX_RECORD_CHARS = closed("--max-record-chars", 1, 1 << 30);
  static final OptionRange TRANSFER_MODELS = closed("--transfer-models", 2, 100);
  // transfer-test
  static final OptionRange MODELS = closed("--models", 2, 100);
  static final OptionRange AUX = closed("--aux", 1, 100);
  static final OptionRange HIDDEN = closed("--hidden", 1, 4096);
  static final OptionRange EPOCHS_TEACHER = closed("--epochs-teacher", 1, 1000);
  static final OptionRange EPOCHS_DISTILL = closed("--epochs-distill", 0, 1000);
  static final OptionRange NOISE = closed("--noise", 1, 600_000);
  static final OptionRange LR = new OptionRange("--lr", 0, 10, true, false);
  static final OptionRange BATCH = closed("--batch", 1, 65_536);
  public static final OptionRange THREADS = closed("--threads", 1, 256);
  static final OptionRange SIGMA = closed("--sigmas", 0, 100);
  static final int MAX_SIGMAS = 50;

  static OptionRange closed(String option, double min, double max) {
    return new OptionRange(option, min, max, false, false);
  }

  /**
   * Returns {@code value} when it is in range. @throws UsageException naming the option and the
   * range
   */
  public int check(int value) {
    check((double) value);
    return value;
  }

  /** Returns {@code value} when it is a finite number in range. */
  public double check(double value) {
    boolean aboveMin = minExclusive ? value > min : value >= min;
    boolean belowMax = maxExclusive ? value < max : value <= max;
    if (!Double.isFinite(value) || !aboveMin || !belowMax) {
      throw new UsageException(option + " must be " + describe() + ", got " + show(value));
    }
    return value;
  }

  String describe() {
    return "between "
        + show(min)
        + (minExclusive ? " (exclusive)" : "")
        + " and "
        + show(max)
        + (maxExclusive ? " (exclusive)" : "");
  }

  private static String show(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15
        ? String.format(Locale.ROOT, "%d", (long) x)
        : String.valueOf(x);
  }
}
