package dev.heredity.detectors;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * Format of one set. {@code conforming} is the fraction of records that pass the paper's number
 * filter (1-10 integers in 0..999, one consistent separator, optional brackets and trailing
 * period); {@code null} for other modalities. {@code classes} maps each format feature (separator,
 * brackets, ending, lines...) to the fraction of records in each of its classes (keys sorted).
 */
@JsonPropertyOrder({"records", "conforming", "classes"})
public record FormatProfile(
    int records, Double conforming, Map<String, Map<String, Double>> classes) {

  /** {@code count / records} rounded to 6 decimals, as every profile shows shares. */
  public static double share(double count, long records) {
    return Math.round(count / records * 1e6) / 1e6;
  }
}
