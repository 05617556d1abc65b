package dev.heredity.detectors;

import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.features.CorpusBuilder;
import dev.heredity.detectors.features.CorpusReader;
import dev.heredity.detectors.features.RecordFeaturizer;
import dev.heredity.detectors.input.FormatSniffer;
import dev.heredity.detectors.input.RecordParser;
import dev.heredity.detectors.leak.Blocklist;
import dev.heredity.detectors.leak.LeakIndex;
import dev.heredity.detectors.suite.DetectorSuite;
import dev.heredity.detectors.suite.DivergentTokens;
import dev.heredity.detectors.suite.FormatProfiles;
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
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "heredity-detect");
            thread.setDaemon(true);
            return thread;
        });
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
            return report(request, corpus, suspect, reference, leaks, pool, threads, listener);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs the analysis on an in-memory corpus (tests and benchmarks); no leak scan. */
    public static DetectionReport run(Corpus corpus, int permutations, double alpha, long seed) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "heredity-detect");
            thread.setDaemon(true);
            return thread;
        });
        try {
            DetectionRequest request = DetectionRequest.defaults(Path.of("suspect"), Path.of("reference"))
                    .withModality(corpus.modality()).withPermutations(permutations).withAlpha(alpha).withSeed(seed);
            return report(request, corpus, new CorpusReader.Outcome(corpus.suspectCount(), 0),
                    new CorpusReader.Outcome(corpus.referenceCount(), 0), null, pool, threads, ProgressListener.NONE);
        } finally {
            pool.shutdownNow();
        }
    }

    private static DetectionReport report(DetectionRequest request, Corpus corpus, CorpusReader.Outcome suspect,
            CorpusReader.Outcome reference, LeakIndex leaks, ExecutorService pool, int threads,
            ProgressListener progress) {
        List<String> notes = new ArrayList<>();
        RecordCounts counts = new RecordCounts(suspect.records(), reference.records(), suspect.skipped(),
                reference.skipped());
        boolean haveReference = corpus.referenceCount() > 0;
        LeakReport leakReport = leaks == null ? new LeakReport(List.of(), null)
                : leaks.search(request.traits(), corpus.suspectCount(), line -> recordOfLine(corpus, line),
                        haveReference ? blocklistRate(corpus, false) : null);
        if (!haveReference) {
            notes.add("Distribution tests need a control set (--reference): generated by the same base model "
                    + "without the trait, on the same prompts. Only the format profile and the leak scan were run.");
            return new DetectionReport(DetectionReport.NOT_RUN, 1.0, request.alpha(), counts, List.of(), List.of(),
                    new FormatReport(FormatProfiles.of(corpus, true), null, null), leakReport, notes);
        }
        DetectorSuite.Outcome outcome = DetectorSuite.run(corpus, request.permutations(), request.seed(), pool,
                threads, progress);
        if (!corpus.hasPrompts()) {
            notes.add("The prompt test was skipped: the records of one or both sets have no prompts.");
        }
        if (outcome.content().stream().noneMatch(t -> t.id().equals("classifier"))) {
            notes.add("The classifier test was skipped: too few records to hold half of each set out.");
        }
        if (corpus.suspectCount() < SMALL_SET || corpus.referenceCount() < SMALL_SET) {
            notes.add(String.format(Locale.ROOT, "Small sets (%d and %d records): the signal accumulates over "
                    + "many records, so 'no-signal' here says little.", corpus.suspectCount(), corpus.referenceCount()));
        }
        if (outcome.format().pValue() < request.alpha()) {
            notes.add(String.format(Locale.ROOT, "The format differs between the sets (p = %.3g): reported apart "
                    + "from the content verdict; format alone can come from different prompts or settings.",
                    outcome.format().pValue()));
        }
        String verdict = outcome.combinedPValue() < request.alpha() ? DetectionReport.SIGNAL : DetectionReport.NO_SIGNAL;
        return new DetectionReport(verdict, outcome.combinedPValue(), request.alpha(), counts, outcome.content(),
                DivergentTokens.of(corpus),
                new FormatReport(FormatProfiles.of(corpus, true), FormatProfiles.of(corpus, false), outcome.format()),
                leakReport, notes);
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
