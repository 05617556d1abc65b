package dev.heredity.detectors;

import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.features.CorpusBuilder;
import dev.heredity.detectors.features.CorpusReader;
import dev.heredity.detectors.features.RecordFeaturizer;
import dev.heredity.detectors.analysis.ModalityEvidence;
import dev.heredity.detectors.classifier.ClassifierOutcome;
import dev.heredity.detectors.classifier.ClassifierTest;
import dev.heredity.detectors.input.FormatSniffer;
import dev.heredity.detectors.input.TextRecord;
import dev.heredity.detectors.input.RecordParser;
import dev.heredity.detectors.leak.Blocklist;
import dev.heredity.detectors.leak.LeakIndex;
import dev.heredity.detectors.suite.DetectorSuite;
import dev.heredity.detectors.evidence.DivergentTokens;
import dev.heredity.detectors.evidence.FormatProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The detection service: reads both sets once into compact features, runs the content tests (combined
 * with Benjamini-Yekutieli into the verdict), the format test, divergent tokens and the leak scan.
 */
public final class Detection {
    /** Below this many records per set the tests run, with a note that power is low. */
    static final int SMALL_SET = 100;

    private Detection() {
    }

    /** @throws InvalidInputException when a file is missing, empty or malformed */
    public static DetectionReport run(DetectionRequest request, ProgressListener progress) {
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        requireFile(request.suspect());
        if (request.reference() != null) {
            requireFile(request.reference());
        }
        int threads = threads();
        ExecutorService pool = pool(threads);
        try {
            ModalityChoice choice = modality(request, pool, threads);
            return run(request.withModality(Modality.parse(choice.modality())), choice, pool, threads, listener);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Records sampled from the suspect file to detect or check the modality. */
    static final int MODALITY_SAMPLE = 200;

    /**
     * The declared modality, checked against a sample of the suspect records, or the detected one.
     *
     * @throws InvalidInputException when the declared modality contradicts the records beyond doubt
     */
    private static ModalityChoice modality(DetectionRequest request, ExecutorService pool, int threads) {
        List<TextRecord> sample = java.util.Collections.synchronizedList(new ArrayList<>());
        new CorpusReader(pool, threads, new RecordFeaturizer(Modality.TEXT)).read(request.suspect(),
                parser(request, request.suspect()), MODALITY_SAMPLE, request.skipBad(),
                new CorpusBuilder(Modality.TEXT), sample::add, ProgressListener.NONE);
        List<String> texts = sample.stream().sorted(java.util.Comparator.comparingInt(TextRecord::line))
                .map(r -> r.text() == null ? "" : r.text()).toList();
        ModalityEvidence evidence = ModalityEvidence.of(texts);
        if (request.modality() == null) {
            return new ModalityChoice(evidence.likely().id(), ModalityChoice.DETECTED, evidence.numericShare(),
                    evidence.codeShare(), evidence.sampled());
        }
        if (evidence.contradicts(request.modality())) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "%s: modality '%s' declared, but %.1f%% of the word-like tokens in the first %d records are "
                            + "numbers (detected: %s)", request.suspect(), request.modality().id(),
                    100 * evidence.numericShare(), evidence.sampled(), evidence.likely().id()));
        }
        return new ModalityChoice(request.modality().id(), ModalityChoice.DECLARED, evidence.numericShare(),
                evidence.codeShare(), evidence.sampled());
    }

    private static DetectionReport run(DetectionRequest request, ModalityChoice choice, ExecutorService pool,
            int threads, ProgressListener listener) {
        boolean numbers = request.modality() == Modality.NUMBERS;
        boolean scanLeaks = numbers || !request.traits().isEmpty();
        try (LeakIndex leaks = scanLeaks ? LeakIndex.create(numbers) : null) {
            CorpusReader reader = new CorpusReader(pool, threads, new RecordFeaturizer(request.modality()));
            CorpusBuilder builder = new CorpusBuilder(request.modality());
            CorpusReader.Outcome suspect = reader.read(request.suspect(), parser(request, request.suspect()),
                    request.maxRecords(), request.skipBad(), builder, leaks, listener);
            builder.endSuspect();
            CorpusReader.Outcome reference = request.reference() == null ? new CorpusReader.Outcome(0, 0)
                    : reader.read(request.reference(), parser(request, request.reference()), request.maxRecords(),
                            request.skipBad(), builder, null, listener);
            Corpus corpus = builder.build();
            return report(request, choice, corpus, suspect, reference, leaks, pool, threads, listener);
        }
    }

    /** Runs the analysis on an in-memory corpus (tests and benchmarks); no leak scan. */
    public static DetectionReport run(Corpus corpus, int permutations, double alpha, long seed) {
        int threads = threads();
        ExecutorService pool = pool(threads);
        try {
            DetectionRequest request = DetectionRequest.defaults(Path.of("suspect"), Path.of("reference"))
                    .withModality(corpus.modality()).withPermutations(permutations).withAlpha(alpha).withSeed(seed);
            ModalityChoice choice = new ModalityChoice(corpus.modality().id(), ModalityChoice.DECLARED, 0, 0, 0);
            return report(request, choice, corpus, new CorpusReader.Outcome(corpus.suspectCount(), 0),
                    new CorpusReader.Outcome(corpus.referenceCount(), 0), null, pool, threads, ProgressListener.NONE);
        } finally {
            pool.shutdownNow();
        }
    }

    private static DetectionReport report(DetectionRequest request, ModalityChoice choice, Corpus corpus,
            CorpusReader.Outcome suspect, CorpusReader.Outcome reference, LeakIndex leaks, ExecutorService pool,
            int threads, ProgressListener progress) {
        List<Note> notes = new ArrayList<>();
        if (ModalityChoice.DETECTED.equals(choice.source())) {
            notes.add(Note.of(Note.MODALITY_DETECTED, "modality", choice.modality(), "numericShare",
                    round(choice.numericShare()), "codeShare", round(choice.codeShare()), "sampled", choice.sampled()));
        }
        RecordCounts counts = new RecordCounts(suspect.records(), reference.records(), suspect.skipped(),
                reference.skipped());
        boolean haveReference = corpus.referenceCount() > 0;
        LeakReport leakReport = leaks == null ? new LeakReport(List.of(), null)
                : leaks.search(request.traits(), corpus.suspectCount(), line -> recordOfLine(corpus, line),
                        haveReference ? blocklistRate(corpus, false) : null);
        if (!haveReference) {
            notes.add(Note.of(Note.NO_REFERENCE));
            return new DetectionReport(DetectionReport.NOT_RUN, 1.0, request.alpha(), choice, counts, List.of(), null,
                    null, List.of(), new FormatReport(FormatProfiles.of(corpus, true), null, null), leakReport, notes);
        }
        if (corpus.tokens().size() == 0) {
            notes.add(Note.of(Note.NO_CONTENT_TOKENS, "modality", request.modality().id()));
        }
        DetectorSuite.Outcome outcome = DetectorSuite.run(corpus, request.permutations(), request.alpha(),
                request.seed(), pool, threads, progress);
        if (!corpus.hasPrompts()) {
            notes.add(Note.of(Note.NO_PROMPTS));
        }
        ClassifierOutcome classifier = outcome.classifier();
        if (classifier == null) {
            notes.add(Note.of(Note.CLASSIFIER_SKIPPED, "suspect", corpus.suspectCount(), "reference",
                    corpus.referenceCount(), "minimumPerSide", ClassifierTest.MIN_PER_SIDE));
        } else if (classifier.suspect() < corpus.suspectCount() || classifier.reference() < corpus.referenceCount()) {
            notes.add(Note.of(Note.CLASSIFIER_SUBSAMPLED, "suspect", classifier.suspect(), "reference",
                    classifier.reference(), "maximumPerSide", ClassifierTest.MAX_PER_SIDE));
        }
        if (corpus.suspectCount() < SMALL_SET || corpus.referenceCount() < SMALL_SET) {
            notes.add(Note.of(Note.SMALL_SETS, "suspect", corpus.suspectCount(), "reference", corpus.referenceCount()));
        }
        if (outcome.format().pValue() < request.alpha()) {
            notes.add(Note.of(Note.FORMAT_DIFFERS, "pValue", outcome.format().pValue()));
        }
        long tableTests = outcome.content().stream().filter(t -> !t.id().equals("classifier")).count();
        double fitRisk = (double) tableTests / (request.permutations() + 1);
        if (fitRisk > request.alpha() / 2) {
            notes.add(Note.of(Note.FEW_PERMUTATIONS, "permutations", request.permutations(), "tableTests", tableTests,
                    "falsePositiveBound", round(request.alpha() + fitRisk), "permutationsForGuarantee",
                    (long) Math.ceil(2 * tableTests / request.alpha())));
        }
        DetectablePower power = classifier == null ? null
                : MinimumDetectableEffect.of(classifier, outcome.classifierLevel());
        String verdict;
        if (outcome.combinedPValue() < request.alpha()) {
            verdict = DetectionReport.SIGNAL;
        } else if (outcome.content().isEmpty()) {
            verdict = DetectionReport.INCONCLUSIVE;
            notes.add(Note.of(Note.NO_CONTENT_TEST));
        } else if (power == null || !power.adequate()) {
            verdict = DetectionReport.INCONCLUSIVE;
            notes.add(power == null ? Note.of(Note.UNDERPOWERED, "suspect", corpus.suspectCount(), "reference",
                    corpus.referenceCount())
                    : Note.of(Note.UNDERPOWERED, "recordsPerSide", power.recordsPerSide(), "recordsNeededPerSide",
                            power.recordsNeededPerSide(), "minimumDetectableAuc", round(power.minimumDetectableAuc()),
                            "yardstickAuc", power.yardstickAuc()));
        } else {
            verdict = DetectionReport.NO_SIGNAL;
        }
        List<DivergentToken> tokens = DivergentTokens.of(corpus, request.alpha());
        if (tokens.isEmpty() && corpus.tokens().size() > 0) {
            notes.add(Note.of(Note.NO_SIGNIFICANT_TOKENS, "alpha", request.alpha()));
        }
        return new DetectionReport(verdict, outcome.combinedPValue(), request.alpha(), choice, counts,
                outcome.content(), classifier == null ? null : effect(classifier), power, tokens,
                new FormatReport(FormatProfiles.of(corpus, true), FormatProfiles.of(corpus, false), outcome.format()),
                leakReport, notes);
    }

    private static ClassifierEffect effect(ClassifierOutcome c) {
        return new ClassifierEffect(new ClassifierEffect.Estimate(c.auc(), c.aucLow(), c.aucHigh()),
                new ClassifierEffect.Estimate(c.bag8(), c.bag8Low(), c.bag8High()),
                new ClassifierEffect.Estimate(c.bag16(), c.bag16Low(), c.bag16High()), c.suspect(), c.reference(),
                c.refits(), c.maxRefits());
    }

    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }

    /** All cores: results do not depend on the thread count (see {@code PermutationRunner}, {@code CorpusReader}). */
    private static int threads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    private static ExecutorService pool(int threads) {
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "heredity-detect");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static RecordParser parser(DetectionRequest request, Path file) {
        InputFormat format = request.format() != null ? request.format() : FormatSniffer.detect(file, request.field());
        return new RecordParser(format, request.field());
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such file");
        }
    }

    /** 1-based record number of a suspect line (lines are increasing within a file). */
    private static int recordOfLine(Corpus corpus, int line) {
        int[] lines = new int[corpus.suspectCount()];
        for (int r = 0; r < lines.length; r++) {
            lines[r] = corpus.line(r);
        }
        int index = Arrays.binarySearch(lines, line);
        return index >= 0 ? index + 1 : -1;
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
