package dev.heredity.detectors.input;

/**
 * Caps that keep one record from costing unbounded memory or time. A line (JSONL record, CSV row,
 * plain line) longer than {@code maxLineBytes} is skipped without being held in memory, and a
 * record whose text and prompt together exceed {@code maxRecordChars} is skipped after parsing;
 * both are counted as oversize and reported, never silently dropped.
 *
 * @param maxLineBytes bytes of one line after decompression (default 16 MiB)
 * @param maxRecordChars characters of one record's text plus prompt (default 1 Mi)
 */
public record InputLimits(int maxLineBytes, int maxRecordChars) {
  public static final int DEFAULT_MAX_LINE_BYTES = 16 << 20;
  public static final int DEFAULT_MAX_RECORD_CHARS = 1 << 20;

  /** Java arrays and Jackson's string limit stop below this. */
  public static final int HARD_MAX = 1 << 30;

  public static final InputLimits DEFAULTS =
      new InputLimits(DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_RECORD_CHARS);

  public InputLimits {
    if (maxLineBytes < 1024 || maxLineBytes > HARD_MAX) {
      throw new IllegalArgumentException(
          "max line bytes must be between 1024 and " + HARD_MAX + ", got " + maxLineBytes);
    }
    if (maxRecordChars < 1 || maxRecordChars > HARD_MAX) {
      throw new IllegalArgumentException(
          "max record chars must be between 1 and " + HARD_MAX + ", got " + maxRecordChars);
    }
  }
}
