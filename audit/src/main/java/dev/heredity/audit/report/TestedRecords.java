package dev.heredity.audit.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which records the distribution tests of one detection ran on: every record read, or a seeded
 * uniform sample of each side; and whether the reading stopped at the first {@code maxRecords}
 * ({@code --max-records}). Record counts, the format profile and the leak scan always cover every
 * record read.
 *
 * @param reading every record, or only the first {@code maxRecords} of each side
 * @param maxRecords the first-N cap, null when every record was read
 * @param tests every record read, or a uniform sample of them
 * @param seed the seed of the sample, null when no side was sampled
 */
public record TestedRecords(
    Reading reading, Integer maxRecords, Tests tests, Long seed, Side suspect, Side reference) {

  public TestedRecords {
    Objects.requireNonNull(reading, "reading");
    Objects.requireNonNull(tests, "tests");
    Objects.requireNonNull(suspect, "suspect");
    Objects.requireNonNull(reference, "reference");
    if ((reading == Reading.FIRST_N) != (maxRecords != null)) {
      throw new IllegalArgumentException("maxRecords is given exactly when reading is first-n");
    }
  }

  /**
   * One side.
   *
   * @param tested records the tests ran on
   * @param records records read
   * @param sample the side's sample size, 0 = every record
   * @param from where the sample size came from
   */
  public record Side(long tested, long records, int sample, SampleFrom from) {
    public Side {
      Objects.requireNonNull(from, "from");
    }
  }

  /** How much of each side was read. */
  public enum Reading {
    ALL("all"),
    FIRST_N("first-n");

    private final String label;

    Reading(String label) {
      this.label = label;
    }

    @JsonValue
    public String label() {
      return label;
    }

    @JsonCreator
    public static Reading of(String label) {
      return TestedRecords.of(values(), label, Reading::label);
    }
  }

  /** Which of the records read the tests ran on. */
  public enum Tests {
    ALL("all"),
    UNIFORM_SAMPLE("uniform-sample");

    private final String label;

    Tests(String label) {
      this.label = label;
    }

    @JsonValue
    public String label() {
      return label;
    }

    @JsonCreator
    public static Tests of(String label) {
      return TestedRecords.of(values(), label, Tests::label);
    }
  }

  /** Where a side's sample size came from, in precedence order (the first given wins). */
  public enum SampleFrom {
    /** {@code heredity scan --sample N}. */
    FLAG("flag", "--sample"),
    /** The dataset's {@code sample} in the manifest. */
    MANIFEST("manifest", "the manifest's sample"),
    /** The policy file's {@code sample}. */
    POLICY("policy", "the policy's sample"),
    /** Heredity's default. */
    DEFAULT("default", "the default"),
    /** The sample a cluster run drew ({@code --profiles}). */
    CLUSTER_RUN("cluster-run", "the cluster run");

    private final String label;
    private final String shown;

    SampleFrom(String label, String shown) {
      this.label = label;
      this.shown = shown;
    }

    @JsonValue
    public String label() {
      return label;
    }

    /** How a sentence names it ("from --sample"). */
    public String shown() {
      return shown;
    }

    @JsonCreator
    public static SampleFrom of(String label) {
      return TestedRecords.of(values(), label, SampleFrom::label);
    }
  }

  private static <E> E of(E[] values, String label, Function<E, String> name) {
    for (E v : values) {
      if (name.apply(v).equals(label)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown value '" + label + "'");
  }

  /** One sentence for reports: every record, a uniform sample (N of M, seed), or the first N. */
  public String sentence() {
    StringBuilder s = new StringBuilder();
    if (reading == Reading.FIRST_N) {
      s.append("Only the first ")
          .append(maxRecords)
          .append(" records of each set were read (--max-records), not a random sample: a sorted")
          .append(" file gives a biased comparison. ");
    }
    if (tests == Tests.ALL) {
      return s.append("The distribution tests ran on every record read: ")
          .append(suspect.records())
          .append(" suspect and ")
          .append(reference.records())
          .append(" control records.")
          .toString();
    }
    s.append("The distribution tests ran on a seeded uniform sample (seed ")
        .append(seed)
        .append(") of ")
        .append(suspect.tested())
        .append(" of ")
        .append(suspect.records())
        .append(" suspect and ")
        .append(reference.tested())
        .append(" of ")
        .append(reference.records())
        .append(" control records (")
        .append(sizes())
        .append("); record counts, the format profile and the leak scan cover every record read.");
    return s.toString();
  }

  /**
   * A short form for the terminal: "every record", "first 500 records", "uniform sample 100/600 vs
   * 100/600, seed 1".
   */
  public String brief() {
    String first = reading == Reading.FIRST_N ? "first " + maxRecords + " records" : "";
    if (tests == Tests.ALL) {
      return first.isEmpty() ? "every record" : first;
    }
    return String.format(
        Locale.ROOT,
        "%suniform sample %d/%d vs %d/%d, seed %d",
        first.isEmpty() ? "" : first + ", ",
        suspect.tested(),
        suspect.records(),
        reference.tested(),
        reference.records(),
        seed);
  }

  private String sizes() {
    if (suspect.sample() == reference.sample() && suspect.from() == reference.from()) {
      return "sample size " + size(suspect.sample()) + ", from " + suspect.from().shown();
    }
    return "sample sizes "
        + size(suspect.sample())
        + " from "
        + suspect.from().shown()
        + " and "
        + size(reference.sample())
        + " from "
        + reference.from().shown();
  }

  private static String size(int sample) {
    return sample == 0 ? "0 (every record)" : String.valueOf(sample);
  }
}
