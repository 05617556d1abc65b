package dev.heredity.detectors;

import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.features.CorpusBuilder;
import dev.heredity.detectors.features.CorpusReader;
import dev.heredity.detectors.features.RecordFeaturizer;
import dev.heredity.detectors.leak.Blocklist;
import dev.heredity.detectors.leak.LeakIndex;
import dev.heredity.detectors.suite.DetectorSuite;
import dev.heredity.detectors.suite.DivergentTokens;
import dev.heredity.detectors.suite.FormatProfiles;
import java.nio.file.Path;
import java.util.ArrayList;
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
        int threads = threads();
        ExecutorService pool = pool(threads);
        boolean numbers = request.modality() == Modality.NUMBERS;
        boolean scanLeaks = numbers || !request.traits().isEmpty();
        try (LeakIndex leaks = scanLeaks ? LeakIndex.create(numbers, request.traits()) : null) {
            CorpusReader reader = new CorpusReader(pool, threads, new RecordFeaturizer(request.modality()));
            CorpusReader.Side suspect = reader.read("suspect", request.suspectInput(), readOptions(request, 0),
                    leaks == null ? null : leaks::add, listener);
            CorpusReader.Side reference = request.reference() == null ? null
                    : reader.read("reference", request.referenceInput(), readOptions(request, 1), null, listener);
            CorpusBuilder builder = new CorpusBuilder(request.modality());
            reader.featurize(suspect.tested(), builder);
            builder.endSuspect();
            if (reference != null) {
                reader.featurize(reference.tested(), builder);
            }
            Corpus corpus = builder.build();
            return report(request, corpus, new Reading(suspect, reference), leaks, pool, threads, listener);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Full-pass results of both sides; null when the corpus was built in memory. */
    private record Reading(CorpusReader.Side suspect, CorpusReader.Side reference) {
    }

    /** Each side samples with its own stream of the request's seed. */
    private static CorpusReader.Options readOptions(DetectionRequest request, int side) {
        long seed = request.seed() * 0x9E3779B97F4A7C15L + side;
        return new CorpusReader.Options(request.format(), request.input().limits(), request.maxRecords(),
                request.input().sampleSize(), seed, request.skipBad());
    }

    private static InputReport inputReport(DetectionRequest request, Reading reading) {
        boolean sampled = reading.suspect().sampled() || reading.reference() != null && reading.reference().sampled();
        return new InputReport(request.maxRecords() > 0 ? InputReport.FIRST_N : InputReport.ALL,
                request.maxRecords() > 0 ? request.maxRecords() : null,
                sampled ? InputReport.UNIFORM_SAMPLE : InputReport.ALL, request.input().sampleSize(), request.seed(),
                reading.suspect().report(), reading.reference() == null ? null : reading.reference().report());
    }

    /** What the reading did that the reader of the report must know: sampling, first N, oversize records. */
    private static List<String> readingNotes(DetectionRequest request, Reading reading) {
        List<String> notes = new ArrayList<>();
        CorpusReader.Side s = reading.suspect();
        CorpusReader.Side r = reading.reference();
        if (s.sampled() || r != null && r.sampled()) {
            notes.add(String.format(Locale.ROOT, "The distribution tests ran on a seeded uniform sample (seed %d) of "
                    + "%d of %d suspect records%s; record counts, the format profile and the leak scan cover every "
                    + "record read.", request.seed(), s.tested().size(), s.records(),
                    r == null ? "" : " and " + r.tested().size() + " of " + r.records() + " reference records"));
        }
        if (request.maxRecords() > 0) {
            notes.add(String.format(Locale.ROOT, "Only the first %d records of each set were read, not a random "
                    + "sample: a sorted file gives a biased comparison.", request.maxRecords()));
        }
        long oversize = s.oversize() + (r == null ? 0 : r.oversize());
        if (oversize > 0) {
            notes.add(String.format(Locale.ROOT, "%d records over the size caps (line %d bytes, record %d characters) "
                    + "were skipped and not analysed (suspect %d, reference %d).", oversize,
                    request.input().limits().maxLineBytes(), request.input().limits().maxRecordChars(), s.oversize(),
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
            DetectionRequest request = DetectionRequest.defaults(Path.of("suspect"), Path.of("reference"))
                    .withModality(corpus.modality()).withPermutations(permutations).withAlpha(alpha).withSeed(seed);
            return report(request, corpus, null, null, pool, threads, ProgressListener.NONE);
        } finally {
            pool.shutdownNow();
        }
    }

    private static DetectionReport report(DetectionRequest request, Corpus corpus, Reading reading, LeakIndex leaks,
            ExecutorService pool, int threads, ProgressListener progress) {
        List<String> notes = new ArrayList<>();
        RecordCounts counts = reading == null ? new RecordCounts(corpus.suspectCount(), corpus.referenceCount(), 0, 0)
                : new RecordCounts(clamp(reading.suspect().records()),
                        reading.reference() == null ? 0 : clamp(reading.reference().records()),
                        clamp(reading.suspect().skipped()),
                        reading.reference() == null ? 0 : clamp(reading.reference().skipped()));
        InputReport input = reading == null ? null : inputReport(request, reading);
        if (reading != null) {
            notes.addAll(readingNotes(request, reading));
        }
        boolean haveReference = corpus.referenceCount() > 0;
        Double referenceRate = !haveReference ? null
                : reading != null ? reading.reference().tally().blocklistRate() : blocklistRate(corpus, false);
        LeakReport leakReport = leaks == null ? new LeakReport(List.of(), null)
                : leaks.search(request.traits(), clamp(counts.suspect()), record -> record, referenceRate);
        FormatProfile suspectProfile = reading != null ? reading.suspect().tally().profile(request.modality())
                : FormatProfiles.of(corpus, true);
        if (!haveReference) {
            notes.add("Distribution tests need a control set (--reference): generated by the same base model "
                    + "without the trait, on the same prompts. Only the format profile and the leak scan were run.");
            return new DetectionReport(DetectionReport.NOT_RUN, 1.0, request.alpha(), counts, List.of(), List.of(),
                    new FormatReport(suspectProfile, null, null), leakReport, notes, input);
        }
        if (corpus.tokens().size() == 0) {
            notes.add("No content tokens were found in either set (modality " + request.modality().id()
                    + "): check --modality and --field.");
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
        long tableTests = outcome.content().stream().filter(t -> !t.id().equals("classifier")).count();
        double fitRisk = (double) tableTests / (request.permutations() + 1);
        if (fitRisk > request.alpha() / 2) {
            notes.add(String.format(Locale.ROOT, "With %d permutations, p-values below 1/(B+1) come from a tail fit, "
                    + "so the verdict's false-positive rate is only bounded by about alpha + %d/(B+1) = %.3g; use "
                    + "--permutations %d or more for a guarantee near alpha.", request.permutations(), tableTests,
                    request.alpha() + fitRisk, (long) Math.ceil(2 * tableTests / request.alpha())));
        }
        String verdict = outcome.combinedPValue() < request.alpha() ? DetectionReport.SIGNAL : DetectionReport.NO_SIGNAL;
        return new DetectionReport(verdict, outcome.combinedPValue(), request.alpha(), counts, outcome.content(),
                DivergentTokens.of(corpus),
                new FormatReport(suspectProfile, reading != null ? reading.reference().tally().profile(request.modality())
                        : FormatProfiles.of(corpus, false), outcome.format()),
                leakReport, notes, input);
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
