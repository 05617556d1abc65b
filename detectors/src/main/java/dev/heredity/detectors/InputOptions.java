package dev.heredity.detectors;

import dev.heredity.detectors.input.InputLimits;

/**
 * Per-side reading options of a {@link DetectionRequest} beyond the paths: fields, splits, the
 * sample size of the tests and the record caps.
 *
 * @param suspectField text field of the suspect records (null = the request's {@code field}, then
 *     the layout's)
 * @param referenceField the same for the reference records
 * @param suspectPromptField prompt field of the suspect records, null = the layout's
 * @param referencePromptField the same for the reference records
 * @param suspectSplit split of a suspect folder, null = its only split
 * @param referenceSplit the same for the reference folder
 * @param sampleSize the tests run on a seeded uniform sample of this many suspect records when the
 *     suspect side has more (0 = every record: memory then grows with the data)
 * @param referenceSampleSize the same for the reference side
 * @param limits record caps
 */
public record InputOptions(
    String suspectField,
    String referenceField,
    String suspectPromptField,
    String referencePromptField,
    String suspectSplit,
    String referenceSplit,
    int sampleSize,
    int referenceSampleSize,
    InputLimits limits) {

  /** Default sample size of the tests: memory and time of the permutation suite stay bounded. */
  public static final int DEFAULT_SAMPLE = 100_000;

  public static final InputOptions DEFAULTS =
      new InputOptions(
          null, null, null, null, null, null, DEFAULT_SAMPLE, DEFAULT_SAMPLE, InputLimits.DEFAULTS);

  public InputOptions {
    if (sampleSize < 0 || referenceSampleSize < 0) {
      throw new IllegalArgumentException(
          "sample size must be 0 (every record) or positive, got "
              + Math.min(sampleSize, referenceSampleSize));
    }
    limits = limits == null ? InputLimits.DEFAULTS : limits;
  }

  public InputOptions withFields(String suspect, String reference) {
    return new InputOptions(
        suspect,
        reference,
        suspectPromptField,
        referencePromptField,
        suspectSplit,
        referenceSplit,
        sampleSize,
        referenceSampleSize,
        limits);
  }

  public InputOptions withPromptFields(String suspect, String reference) {
    return new InputOptions(
        suspectField,
        referenceField,
        suspect,
        reference,
        suspectSplit,
        referenceSplit,
        sampleSize,
        referenceSampleSize,
        limits);
  }

  public InputOptions withSplits(String suspect, String reference) {
    return new InputOptions(
        suspectField,
        referenceField,
        suspectPromptField,
        referencePromptField,
        suspect,
        reference,
        sampleSize,
        referenceSampleSize,
        limits);
  }

  /** The same sample size on both sides. */
  public InputOptions withSampleSize(int value) {
    return withSampleSizes(value, value);
  }

  public InputOptions withSampleSizes(int suspect, int reference) {
    return new InputOptions(
        suspectField,
        referenceField,
        suspectPromptField,
        referencePromptField,
        suspectSplit,
        referenceSplit,
        suspect,
        reference,
        limits);
  }

  /** The sample size of side 0 (suspect) or 1 (reference). */
  public int sampleSize(int side) {
    return side == 0 ? sampleSize : referenceSampleSize;
  }

  public InputOptions withLimits(InputLimits value) {
    return new InputOptions(
        suspectField,
        referenceField,
        suspectPromptField,
        referencePromptField,
        suspectSplit,
        referenceSplit,
        sampleSize,
        referenceSampleSize,
        value);
  }
}
