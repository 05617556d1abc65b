package dev.heredity.spark;

import dev.heredity.detectors.InputFormat;
import dev.heredity.detectors.Modality;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * How to profile one dataset.
 *
 * @param format record layout, {@code null} = detect from the first record
 * @param field JSON pointer of the generated text, {@code null} = the layout's default
 * @param traits leak-scan terms ({@code owl} or {@code owl=owlet,strix})
 * @param sampleSize records in the uniform sample (0 = none)
 * @param seed sampling seed
 * @param skipBad skip and count malformed records instead of failing
 */
public record ProfileSettings(
    Modality modality,
    InputFormat format,
    String field,
    List<String> traits,
    int sampleSize,
    long seed,
    boolean skipBad)
    implements Serializable {
  public static final int DEFAULT_SAMPLE = 100_000;
  public static final int MAX_SAMPLE = 10_000_000;

  public ProfileSettings {
    Objects.requireNonNull(modality, "modality");
    traits = List.copyOf(traits);
    if (sampleSize < 0 || sampleSize > MAX_SAMPLE) {
      throw new IllegalArgumentException(
          "sampleSize must be in 0.." + MAX_SAMPLE + ", got " + sampleSize);
    }
  }
}
