package dev.heredity.detectors;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The modality the tests used and where it came from: {@code declared} by the caller or {@code
 * detected} from the records, with the share of number tokens and of code-like lines in the sampled
 * records.
 */
@JsonPropertyOrder({"modality", "source", "numericShare", "codeShare", "sampled"})
public record ModalityChoice(
    String modality, String source, double numericShare, double codeShare, int sampled) {
  public static final String DECLARED = "declared";
  public static final String DETECTED = "detected";
}
