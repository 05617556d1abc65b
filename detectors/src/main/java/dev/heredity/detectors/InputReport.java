package dev.heredity.detectors;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * How the data was read and which records the tests saw. {@code reading} is {@code all} (every
 * record, for the counts, the format profile and the leak scan) or {@code first-n} ({@code
 * maxRecords} per side); {@code tests} is {@code all} or {@code uniform-sample}: a seeded uniform
 * sample of {@code sampleSize} records per side (a bottom-k sample on {@code SampleKey} over all
 * files in one pass). When the request gave the sides different sizes ({@link
 * InputOptions#referenceSampleSize()}, from a scan's manifest), {@code sampleSize} is the suspect
 * side's; each side's {@code tested} and {@code records} say what happened to it.
 */
@JsonPropertyOrder({"reading", "maxRecords", "tests", "sampleSize", "seed", "suspect", "reference"})
public record InputReport(
    String reading,
    Integer maxRecords,
    String tests,
    int sampleSize,
    long seed,
    Side suspect,
    Side reference) {

  public static final String ALL = "all";
  public static final String FIRST_N = "first-n";
  public static final String UNIFORM_SAMPLE = "uniform-sample";

  /**
   * One side: its layout, records read, records the tests used, malformed records skipped, oversize
   * records skipped, and the records read from each file.
   */
  @JsonPropertyOrder({"layout", "records", "tested", "skipped", "oversize", "files"})
  public record Side(
      String layout,
      long records,
      long tested,
      long skipped,
      long oversize,
      List<FileRecords> files) {
    public Side {
      files = List.copyOf(files);
    }
  }

  @JsonPropertyOrder({"path", "records"})
  public record FileRecords(String path, long records) {}
}
