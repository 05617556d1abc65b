package dev.heredity.audit.scan;

import dev.heredity.audit.report.TestedRecords;
import dev.heredity.detectors.Detection;
import dev.heredity.detectors.DetectionReport;
import dev.heredity.detectors.DetectionRequest;
import dev.heredity.detectors.InputFormat;
import dev.heredity.detectors.InputOptions;
import dev.heredity.detectors.InputReport;
import dev.heredity.detectors.InvalidInputException;
import dev.heredity.detectors.Modality;
import dev.heredity.detectors.ProgressListener;
import dev.heredity.detectors.input.DatasetPaths;
import dev.heredity.detectors.leak.TraitWords;
import dev.heredity.detectors.profile.CorpusProfile;
import dev.heredity.detectors.profile.ProfileFolder;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.Trait;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs the detectors on every dataset that names a control set, and says why when they cannot run
 * (control set not declared, no local path, file absent, not a regular file, unreadable). Judging
 * the results is the rules' job.
 */
final class DetectorStep {
  /**
   * @param profiles a cluster run's profile folder to use instead of the data files, or null
   * @param sample {@code --sample}, null when not given
   * @param policySample the policy's {@code sample}, null when not given
   */
  record Settings(
      double alpha,
      int permutations,
      long seed,
      int maxRecords,
      ProfileFolder profiles,
      Integer sample,
      Integer policySample) {

    /** The sample size of {@code dataset}'s side, by {@link SampleSize}'s precedence. */
    SampleSize sampleOf(DatasetSpec dataset) {
      return SampleSize.of(sample, dataset.sample(), policySample);
    }
  }

  private final LineageAnalysis analysis;
  private final DisplayPaths paths;
  private final Function<String, List<Trait>> traitsOf;

  DetectorStep(LineageAnalysis analysis, DisplayPaths paths) {
    this.analysis = analysis;
    this.paths = paths;
    this.traitsOf = analysis.graph()::traitsOf;
  }

  List<DatasetRun> run(Settings settings, ProgressListener progress) {
    List<DatasetRun> runs = new ArrayList<>();
    Map<String, DatasetSpec> byId =
        analysis.manifest().datasets().stream().collect(Collectors.toMap(DatasetSpec::id, d -> d));
    for (DatasetSpec dataset : analysis.manifest().datasets()) {
      if (dataset.reference() == null) {
        continue;
      }
      DatasetSpec reference = byId.get(dataset.reference());
      if (settings.profiles() != null) {
        runs.add(profiled(dataset, reference, settings, progress));
        continue;
      }
      Optional<String> unusable = unusable(dataset, reference);
      runs.add(
          unusable.isPresent()
              ? DatasetRun.notRun(dataset, reference, unusable.get())
              : fromFiles(dataset, reference, settings, progress));
    }
    return runs;
  }

  private DatasetRun fromFiles(
      DatasetSpec dataset, DatasetSpec reference, Settings settings, ProgressListener progress) {
    SampleSize suspectSample = settings.sampleOf(dataset);
    SampleSize referenceSample = settings.sampleOf(reference);
    DetectionRequest request = request(dataset, reference, settings);
    request =
        request.withInput(
            request.input().withSampleSizes(suspectSample.size(), referenceSample.size()));
    DetectionReport report = Detection.run(request, progress);
    return DatasetRun.ran(
        dataset, reference, report, testedOn(report.input(), suspectSample, referenceSample));
  }

  /** Which records the tests ran on, from what the detectors say they read. */
  static TestedRecords testedOn(
      InputReport input, SampleSize suspectSample, SampleSize referenceSample) {
    Objects.requireNonNull(input, "a detection read from files says how it read them");
    boolean sampled = InputReport.UNIFORM_SAMPLE.equals(input.tests());
    boolean firstN = InputReport.FIRST_N.equals(input.reading());
    InputReport.Side r = input.reference();
    return new TestedRecords(
        firstN ? TestedRecords.Reading.FIRST_N : TestedRecords.Reading.ALL,
        firstN ? input.maxRecords() : null,
        sampled ? TestedRecords.Tests.UNIFORM_SAMPLE : TestedRecords.Tests.ALL,
        sampled ? input.seed() : null,
        side(input.suspect(), suspectSample),
        side(r, referenceSample));
  }

  private static TestedRecords.Side side(InputReport.Side side, SampleSize sample) {
    return new TestedRecords.Side(side.tested(), side.records(), sample.size(), sample.from());
  }

  /**
   * The tests on the cluster run's samples, the evidence from its corpus-wide tables. A dataset the
   * run did not profile is not silently read from disk: the detectors did not run, and the report
   * says why.
   */
  private DatasetRun profiled(
      DatasetSpec dataset, DatasetSpec reference, Settings settings, ProgressListener progress) {
    if (reference == null) {
      return DatasetRun.notRun(
          dataset, null, "The control set '" + dataset.reference() + "' is not declared");
    }
    ProfileFolder folder = settings.profiles();
    for (DatasetSpec d : List.of(dataset, reference)) {
      if (!folder.has(d.id())) {
        return DatasetRun.notRun(
            dataset, reference, d.id() + " has no profile in the cluster run's folder");
      }
    }
    DetectionRequest request =
        request(dataset, reference, settings)
            .withSuspect(folder.sample(dataset.id()))
            .withReference(folder.sample(reference.id()))
            .withInput(
                InputOptions.DEFAULTS
                    .withFields(dataset.field(), reference.field())
                    .withPromptFields(dataset.promptField(), reference.promptField()));
    CorpusProfile suspect = folder.profile(dataset.id());
    CorpusProfile control = folder.profile(reference.id());
    return DatasetRun.ran(
        dataset,
        reference,
        ProfiledDetection.of(Detection.run(request, progress), suspect, control),
        testedOn(suspect, control, folder.run().sampleSize()));
  }

  /** The cluster run's samples: a side whose sample holds all its records was tested whole. */
  private static TestedRecords testedOn(
      CorpusProfile suspect, CorpusProfile reference, int sampleSize) {
    boolean sampled =
        suspect.sample().records() < suspect.records()
            || reference.sample().records() < reference.records();
    return new TestedRecords(
        TestedRecords.Reading.ALL,
        null,
        sampled ? TestedRecords.Tests.UNIFORM_SAMPLE : TestedRecords.Tests.ALL,
        sampled ? suspect.sample().seed() : null,
        clusterSide(suspect, sampleSize),
        clusterSide(reference, sampleSize));
  }

  private static TestedRecords.Side clusterSide(CorpusProfile profile, int sampleSize) {
    return new TestedRecords.Side(
        profile.sample().records(),
        profile.records(),
        sampleSize,
        TestedRecords.SampleFrom.CLUSTER_RUN);
  }

  private Optional<String> unusable(DatasetSpec dataset, DatasetSpec reference) {
    if (reference == null) {
      return Optional.of("The control set '" + dataset.reference() + "' is not declared");
    }
    for (DatasetSpec d : List.of(dataset, reference)) {
      if (d.resolvedPath() == null) {
        return Optional.of(d.id() + " has no local path");
      }
      Optional<String> problem = fileProblem(d.resolvedPath(), d.split());
      if (problem.isPresent()) {
        return Optional.of(
            d.id() + "'s file " + paths.show(d.resolvedPath()) + " " + problem.get());
      }
    }
    return Optional.empty();
  }

  /**
   * What is wrong with a data path, named for what it is: never "missing" for a FIFO. A folder of
   * shards or a glob is data when it holds data files (of the dataset's split).
   */
  static Optional<String> fileProblem(Path file, String split) {
    if (Files.isRegularFile(file)) {
      return Files.isReadable(file) ? Optional.empty() : Optional.of("is not readable");
    }
    if (Files.isDirectory(file) || DatasetPaths.isGlob(file.toString())) {
      try {
        DatasetPaths.resolve(file, split);
        return Optional.empty();
      } catch (InvalidInputException e) {
        String message = e.getMessage();
        int colon = message.indexOf(": ", file.toString().length());
        return Optional.of(
            "cannot be read: " + (colon >= 0 ? message.substring(colon + 2) : message));
      }
    }
    if (Files.exists(file)) {
      return Optional.of("is not a regular file (a FIFO, socket or device)");
    }
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of("is a dangling symbolic link");
    }
    return Optional.of("is missing");
  }

  private DetectionRequest request(DatasetSpec dataset, DatasetSpec reference, Settings s) {
    DetectionRequest request =
        DetectionRequest.defaults(dataset.resolvedPath(), reference.resolvedPath())
            .withPermutations(s.permutations())
            .withAlpha(s.alpha())
            .withSeed(s.seed())
            .withMaxRecords(s.maxRecords())
            .withTraits(traitWords(dataset))
            .withInput(
                InputOptions.DEFAULTS
                    .withFields(dataset.field(), reference.field())
                    .withPromptFields(dataset.promptField(), reference.promptField())
                    .withSplits(dataset.split(), reference.split()));
    // One layout for both sides only when they agree; otherwise each side's layout is detected.
    if (dataset.format() != null
        && (reference.format() == null || reference.format().equals(dataset.format()))) {
      request = request.withFormat(InputFormat.parse(dataset.format()));
    }
    if (dataset.modality() != null) {
      request = request.withModality(Modality.parse(dataset.modality()));
    }
    return request;
  }

  /** Words of the generating model's trait names ("loves-owls" -> "owls"), for the leak scan. */
  private List<String> traitWords(DatasetSpec dataset) {
    if (dataset.generatedBy() == null) {
      return List.of();
    }
    return TraitWords.of(traitsOf.apply(dataset.generatedBy()).stream().map(Trait::name).toList());
  }
}
