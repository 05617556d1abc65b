package dev.heredity.audit.policy;

import dev.heredity.lineage.Severity;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CI gate's settings: the severity at which findings fail the build (null: nothing fails, as
 * with {@code --fail-on none}), the detectors' alpha, per-rule severity overrides and suppressions.
 * {@code source} is the policy file as shown in reports and {@code sha256} its digest, both null
 * for the built-in defaults; {@code warnings} are what the file reader accepted but flags
 * (deprecated spellings); {@code sample} is the detectors' default sample size per dataset (0 =
 * every record), null when the policy does not set it.
 */
public record Policy(
    Severity failOn,
    double alpha,
    Map<String, Severity> overrides,
    List<Suppression> suppressions,
    String source,
    String sha256,
    List<String> warnings,
    Integer sample) {

  public static final Severity DEFAULT_FAIL_ON = Severity.HIGH;
  public static final double DEFAULT_ALPHA = 0.01;

  public Policy {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be between 0 and 1 (exclusive), got " + alpha);
    }
    overrides =
        overrides == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(overrides));
    suppressions = suppressions == null ? List.of() : List.copyOf(suppressions);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    if (sample != null && sample < 0) {
      throw new IllegalArgumentException("sample must be 0 (every record) or positive: " + sample);
    }
  }

  /** A policy without a sample size. */
  public Policy(
      Severity failOn,
      double alpha,
      Map<String, Severity> overrides,
      List<Suppression> suppressions,
      String source,
      String sha256,
      List<String> warnings) {
    this(failOn, alpha, overrides, suppressions, source, sha256, warnings, null);
  }

  /** A policy read without warnings. */
  public Policy(
      Severity failOn,
      double alpha,
      Map<String, Severity> overrides,
      List<Suppression> suppressions,
      String source,
      String sha256) {
    this(failOn, alpha, overrides, suppressions, source, sha256, List.of());
  }

  public static Policy defaults() {
    return new Policy(DEFAULT_FAIL_ON, DEFAULT_ALPHA, Map.of(), List.of(), null, null);
  }

  /**
   * @param newFailOn the new threshold, null for "nothing fails"
   */
  public Policy withFailOn(Severity newFailOn) {
    return new Policy(newFailOn, alpha, overrides, suppressions, source, sha256, warnings, sample);
  }

  public Policy withAlpha(double newAlpha) {
    return new Policy(failOn, newAlpha, overrides, suppressions, source, sha256, warnings, sample);
  }
}
