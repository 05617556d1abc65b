package dev.heredity.spark;

import dev.heredity.detectors.InputFormat;
import dev.heredity.detectors.InvalidInputException;
import dev.heredity.detectors.Modality;
import dev.heredity.detectors.leak.TraitWords;
import dev.heredity.detectors.profile.CorpusProfile;
import dev.heredity.detectors.profile.ProfileFolder;
import dev.heredity.lineage.InvalidManifestException;
import dev.heredity.lineage.Lineage;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.LineageOptions;
import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.Trait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * {@code spark-submit --class dev.heredity.spark.ProfileJob heredity-spark.jar --manifest m.yaml
 * --out DIR}: profiles every dataset of the manifest that has a path (or those named with {@code
 * --dataset}) and writes a profile folder for {@code heredity scan --profiles DIR}. Exit codes as
 * the CLI's: 0 done, 2 usage, 3 invalid input, 70 internal error.
 */
public final class ProfileJob {
  private ProfileJob() {}

  /** Parsed command line. */
  record Arguments(
      Path manifest,
      Path out,
      int sample,
      long seed,
      List<String> datasets,
      String master,
      boolean skipBad) {}

  public static void main(String[] args) {
    int code;
    try {
      Arguments arguments = parse(args);
      SparkSession.Builder builder = SparkSession.builder().appName("heredity-profile");
      if (arguments.master() != null) {
        builder.master(arguments.master());
      }
      SparkSession spark = builder.getOrCreate();
      try {
        run(spark, arguments);
      } finally {
        spark.stop();
      }
      code = 0;
    } catch (IllegalArgumentException e) {
      System.err.println("heredity-spark: " + e.getMessage());
      code = 2;
    } catch (InvalidInputException | InvalidManifestException e) {
      System.err.println("heredity-spark: " + e.getMessage());
      code = 3;
    } catch (RuntimeException e) {
      Throwable input = inputCause(e);
      System.err.println(
          "heredity-spark: " + (input != null ? input.getMessage() : "internal error: " + e));
      code = input != null ? 3 : 70;
    }
    System.exit(code);
  }

  /** Spark wraps executor exceptions; the input error inside is what the user needs. */
  static Throwable inputCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException) {
        return t;
      }
    }
    return null;
  }

  static Arguments parse(String[] args) {
    Path manifest = null;
    Path out = null;
    int sample = ProfileSettings.DEFAULT_SAMPLE;
    long seed = 1;
    List<String> datasets = new ArrayList<>();
    String master = null;
    boolean skipBad = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--skip-bad")) {
        skipBad = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + option);
      }
      String value = args[++i];
      switch (option) {
        case "--manifest" -> manifest = Path.of(value);
        case "--out" -> out = Path.of(value);
        case "--sample" -> sample = (int) number(option, value, 0, ProfileSettings.MAX_SAMPLE);
        case "--seed" -> seed = number(option, value, Long.MIN_VALUE, Long.MAX_VALUE);
        case "--dataset" -> datasets.add(value);
        case "--master" -> master = value;
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + option
                    + " (expected --manifest,"
                    + " --out, --sample, --seed, --dataset, --master, --skip-bad)");
      }
    }
    if (manifest == null || out == null) {
      throw new IllegalArgumentException(
          "usage: ProfileJob --manifest FILE --out DIR [--sample N] [--seed S]"
              + " [--dataset ID]... [--master URL] [--skip-bad]");
    }
    return new Arguments(manifest, out, sample, seed, List.copyOf(datasets), master, skipBad);
  }

  private static long number(String option, String value, long min, long max) {
    try {
      long n = Long.parseLong(value.trim());
      if (n < min || n > max) {
        throw new IllegalArgumentException(
            option + " must be in " + min + ".." + max + ", got " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a whole number, got '" + value + "'");
    }
  }

  /** Profiles the datasets and writes the folder; returns the profiles written. */
  public static List<CorpusProfile> run(SparkSession spark, Arguments arguments) {
    LineageAnalysis analysis = Lineage.analyze(arguments.manifest(), LineageOptions.defaults());
    List<DatasetSpec> selected = select(analysis, arguments.datasets());
    String createdAt = createdAt();
    Map<String, String> stems = new LinkedHashMap<>();
    List<CorpusProfile> profiles = new ArrayList<>();
    try {
      Files.createDirectories(arguments.out());
      for (DatasetSpec dataset : selected) {
        String stem = ProfileFolder.stemOf(dataset.id());
        String sampleFile = stem + ".sample.jsonl";
        CorpusProfiler.Result result =
            CorpusProfiler.profile(
                spark,
                dataset.id(),
                location(dataset),
                settings(analysis, dataset, arguments),
                createdAt,
                sampleFile);
        writeLines(arguments.out().resolve(sampleFile), result.sample());
        stems.put(dataset.id(), stem);
        profiles.add(result.profile());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(arguments.out() + ": " + e.getMessage(), e);
    }
    String engine = profiles.isEmpty() ? "spark " + spark.version() : profiles.get(0).engine();
    ProfileFolder.write(
        arguments.out(),
        new ProfileFolder.Run(
            ProfileFolder.RUN_SCHEMA,
            engine,
            createdAt,
            arguments.seed(),
            arguments.sample(),
            stems),
        profiles);
    return profiles;
  }

  private static List<DatasetSpec> select(LineageAnalysis analysis, List<String> wanted) {
    List<DatasetSpec> all = analysis.manifest().datasets();
    if (wanted.isEmpty()) {
      return all.stream().filter(d -> d.path() != null || d.uri() != null).toList();
    }
    List<DatasetSpec> out = new ArrayList<>();
    for (String id : wanted) {
      out.add(
          all.stream()
              .filter(d -> d.id().equals(id))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--dataset " + id + ": no such dataset in the manifest")));
    }
    return out;
  }

  /**
   * A local path is resolved against the manifest's folder; a URI (s3a://, hdfs://) is used as is.
   */
  private static String location(DatasetSpec dataset) {
    if (dataset.resolvedPath() != null) {
      return dataset.resolvedPath().toUri().toString();
    }
    if (dataset.uri() != null) {
      return dataset.uri();
    }
    throw new InvalidInputException(dataset.id() + ": no path or uri to read");
  }

  private static ProfileSettings settings(
      LineageAnalysis analysis, DatasetSpec dataset, Arguments arguments) {
    Modality modality =
        dataset.modality() == null ? Modality.NUMBERS : Modality.parse(dataset.modality());
    InputFormat format = dataset.format() == null ? null : InputFormat.parse(dataset.format());
    List<String> traitNames =
        dataset.generatedBy() == null
            ? List.of()
            : analysis.graph().traitsOf(dataset.generatedBy()).stream().map(Trait::name).toList();
    return new ProfileSettings(
        modality,
        format,
        null,
        TraitWords.of(traitNames),
        arguments.sample(),
        arguments.seed(),
        arguments.skipBad());
  }

  /** Now in UTC to the second, or {@code SOURCE_DATE_EPOCH} when set (reproducible runs). */
  static String createdAt() {
    String epoch = System.getenv("SOURCE_DATE_EPOCH");
    Instant when =
        epoch != null && epoch.matches("\\d{1,12}")
            ? Instant.ofEpochSecond(Long.parseLong(epoch))
            : Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return DateTimeFormatter.ISO_INSTANT.format(when);
  }

  private static void writeLines(Path file, List<String> lines) throws IOException {
    Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        for (String line : lines) {
          out.write(line);
          out.write('\n');
        }
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
