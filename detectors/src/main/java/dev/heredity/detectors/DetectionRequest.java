package dev.heredity.detectors;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Detection#run} should compare. Build with {@link #defaults} and the {@code withXxx}
 * copies.
 *
 * @param suspect dataset that may carry a hidden trait
 * @param reference control set from the untraited model on the same prompts; {@code null} runs only
 *     the format profile and the leak scan
 * @param format input layout, {@code null} = detect from the first record
 * @param field JSON pointer (JSONL) or column name (CSV) of the generated text, {@code null} =
 *     default
 * @param modality picks the tokeniser and modality-specific features; {@code null} = detect from
 *     the records
 * @param traits words to search for in the leak scan; {@code "owl=owlet,strix"} adds synonyms
 * @param permutations label permutations for the permutation p-values (at least 19)
 * @param alpha level of the combined verdict
 * @param seed seeds every random choice: same input and seed give the same report
 * @param maxRecords read at most this many records from each file, 0 = all
 * @param skipBad skip and count malformed records instead of failing
 * @param input per-side fields and splits, the tests' sample size and the record caps
 */
public record DetectionRequest(
    Path suspect,
    Path reference,
    InputFormat format,
    String field,
    Modality modality,
    List<String> traits,
    int permutations,
    double alpha,
    long seed,
    int maxRecords,
    boolean skipBad,
    InputOptions input) {

  public static final int DEFAULT_PERMUTATIONS = 999;
  public static final double DEFAULT_ALPHA = 0.01;
  public static final long DEFAULT_SEED = 1L;

  public DetectionRequest {
    Objects.requireNonNull(suspect, "suspect");
    traits = traits == null ? List.of() : List.copyOf(traits);
    input = input == null ? InputOptions.DEFAULTS : input;
    if (permutations < 19) {
      throw new IllegalArgumentException("permutations must be at least 19, got " + permutations);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be between 0 and 1, got " + alpha);
    }
    if (maxRecords < 0) {
      throw new IllegalArgumentException(
          "max records must be 0 (all) or positive, got " + maxRecords);
    }
  }

  public static DetectionRequest defaults(Path suspect, Path reference) {
    return new DetectionRequest(
        suspect,
        reference,
        null,
        null,
        null,
        List.of(),
        DEFAULT_PERMUTATIONS,
        DEFAULT_ALPHA,
        DEFAULT_SEED,
        0,
        false,
        InputOptions.DEFAULTS);
  }

  public DetectionRequest withSuspect(Path value) {
    return with(c -> c.suspect = value);
  }

  public DetectionRequest withReference(Path value) {
    return with(c -> c.reference = value);
  }

  public DetectionRequest withFormat(InputFormat value) {
    return with(c -> c.format = value);
  }

  public DetectionRequest withField(String value) {
    return with(c -> c.field = value);
  }

  public DetectionRequest withModality(Modality value) {
    return with(c -> c.modality = value);
  }

  public DetectionRequest withTraits(List<String> value) {
    return with(c -> c.traits = value);
  }

  public DetectionRequest withPermutations(int value) {
    return with(c -> c.permutations = value);
  }

  public DetectionRequest withAlpha(double value) {
    return with(c -> c.alpha = value);
  }

  public DetectionRequest withSeed(long value) {
    return with(c -> c.seed = value);
  }

  public DetectionRequest withMaxRecords(int value) {
    return with(c -> c.maxRecords = value);
  }

  public DetectionRequest withSkipBad(boolean value) {
    return with(c -> c.skipBad = value);
  }

  public DetectionRequest withInput(InputOptions value) {
    return with(c -> c.input = value);
  }

  /** The suspect side: its own field, else the shared {@code field}. */
  public DatasetInput suspectInput() {
    return new DatasetInput(
        suspect,
        input.suspectSplit(),
        input.suspectField() != null ? input.suspectField() : field,
        input.suspectPromptField());
  }

  /** The reference side, or null without a reference. */
  public DatasetInput referenceInput() {
    return reference == null
        ? null
        : new DatasetInput(
            reference,
            input.referenceSplit(),
            input.referenceField() != null ? input.referenceField() : field,
            input.referencePromptField());
  }

  /** A copy with some values changed: every wither goes through one place that lists the fields. */
  private DetectionRequest with(java.util.function.Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** The fields of a copy being made; used only by {@link #with}. */
  private static final class Copy {
    private Path suspect;
    private Path reference;
    private InputFormat format;
    private String field;
    private Modality modality;
    private List<String> traits;
    private int permutations;
    private double alpha;
    private long seed;
    private int maxRecords;
    private boolean skipBad;
    private InputOptions input;

    Copy(DetectionRequest r) {
      suspect = r.suspect;
      reference = r.reference;
      format = r.format;
      field = r.field;
      modality = r.modality;
      traits = r.traits;
      permutations = r.permutations;
      alpha = r.alpha;
      seed = r.seed;
      maxRecords = r.maxRecords;
      skipBad = r.skipBad;
      input = r.input;
    }

    DetectionRequest build() {
      return new DetectionRequest(
          suspect,
          reference,
          format,
          field,
          modality,
          traits,
          permutations,
          alpha,
          seed,
          maxRecords,
          skipBad,
          input);
    }
  }
}
