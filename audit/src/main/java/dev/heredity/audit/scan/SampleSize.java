package dev.heredity.audit.scan;

import dev.heredity.audit.report.TestedRecords.SampleFrom;
import dev.heredity.detectors.InputOptions;
import java.util.Objects;

/**
 * How many records of one dataset the distribution tests run on (0 = every record) and where that
 * came from. The most specific setting for this run wins: {@code --sample} (asked for this run),
 * then the dataset's {@code sample} in the manifest (asked for this dataset), then the policy's
 * {@code sample} (the organisation's default for every dataset), then {@link
 * InputOptions#DEFAULT_SAMPLE}.
 */
record SampleSize(int size, SampleFrom from) {
  SampleSize {
    Objects.requireNonNull(from, "from");
    if (size < 0) {
      throw new IllegalArgumentException("sample size must be 0 or more: " + size);
    }
  }

  /**
   * @param flag {@code --sample}, null when not given
   * @param manifest the dataset's {@code sample}, null when not given
   * @param policy the policy's {@code sample}, null when not given
   */
  static SampleSize of(Integer flag, Integer manifest, Integer policy) {
    if (flag != null) {
      return new SampleSize(flag, SampleFrom.FLAG);
    }
    if (manifest != null) {
      return new SampleSize(manifest, SampleFrom.MANIFEST);
    }
    if (policy != null) {
      return new SampleSize(policy, SampleFrom.POLICY);
    }
    return new SampleSize(InputOptions.DEFAULT_SAMPLE, SampleFrom.DEFAULT);
  }
}
