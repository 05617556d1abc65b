package dev.heredity.detectors;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.TreeMap;

/**
 * A remark about a detection, as data: a stable {@code code} and the numbers or names it concerns.
 * The caller (CLI, scan) words it for its audience.
 */
@JsonPropertyOrder({"code", "values"})
public record Note(String code, Map<String, Object> values) {
  public static final String NO_REFERENCE = "no-reference";
  public static final String NO_CONTENT_TOKENS = "no-content-tokens";
  public static final String NO_PROMPTS = "prompt-test-skipped";
  public static final String CLASSIFIER_SKIPPED = "classifier-skipped";
  public static final String SMALL_SETS = "small-sets";
  public static final String FORMAT_DIFFERS = "format-differs";
  public static final String FEW_PERMUTATIONS = "few-permutations";
  public static final String UNDERPOWERED = "underpowered";
  public static final String NO_CONTENT_TEST = "no-content-test";
  public static final String MODALITY_DETECTED = "modality-detected";
  public static final String NO_SIGNIFICANT_TOKENS = "no-significant-tokens";
  public static final String CLASSIFIER_SUBSAMPLED = "classifier-subsampled";
  public static final String SAMPLED = "sampled";
  public static final String FIRST_RECORDS_ONLY = "first-records-only";
  public static final String OVERSIZE_SKIPPED = "oversize-skipped";
  public static final String CORPUS_PROFILE = "corpus-profile";

  public Note {
    values =
        values == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(values));
  }

  public static Note of(String code, Object... keysAndValues) {
    Map<String, Object> values = new TreeMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      values.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return new Note(code, values);
  }
}
