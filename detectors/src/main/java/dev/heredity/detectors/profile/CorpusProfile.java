package dev.heredity.detectors.profile;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * Corpus-wide statistics of one dataset from a full pass over every record (on a cluster or
 * locally), the compact result that {@code heredity scan --profiles} consumes instead of the data
 * files: counts, the format tally, the token tables behind the frequency and position tests, the
 * leak scan, and a seeded uniform sample that the permutation tests run on.
 *
 * @param schema {@link #SCHEMA}; readers refuse any other value
 * @param dataset the manifest id of the dataset
 * @param engine what computed it, e.g. {@code spark 4.0.1 local[2]}
 * @param createdAt UTC time of the run (ISO-8601), from {@code SOURCE_DATE_EPOCH} when set
 * @param modality {@code numbers}, {@code code}, ... as used for tokenising
 * @param files number of data files read
 * @param records records accepted
 * @param skipped malformed records skipped (0 unless skipping was asked for)
 * @param bytes UTF-8 bytes of the accepted raw records
 * @param blocklistTokenRecords records whose tokens include one of the blocklist numbers (the
 *     reference rate of the leak scan is computed from this)
 */
@JsonPropertyOrder({
  "schema",
  "dataset",
  "engine",
  "createdAt",
  "modality",
  "files",
  "records",
  "skipped",
  "bytes",
  "format",
  "tokens",
  "leaks",
  "blocklistTokenRecords",
  "sample"
})
public record CorpusProfile(
    String schema,
    String dataset,
    String engine,
    String createdAt,
    String modality,
    long files,
    long records,
    long skipped,
    long bytes,
    FormatCounts format,
    TokenTables tokens,
    CorpusLeaks leaks,
    long blocklistTokenRecords,
    SampleInfo sample) {

  /** The version of this layout; a reader refuses any other. */
  public static final String SCHEMA = "heredity-corpus-profile/1";

  public CorpusProfile {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(leaks, "leaks");
    Objects.requireNonNull(sample, "sample");
  }
}
