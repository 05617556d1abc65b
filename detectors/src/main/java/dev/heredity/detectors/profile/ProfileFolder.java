package dev.heredity.detectors.profile;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.heredity.detectors.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A profile folder: {@code run.json} (which datasets, by which engine, when) and per dataset {@code
 * <name>.profile.json} and {@code <name>.sample.jsonl}. Written by the cluster job, read by the
 * scan.
 */
public final class ProfileFolder {
  /** The version of {@code run.json}. */
  public static final String RUN_SCHEMA = "heredity-profile-run/1";

  static final String RUN_FILE = "run.json";
  private static final long MAX_JSON_BYTES = 64L << 20;
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  /** {@code run.json}: one entry per dataset, id -> the file stem of its profile and sample. */
  @JsonPropertyOrder({"schema", "engine", "createdAt", "seed", "sampleSize", "datasets"})
  public record Run(
      String schema,
      String engine,
      String createdAt,
      long seed,
      int sampleSize,
      Map<String, String> datasets) {
    public Run {
      datasets =
          datasets == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
    }
  }

  private final Path folder;
  private final Run run;

  private ProfileFolder(Path folder, Run run) {
    this.folder = folder;
    this.run = run;
  }

  /**
   * @throws InvalidInputException naming the file and position when the folder is not a profile
   *     folder
   */
  public static ProfileFolder open(Path folder) {
    Path runFile = folder.resolve(RUN_FILE);
    if (!Files.isDirectory(folder)) {
      throw new InvalidInputException(
          folder + ": not a folder (expected a profile folder with " + RUN_FILE + ")");
    }
    Run run = read(runFile, Run.class);
    if (!RUN_SCHEMA.equals(run.schema())) {
      throw new InvalidInputException(
          runFile + ": unsupported schema '" + run.schema() + "' (expected " + RUN_SCHEMA + ")");
    }
    return new ProfileFolder(folder, run);
  }

  public Run run() {
    return run;
  }

  public boolean has(String dataset) {
    return run.datasets().containsKey(dataset);
  }

  /** The dataset's profile, checked against its schema and id. */
  public CorpusProfile profile(String dataset) {
    Path file = folder.resolve(stem(dataset) + ".profile.json");
    CorpusProfile profile = read(file, CorpusProfile.class);
    if (!CorpusProfile.SCHEMA.equals(profile.schema())) {
      throw new InvalidInputException(
          file
              + ": unsupported schema '"
              + profile.schema()
              + "' (expected "
              + CorpusProfile.SCHEMA
              + ")");
    }
    if (!dataset.equals(profile.dataset())) {
      throw new InvalidInputException(
          file + ": profile of '" + profile.dataset() + "', expected '" + dataset + "'");
    }
    return profile;
  }

  /** The dataset's sample file (JSONL of raw records); it must exist inside the folder. */
  public Path sample(String dataset) {
    CorpusProfile profile = profile(dataset);
    Path file = folder.resolve(profile.sample().file()).normalize();
    if (!file.startsWith(folder.normalize()) || !Files.isRegularFile(file)) {
      throw new InvalidInputException(
          folder.resolve(stem(dataset) + ".profile.json")
              + ": sample file '"
              + profile.sample().file()
              + "' is not a file inside the profile folder");
    }
    return file;
  }

  private String stem(String dataset) {
    String stem = run.datasets().get(dataset);
    if (stem == null) {
      throw new InvalidInputException(
          folder.resolve(RUN_FILE) + ": no profile for dataset '" + dataset + "'");
    }
    if (!stem.matches("[A-Za-z0-9._-]+") || stem.startsWith(".")) {
      throw new InvalidInputException(
          folder.resolve(RUN_FILE) + ": invalid file stem '" + stem + "'");
    }
    return stem;
  }

  /**
   * A file name for a dataset id: unsafe characters replaced, plus a hash so distinct ids never
   * collide.
   */
  public static String stemOf(String dataset) {
    String safe = dataset.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.startsWith(".")) {
      safe = "_" + safe.substring(1);
    }
    return safe + "-" + String.format("%08x", dataset.hashCode());
  }

  /** Writes {@code run.json} and one profile per dataset (samples are written by the caller). */
  public static void write(Path folder, Run run, List<CorpusProfile> profiles) {
    try {
      Files.createDirectories(folder);
      for (CorpusProfile profile : profiles) {
        Objects.requireNonNull(run.datasets().get(profile.dataset()), profile.dataset());
        writeAtomically(
            folder.resolve(run.datasets().get(profile.dataset()) + ".profile.json"),
            JSON.writeValueAsBytes(profile));
      }
      writeAtomically(folder.resolve(RUN_FILE), JSON.writeValueAsBytes(run));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      Files.write(temp, bytes);
      Files.move(
          temp,
          target,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static <T> T read(Path file, Class<T> type) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new InvalidInputException(file + ": no such file");
      }
      if (Files.size(file) > MAX_JSON_BYTES) {
        throw new InvalidInputException(file + ": larger than " + (MAX_JSON_BYTES >> 20) + " MB");
      }
      return JSON.readValue(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), type);
    } catch (JsonProcessingException e) {
      String at =
          e.getLocation() == null
              ? ""
              : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
      throw new InvalidInputException(
          file
              + at
              + ": "
              + e.getOriginalMessage()
                  .replaceAll("\\(class [^)]*\\)", "")
                  .replaceAll("`[a-z.]+\\.([A-Za-z$]+)`", "$1")
                  .split("\n")[0]);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": " + e.getMessage());
    }
  }
}
