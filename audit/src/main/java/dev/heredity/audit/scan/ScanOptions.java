package dev.heredity.audit.scan;

import dev.heredity.audit.policy.FailOn;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What one scan reads and how. Null means "not given": the policy file (else {@code
 * heredity-policy.yaml} beside the manifest, else defaults), the baseline, and CLI overrides of the
 * policy's alpha and failOn.
 *
 * @param manifest a manifest file, or a folder holding {@code heredity.yaml}/{@code heredity.json}
 * @param transfer where the transfer evidence comes from
 * @param transferModels models per arm when the transfer test runs here
 * @param transferResult the previous {@code transfer-test --format json} output, for {@link
 *     TransferSource#FILE}
 * @param permutations label permutations for the detectors' p-values
 * @param seed seeds the detectors (and the transfer test when run)
 * @param maxRecords read at most this many records per dataset file, 0 = all
 * @param sample {@code --sample}: the tests' sample size for every dataset (0 = every record), over
 *     the manifest's and the policy's {@code sample}; null = not given ({@link SampleSize})
 * @param today the date suppression expiry is judged against
 * @param displayRoot paths in reports are shown relative to this folder when they lie inside it
 * @param profiles a cluster run's profile folder: the detectors use its samples and corpus-wide
 *     tables instead of the data files; null = read the data files
 * @param checkWeights test declared relations against local weights ({@link WeightsCheck})
 */
public record ScanOptions(
    Path manifest,
    Path policy,
    Path baseline,
    TransferSource transfer,
    Path transferResult,
    int transferModels,
    Double alpha,
    int permutations,
    long seed,
    int maxRecords,
    FailOn failOn,
    boolean allowOutside,
    LocalDate today,
    Path displayRoot,
    boolean checkWeights,
    Path profiles,
    Integer sample) {

  /** Where the report's transfer-test evidence comes from. */
  public enum TransferSource {
    /** Cite the measured reference figures shipped with Heredity (not run here). */
    REFERENCE,
    /** Run the transfer test now with its default configuration. */
    RUN,
    /** Read a previous result file. */
    FILE
  }

  public static final int DEFAULT_PERMUTATIONS = 999;
  public static final long DEFAULT_SEED = 1L;
  public static final int DEFAULT_TRANSFER_MODELS = 2;

  public ScanOptions {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(transfer, "transfer");
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(displayRoot, "displayRoot");
    if (sample != null && sample < 0) {
      throw new IllegalArgumentException("sample must be 0 (every record) or positive: " + sample);
    }
    if (transfer == TransferSource.FILE && transferResult == null) {
      throw new IllegalArgumentException(
          "a transfer result file is needed for TransferSource.FILE");
    }
  }

  /**
   * Defaults for {@code manifest}: reference transfer figures, 999 permutations, seed 1, today's
   * UTC date.
   */
  public static ScanOptions defaults(Path manifest) {
    return new ScanOptions(
        manifest,
        null,
        null,
        TransferSource.REFERENCE,
        null,
        DEFAULT_TRANSFER_MODELS,
        null,
        DEFAULT_PERMUTATIONS,
        DEFAULT_SEED,
        0,
        null,
        false,
        LocalDate.now(java.time.ZoneOffset.UTC),
        Path.of(""),
        true,
        null,
        null);
  }

  public ScanOptions withPolicy(Path value) {
    return with(b -> b.policy = value);
  }

  public ScanOptions withBaseline(Path value) {
    return with(b -> b.baseline = value);
  }

  public ScanOptions withTransferModels(int value) {
    return with(b -> b.transferModels = value);
  }

  public ScanOptions withTransfer(TransferSource source, Path result) {
    return with(
        b -> {
          b.transfer = source;
          b.transferResult = result;
        });
  }

  public ScanOptions withDetectorSettings(
      Double newAlpha, int newPermutations, long newSeed, int newMaxRecords) {
    return with(
        b -> {
          b.alpha = newAlpha;
          b.permutations = newPermutations;
          b.seed = newSeed;
          b.maxRecords = newMaxRecords;
        });
  }

  public ScanOptions withCheckWeights(boolean value) {
    return with(b -> b.checkWeights = value);
  }

  public ScanOptions withFailOn(FailOn value) {
    return with(b -> b.failOn = value);
  }

  public ScanOptions withAllowOutside(boolean value) {
    return with(b -> b.allowOutside = value);
  }

  public ScanOptions withToday(LocalDate value) {
    return with(b -> b.today = value);
  }

  public ScanOptions withDisplayRoot(Path value) {
    return with(b -> b.displayRoot = value);
  }

  public ScanOptions withProfiles(Path value) {
    return with(b -> b.profiles = value);
  }

  /**
   * @param value {@code --sample}, null = not given
   */
  public ScanOptions withSample(Integer value) {
    return with(b -> b.sample = value);
  }

  /** A copy with some values changed: every wither goes through one place that lists the fields. */
  private ScanOptions with(java.util.function.Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** The fields of a copy being made; used only by {@link #with}. */
  private static final class Copy {
    private final Path manifest;
    private Path policy;
    private Path baseline;
    private TransferSource transfer;
    private Path transferResult;
    private int transferModels;
    private Double alpha;
    private int permutations;
    private long seed;
    private int maxRecords;
    private FailOn failOn;
    private boolean allowOutside;
    private LocalDate today;
    private Path displayRoot;
    private boolean checkWeights;
    private Path profiles;
    private Integer sample;

    Copy(ScanOptions o) {
      manifest = o.manifest;
      policy = o.policy;
      baseline = o.baseline;
      transfer = o.transfer;
      transferResult = o.transferResult;
      transferModels = o.transferModels;
      alpha = o.alpha;
      permutations = o.permutations;
      seed = o.seed;
      maxRecords = o.maxRecords;
      failOn = o.failOn;
      allowOutside = o.allowOutside;
      today = o.today;
      displayRoot = o.displayRoot;
      checkWeights = o.checkWeights;
      profiles = o.profiles;
      sample = o.sample;
    }

    ScanOptions build() {
      return new ScanOptions(
          manifest,
          policy,
          baseline,
          transfer,
          transferResult,
          transferModels,
          alpha,
          permutations,
          seed,
          maxRecords,
          failOn,
          allowOutside,
          today,
          displayRoot,
          checkWeights,
          profiles,
          sample);
    }
  }
}
