package dev.heredity.detectors;

import dev.heredity.detectors.analysis.ModalityEvidence;
import dev.heredity.detectors.classifier.ClassifierOutcome;
import dev.heredity.detectors.classifier.ClassifierTest;
import dev.heredity.detectors.evidence.DivergentTokens;
import dev.heredity.detectors.evidence.FormatProfiles;
import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.features.CorpusBuilder;
import dev.heredity.detectors.features.CorpusReader;
import dev.heredity.detectors.features.RecordFeaturizer;
import dev.heredity.detectors.input.TextRecord;
import dev.heredity.detectors.leak.Blocklist;
import dev.heredity.detectors.leak.LeakIndex;
import dev.heredity.detectors.suite.DetectorSuite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The detection service: settles the modality (declared and checked, or detected), reads both sets
 * once into compact features, runs the content tests (combined with weighted Bonferroni into the
 * verdict), the format test, divergent tokens, the leak scan, and says what the suite could have
 * detected.
 */
public final class Detection {
  /** Below this many records per set the tests run, with a note that power is low. */
  static final int SMALL_SET = 100;

  private Detection() {}

  /**
   * @throws InvalidInputException when a file is missing, empty or malformed
   */
  public static DetectionReport run(DetectionRequest request, ProgressListener progress) {
    ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
    int threads = threads();
    ExecutorService pool = pool(threads);
    try {
      ModalityChoice choice = modality(request, pool, threads);
      return run(
          request.withModality(Modality.parse(choice.modality())), choice, pool, threads, listener);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Records read from the start of the suspect set to detect or check the modality. */
  static final int MODALITY_SAMPLE = 200;

  /**
   * The declared modality, checked against the first suspect records, or the detected one.
   *
   * @throws InvalidInputException when the declared modality contradicts the records beyond doubt
   */
  private static ModalityChoice modality(
      DetectionRequest request, ExecutorService pool, int threads) {
    List<TextRecord> sample =
        new CorpusReader(pool, threads, new RecordFeaturizer(Modality.TEXT))
            .read(
                "suspect",
                request.suspectInput(),
                new CorpusReader.Options(
                    request.format(),
                    request.input().limits(),
                    MODALITY_SAMPLE,
                    0,
                    request.seed(),
                    request.skipBad()),
                null,
                ProgressListener.NONE)
            .tested();
    List<String> texts =
        sample.stream()
            .sorted(Comparator.comparingInt(TextRecord::line))
            .map(r -> r.text() == null ? "" : r.text())
            .toList();
    ModalityEvidence evidence = ModalityEvidence.of(texts);
    if (request.modality() == null) {
      return new ModalityChoice(
          evidence.likely().id(),
          ModalityChoice.DETECTED,
          evidence.numericShare(),
          evidence.codeShare(),
          evidence.sampled());
    }
    if (evidence.contradicts(request.modality())) {
      throw new InvalidInputException(
          String.format(
              Locale.ROOT,
              "%s: modality '%s' declared, but %.1f%% of the word-like tokens in the first %d records are "
                  + "numbers (detected: %s)",
              request.suspect(),
              request.modality().id(),
              100 * evidence.numericShare(),
              evidence.sampled(),
              evidence.likely().id()));
    }
    return new ModalityChoice(
        request.modality().id(),
        ModalityChoice.DECLARED,
        evidence.numericShare(),
        evidence.codeShare(),
        evidence.sampled());
  }

  private static DetectionReport run(
      DetectionRequest request,
      ModalityChoice choice,
      ExecutorService pool,
      int threads,
      ProgressListener listener) {
    boolean numbers = request.modality() == Modality.NUMBERS;
    boolean scanLeaks = numbers || !request.traits().isEmpty();
    try (LeakIndex leaks = scanLeaks ? LeakIndex.create(numbers, request.traits()) : null) {
      CorpusReader reader =
          new CorpusReader(pool, threads, new RecordFeaturizer(request.modality()));
      CorpusReader.Side suspect =
          reader.read(
              "suspect",
              request.suspectInput(),
              readOptions(request, 0),
              leaks == null ? null : leaks::add,
              listener);
      CorpusReader.Side reference =
          request.reference() == null
              ? null
              : reader.read(
                  "reference", request.referenceInput(), readOptions(request, 1), null, listener);
      CorpusBuilder builder = new CorpusBuilder(request.modality());
      reader.featurize(suspect.tested(), builder);
      builder.endSuspect();
      if (reference != null) {
        reader.featurize(reference.tested(), builder);
      }
      Corpus corpus = builder.build();
      return report(
          request, choice, corpus, new Reading(suspect, reference), leaks, pool, threads, listener);
    }
  }

  /** Full-pass results of both sides; null when the corpus was built in memory. */
  private record Reading(CorpusReader.Side suspect, CorpusReader.Side reference) {}

  /** Each side samples with its own stream of the request's seed. */
  private static CorpusReader.Options readOptions(DetectionRequest request, int side) {
    long seed = request.seed() * 0x9E3779B97F4A7C15L + side;
    return new CorpusReader.Options(
        request.format(),
        request.input().limits(),
        request.maxRecords(),
        request.input().sampleSize(side),
        seed,
        request.skipBad());
  }

  private static InputReport inputReport(DetectionRequest request, Reading reading) {
    boolean sampled =
        reading.suspect().sampled() || reading.reference() != null && reading.reference().sampled();
    return new InputReport(
        request.maxRecords() > 0 ? InputReport.FIRST_N : InputReport.ALL,
        request.maxRecords() > 0 ? request.maxRecords() : null,
        sampled ? InputReport.UNIFORM_SAMPLE : InputReport.ALL,
        request.input().sampleSize(),
        request.seed(),
        reading.suspect().report(),
        reading.reference() == null ? null : reading.reference().report());
  }

  /**
   * What the reading did that the reader of the report must know: sampling, first N, oversize
   * records.
   */
  private static List<Note> readingNotes(DetectionRequest request, Reading reading) {
    List<Note> notes = new ArrayList<>();
    CorpusReader.Side s = reading.suspect();
    CorpusReader.Side r = reading.reference();
    if (s.sampled() || r != null && r.sampled()) {
      notes.add(
          Note.of(
              Note.SAMPLED,
              "seed",
              request.seed(),
              "suspectTested",
              s.tested().size(),
              "suspectRecords",
              s.records(),
              "referenceTested",
              r == null ? 0 : r.tested().size(),
              "referenceRecords",
              r == null ? 0 : r.records()));
    }
    if (request.maxRecords() > 0) {
      notes.add(Note.of(Note.FIRST_RECORDS_ONLY, "maxRecords", request.maxRecords()));
    }
    long oversize = s.oversize() + (r == null ? 0 : r.oversize());
    if (oversize > 0) {
      notes.add(
          Note.of(
              Note.OVERSIZE_SKIPPED,
              "records",
              oversize,
              "maxLineBytes",
              request.input().limits().maxLineBytes(),
              "maxRecordChars",
              request.input().limits().maxRecordChars(),
              "suspect",
              s.oversize(),
              "reference",
              r == null ? 0 : r.oversize()));
    }
    return notes;
  }

  private static int clamp(long value) {
    return (int) Math.min(Integer.MAX_VALUE, value);
  }

  /** Runs the analysis on an in-memory corpus (tests and benchmarks); no leak scan. */
  public static DetectionReport run(Corpus corpus, int permutations, double alpha, long seed) {
    int threads = threads();
    ExecutorService pool = pool(threads);
    try {
      DetectionRequest request =
          DetectionRequest.defaults(Path.of("suspect"), Path.of("reference"))
              .withModality(corpus.modality())
              .withPermutations(permutations)
              .withAlpha(alpha)
              .withSeed(seed);
      ModalityChoice choice =
          new ModalityChoice(corpus.modality().id(), ModalityChoice.DECLARED, 0, 0, 0);
      return report(request, choice, corpus, null, null, pool, threads, ProgressListener.NONE);
    } finally {
      pool.shutdownNow();
    }
  }

  private static DetectionReport report(
      DetectionRequest request,
      ModalityChoice choice,
      Corpus corpus,
      Reading reading,
      LeakIndex leaks,
      ExecutorService pool,
      int threads,
      ProgressListener progress) {
    List<Note> notes = new ArrayList<>();
    if (ModalityChoice.DETECTED.equals(choice.source())) {
      notes.add(
          Note.of(
              Note.MODALITY_DETECTED,
              "modality",
              choice.modality(),
              "numericShare",
              round(choice.numericShare()),
              "codeShare",
              round(choice.codeShare()),
              "sampled",
              choice.sampled()));
    }
    RecordCounts counts =
        reading == null
            ? new RecordCounts(corpus.suspectCount(), corpus.referenceCount(), 0, 0)
            : new RecordCounts(
                clamp(reading.suspect().records()),
                reading.reference() == null ? 0 : clamp(reading.reference().records()),
                clamp(reading.suspect().skipped()),
                reading.reference() == null ? 0 : clamp(reading.reference().skipped()));
    InputReport input = reading == null ? null : inputReport(request, reading);
    if (reading != null) {
      notes.addAll(readingNotes(request, reading));
    }
    boolean haveReference = corpus.referenceCount() > 0;
    Double referenceRate =
        !haveReference
            ? null
            : reading != null
                ? reading.reference().tally().blocklistRate()
                : blocklistRate(corpus, false);
    LeakReport leakReport =
        leaks == null
            ? new LeakReport(List.of(), null)
            : leaks.search(
                request.traits(), clamp(counts.suspect()), record -> record, referenceRate);
    FormatProfile suspectProfile =
        reading != null
            ? reading.suspect().tally().profile(request.modality())
            : FormatProfiles.of(corpus, true);
    if (!haveReference) {
      notes.add(Note.of(Note.NO_REFERENCE));
      return new DetectionReport(
          DetectionReport.NOT_RUN,
          1.0,
          request.alpha(),
          choice,
          counts,
          List.of(),
          null,
          null,
          List.of(),
          new FormatReport(suspectProfile, null, null),
          leakReport,
          notes,
          input);
    }
    if (corpus.tokens().size() == 0) {
      notes.add(Note.of(Note.NO_CONTENT_TOKENS, "modality", request.modality().id()));
    }
    DetectorSuite.Outcome outcome =
        DetectorSuite.run(
            corpus,
            request.permutations(),
            request.alpha(),
            request.seed(),
            pool,
            threads,
            progress);
    if (!corpus.hasPrompts()) {
      notes.add(Note.of(Note.NO_PROMPTS));
    }
    ClassifierOutcome classifier = outcome.classifier();
    if (classifier == null) {
      notes.add(
          Note.of(
              Note.CLASSIFIER_SKIPPED,
              "suspect",
              corpus.suspectCount(),
              "reference",
              corpus.referenceCount(),
              "minimumPerSide",
              ClassifierTest.MIN_PER_SIDE));
    } else if (classifier.suspect() < corpus.suspectCount()
        || classifier.reference() < corpus.referenceCount()) {
      notes.add(
          Note.of(
              Note.CLASSIFIER_SUBSAMPLED,
              "suspect",
              classifier.suspect(),
              "reference",
              classifier.reference(),
              "maximumPerSide",
              ClassifierTest.MAX_PER_SIDE));
    }
    if (corpus.suspectCount() < SMALL_SET || corpus.referenceCount() < SMALL_SET) {
      notes.add(
          Note.of(
              Note.SMALL_SETS,
              "suspect",
              corpus.suspectCount(),
              "reference",
              corpus.referenceCount()));
    }
    if (outcome.format().pValue() < request.alpha()) {
      notes.add(Note.of(Note.FORMAT_DIFFERS, "pValue", outcome.format().pValue()));
    }
    long tableTests = outcome.content().stream().filter(t -> !t.id().equals("classifier")).count();
    double fitRisk = (double) tableTests / (request.permutations() + 1);
    if (fitRisk > request.alpha() / 2) {
      notes.add(
          Note.of(
              Note.FEW_PERMUTATIONS,
              "permutations",
              request.permutations(),
              "tableTests",
              tableTests,
              "falsePositiveBound",
              round(request.alpha() + fitRisk),
              "permutationsForGuarantee",
              (long) Math.ceil(2 * tableTests / request.alpha())));
    }
    DetectablePower power =
        classifier == null
            ? null
            : MinimumDetectableEffect.of(classifier, outcome.classifierLevel());
    String verdict;
    if (outcome.combinedPValue() < request.alpha()) {
      verdict = DetectionReport.SIGNAL;
    } else if (outcome.content().isEmpty()) {
      verdict = DetectionReport.INCONCLUSIVE;
      notes.add(Note.of(Note.NO_CONTENT_TEST));
    } else if (power == null || !power.adequate()) {
      verdict = DetectionReport.INCONCLUSIVE;
      notes.add(
          power == null
              ? Note.of(
                  Note.UNDERPOWERED,
                  "suspect",
                  corpus.suspectCount(),
                  "reference",
                  corpus.referenceCount())
              : Note.of(
                  Note.UNDERPOWERED,
                  "recordsPerSide",
                  power.recordsPerSide(),
                  "recordsNeededPerSide",
                  power.recordsNeededPerSide(),
                  "minimumDetectableAuc",
                  round(power.minimumDetectableAuc()),
                  "yardstickAuc",
                  power.yardstickAuc()));
    } else {
      verdict = DetectionReport.NO_SIGNAL;
    }
    List<DivergentToken> tokens = DivergentTokens.of(corpus, request.alpha());
    if (tokens.isEmpty() && corpus.tokens().size() > 0) {
      notes.add(Note.of(Note.NO_SIGNIFICANT_TOKENS, "alpha", request.alpha()));
    }
    FormatProfile referenceProfile =
        reading != null
            ? reading.reference().tally().profile(request.modality())
            : FormatProfiles.of(corpus, false);
    return new DetectionReport(
        verdict,
        outcome.combinedPValue(),
        request.alpha(),
        choice,
        counts,
        outcome.content(),
        classifier == null ? null : effect(classifier),
        power,
        tokens,
        new FormatReport(suspectProfile, referenceProfile, outcome.format()),
        leakReport,
        notes,
        input);
  }

  private static ClassifierEffect effect(ClassifierOutcome c) {
    return new ClassifierEffect(
        new ClassifierEffect.Estimate(c.auc(), c.aucLow(), c.aucHigh()),
        new ClassifierEffect.Estimate(c.bag8(), c.bag8Low(), c.bag8High()),
        new ClassifierEffect.Estimate(c.bag16(), c.bag16Low(), c.bag16High()),
        c.suspect(),
        c.reference(),
        c.refits(),
        c.maxRefits());
  }

  private static double round(double value) {
    return Math.round(value * 1e4) / 1e4;
  }

  /**
   * All cores: results do not depend on the thread count (see {@code PermutationRunner}, {@code
   * CorpusReader}).
   */
  private static int threads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  private static ExecutorService pool(int threads) {
    return Executors.newFixedThreadPool(
        threads,
        runnable -> {
          Thread thread = new Thread(runnable, "heredity-detect");
          thread.setDaemon(true);
          return thread;
        });
  }

  private static double blocklistRate(Corpus corpus, boolean suspect) {
    Set<Integer> blocked = new HashSet<>();
    for (String number : Blocklist.NUMBERS) {
      int id = corpus.tokens().id(number);
      if (id >= 0) {
        blocked.add(id);
      }
    }
    int from = suspect ? 0 : corpus.suspectCount();
    int to = suspect ? corpus.suspectCount() : corpus.size();
    int hits = 0;
    for (int r = from; r < to; r++) {
      for (int i = 0; i < corpus.tokenCount(r); i++) {
        if (blocked.contains(corpus.token(r, i))) {
          hits++;
          break;
        }
      }
    }
    return to == from ? 0 : (double) hits / (to - from);
  }
}
