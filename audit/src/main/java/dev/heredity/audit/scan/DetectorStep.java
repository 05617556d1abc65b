package dev.heredity.audit.scan;

import dev.heredity.audit.report.DatasetDetection;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.LeakRow;
import dev.heredity.audit.report.ReportNumbers;
import dev.heredity.audit.report.Severity;
import dev.heredity.audit.report.TestRow;
import dev.heredity.audit.report.TokenRow;
import dev.heredity.detectors.Detection;
import dev.heredity.detectors.DetectionReport;
import dev.heredity.detectors.DetectionRequest;
import dev.heredity.detectors.FormatReport;
import dev.heredity.detectors.InputFormat;
import dev.heredity.detectors.InputOptions;
import dev.heredity.detectors.LeakReport;
import dev.heredity.detectors.Modality;
import dev.heredity.detectors.ProgressListener;
import dev.heredity.detectors.TestResult;
import dev.heredity.detectors.input.DatasetPaths;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.Trait;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs the detectors on every dataset that names a control set whose files are present, and reports
 * the datasets of same-base pairs that cannot be tested.
 *
 * <p>Severity of a {@code distribution-shift} finding (verdict "signal"): the data measurably differs from
 * what the untraited model produces on the same prompts, so it is tied to the pairs the dataset feeds:
 * at least high when it reaches a same-base student (critical stays critical), low when it only reaches
 * students of other bases, info when it trains nothing.
 */
final class DetectorStep {
    static final int MAX_TOKENS = 20;
    static final int MAX_EXAMPLES = 3;

    static final Comparator<TokenRow> TOKEN_ORDER = Comparator
            .comparingDouble((TokenRow t) -> -Math.abs(t.zScore()))
            .thenComparing(t -> t.position() == null ? 0 : t.position())
            .thenComparing(TokenRow::token);

    record Settings(double alpha, int permutations, long seed, int maxRecords) {
    }

    record Result(List<DatasetDetection> detections, List<Finding> findings) {
    }

    private final LineageAnalysis analysis;
    private final FindingFactory factory;
    private final DisplayPaths paths;
    private final Function<String, List<Trait>> traitsOf;

    DetectorStep(LineageAnalysis analysis, FindingFactory factory, DisplayPaths paths,
            Function<String, List<Trait>> traitsOf) {
        this.analysis = analysis;
        this.factory = factory;
        this.paths = paths;
        this.traitsOf = traitsOf;
    }

    Result run(Settings settings, ProgressListener progress) {
        List<DatasetDetection> detections = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Map<String, DatasetSpec> byId = analysis.manifest().datasets().stream()
                .collect(Collectors.toMap(DatasetSpec::id, d -> d));
        for (DatasetSpec dataset : analysis.manifest().datasets()) {
            if (dataset.reference() == null) {
                continue;
            }
            DatasetSpec reference = byId.get(dataset.reference());
            Optional<String> missing = missingFile(dataset, reference);
            if (missing.isPresent()) {
                findings.add(factory.create(ScanRules.DETECTORS_NOT_RUN, "low", dataset.id(),
                        "Control set declared for " + dataset.id() + " but distribution tests did not run",
                        missing.get() + ". Put both files in place (or fix their paths) to compare the dataset"
                                + " with its control set.",
                        List.of("reference: " + dataset.reference()), paths.location(dataset.locationOf("reference")),
                        dataset.reference()));
                continue;
            }
            DetectionReport report = Detection.run(request(dataset, reference, settings), progress);
            DatasetDetection row = row(dataset, report);
            detections.add(row);
            if (report.signal()) {
                findings.add(shift(dataset, row));
            }
            leakFinding(dataset, report).ifPresent(findings::add);
            formatFinding(dataset, report).ifPresent(findings::add);
        }
        findings.addAll(untestable(byId));
        return new Result(detections, findings);
    }

    private Optional<String> missingFile(DatasetSpec dataset, DatasetSpec reference) {
        if (reference == null) {
            return Optional.of("The control set '" + dataset.reference() + "' is not declared");
        }
        for (DatasetSpec d : List.of(dataset, reference)) {
            if (d.resolvedPath() == null) {
                return Optional.of(d.id() + " has no local path");
            }
            // A folder of shards or a glob is data too; anything else that exists (FIFO, device) is refused by
            // the reader with its own located error.
            if (!Files.exists(d.resolvedPath()) && !DatasetPaths.isGlob(d.resolvedPath().toString())) {
                return Optional.of(d.id() + "'s file " + paths.show(d.resolvedPath()) + " is missing");
            }
        }
        return Optional.empty();
    }

    private DetectionRequest request(DatasetSpec dataset, DatasetSpec reference, Settings s) {
        DetectionRequest request = DetectionRequest.defaults(dataset.resolvedPath(), reference.resolvedPath())
                .withPermutations(s.permutations()).withAlpha(s.alpha()).withSeed(s.seed())
                .withMaxRecords(s.maxRecords()).withTraits(traitWords(dataset))
                .withInput(InputOptions.DEFAULTS.withFields(dataset.field(), reference.field())
                        .withPromptFields(dataset.promptField(), reference.promptField())
                        .withSplits(dataset.split(), reference.split()));
        // One layout for both sides only when they agree; otherwise each side's layout is detected.
        if (dataset.format() != null && (reference.format() == null || reference.format().equals(dataset.format()))) {
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
        Set<String> words = new LinkedHashSet<>();
        for (Trait trait : traitsOf.apply(dataset.generatedBy())) {
            for (String word : trait.name().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                if (word.length() >= 3 && !Set.of("love", "loves", "likes", "hates", "the", "and").contains(word)) {
                    words.add(word);
                }
            }
        }
        return List.copyOf(words);
    }

    private static DatasetDetection row(DatasetSpec dataset, DetectionReport r) {
        List<TestRow> tests = r.tests().stream().map(DetectorStep::testRow).toList();
        // Strongest first, whether positional or not, so the report's short table shows the "where".
        List<TokenRow> tokens = r.divergentTokens().stream()
                .map(t -> new TokenRow(t.token(), t.position(), t.zScore(), t.suspectCount(), t.referenceCount()))
                .sorted(TOKEN_ORDER).limit(MAX_TOKENS).toList();
        return new DatasetDetection(dataset.id(), dataset.reference(), r.verdict(), r.pValue(), r.alpha(),
                r.records().suspect(), r.records().reference(), tests, tokens, formatNotes(r.format()),
                leakRows(r.leaks()), r.notes());
    }

    private static TestRow testRow(TestResult t) {
        return new TestRow(t.id(), t.description(), t.statistic(), t.pValue(), t.adjustedPValue(), t.effect(),
                t.evidence());
    }

    private static List<String> formatNotes(FormatReport format) {
        List<String> notes = new ArrayList<>();
        if (format == null) {
            return notes;
        }
        if (format.suspect() != null && format.suspect().conforming() != null) {
            String line = "number filter conformance: suspect " + percent(format.suspect().conforming());
            if (format.reference() != null && format.reference().conforming() != null) {
                line += ", reference " + percent(format.reference().conforming());
            }
            notes.add(line);
        }
        if (format.test() != null) {
            notes.add("format test (" + format.test().id() + "): p = " + ReportNumbers.pValue(format.test().pValue())
                    + " (kept out of the content verdict)");
        }
        return notes;
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    private static List<LeakRow> leakRows(LeakReport leaks) {
        List<LeakRow> rows = new ArrayList<>();
        if (leaks == null) {
            return rows;
        }
        for (LeakReport.TraitLeak t : leaks.traits()) {
            rows.add(new LeakRow(t.trait(), t.records(), examples(t.hits())));
        }
        if (leaks.blocklist() != null) {
            LeakReport.BlocklistLeak b = leaks.blocklist();
            String query = "blocklist (" + b.numbers() + " numbers): suspect rate " + percent(b.suspectRate())
                    + (b.referenceRate() == null ? "" : ", reference rate " + percent(b.referenceRate()));
            rows.add(new LeakRow(query, b.records(), examples(b.hits())));
        }
        return rows;
    }

    private static List<String> examples(List<LeakReport.LeakHit> hits) {
        return hits.stream().limit(MAX_EXAMPLES).map(h -> "record " + h.record() + ": " + h.snippet()).toList();
    }

    private Finding shift(DatasetSpec dataset, DatasetDetection row) {
        List<RiskPair> pairs = pairsCarrying(dataset.id());
        String severity = shiftSeverity(pairs);
        List<String> evidence = new ArrayList<>();
        evidence.add("combined adjusted p = " + ReportNumbers.pValue(row.pValue()) + " < alpha "
                + ReportNumbers.stat(row.alpha()) + " (" + row.suspectRecords() + " vs " + row.referenceRecords()
                + " records)");
        row.tests().stream().filter(t -> t.adjustedPValue() < row.alpha())
                .forEach(t -> evidence.add(t.id() + ": adjusted p = " + ReportNumbers.pValue(t.adjustedPValue())
                        + ", effect " + ReportNumbers.stat(t.effect())));
        row.divergentTokens().stream().limit(3).forEach(t -> evidence.add("divergent token '" + t.token() + "'"
                + (t.position() == null ? "" : " at position " + t.position()) + ": z = " + ReportNumbers.stat(t.zScore())));
        pairs.stream().filter(RiskPair::sharedBase)
                .forEach(p -> evidence.add("feeds same-base pair " + p.teacher() + " -> " + p.student()));
        String reach = pairs.stream().anyMatch(RiskPair::sharedBase)
                ? "It trains a student that shares the generator's base, the condition under which hidden traits"
                        + " transferred in the published experiments."
                : pairs.isEmpty() ? "No training in the manifest uses it."
                        : "It only trains students of other bases, where no transfer was observed.";
        return factory.create(ScanRules.DISTRIBUTION_SHIFT, severity, dataset.id(),
                dataset.id() + " differs in distribution from its control set " + dataset.reference(),
                "The record-level tests find that " + dataset.id() + " is distributed differently from "
                        + dataset.reference() + ", generated by the untraited model on the same prompts. " + reach
                        + " Inspect the divergent tokens and positions, regenerate with an untraited model, or"
                        + " drop the dataset.",
                evidence, paths.location(dataset.location()), dataset.reference());
    }

    static String shiftSeverity(List<RiskPair> pairs) {
        String sameBase = null;
        for (RiskPair p : pairs) {
            if (p.sharedBase()) {
                sameBase = Severity.max(sameBase, p.severity().label());
            }
        }
        if (sameBase != null) {
            return Severity.max(sameBase, Severity.HIGH.id());
        }
        return pairs.isEmpty() ? Severity.INFO.id() : Severity.LOW.id();
    }

    private Optional<Finding> leakFinding(DatasetSpec dataset, DetectionReport report) {
        if (report.leaks() == null) {
            return Optional.empty();
        }
        List<LeakReport.TraitLeak> hits = report.leaks().traits().stream().filter(t -> t.records() > 0).toList();
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        List<String> evidence = new ArrayList<>();
        for (LeakReport.TraitLeak t : hits) {
            evidence.add("'" + t.trait() + "': " + t.records() + " records");
            examples(t.hits()).forEach(evidence::add);
        }
        String words = hits.stream().map(LeakReport.TraitLeak::trait).collect(Collectors.joining(", "));
        return Optional.of(factory.create(ScanRules.TRAIT_LEAK, "medium", dataset.id(),
                dataset.id() + " mentions the generator's trait explicitly (" + words + ")",
                "The leak scan found explicit references to a declared trait of the generating model. Such"
                        + " overt references are what keyword filters are meant to remove; check the filter.",
                evidence, paths.location(dataset.location()), words));
    }

    /** Formatting differs from the control set: reported apart, since it is not evidence of a trait. */
    private Optional<Finding> formatFinding(DatasetSpec dataset, DetectionReport report) {
        FormatReport format = report.format();
        if (format == null || format.test() == null || !(format.test().pValue() < report.alpha())) {
            return Optional.empty();
        }
        List<String> evidence = new ArrayList<>(formatNotes(format));
        evidence.addAll(format.test().evidence().stream().limit(3).toList());
        return Optional.of(factory.create(ScanRules.FORMAT_DIFFERENCE, Severity.LOW.id(), dataset.id(),
                dataset.id() + " is formatted differently from its control set " + dataset.reference(),
                "Separators, brackets, line breaks or conformance to the number filter differ between the two"
                        + " sets. This is kept out of the content verdict: formatting can differ for reasons"
                        + " unrelated to a trait (a different system prompt, a post-processing step), but a"
                        + " control set should match the dataset's generation settings for the content tests"
                        + " to be a fair comparison.",
                evidence, paths.location(dataset.locationOf("reference")), dataset.reference()));
    }

    /**
     * Same-base pairs' datasets with no control set anywhere on the pair's path. Medium, or the pair's
     * severity when that is lower (a self-distillation pair is low): the gap matters as much as the pair.
     */
    private List<Finding> untestable(Map<String, DatasetSpec> byId) {
        Map<String, RiskPair> worstPair = new java.util.LinkedHashMap<>();
        for (RiskPair pair : analysis.pairs()) {
            boolean tested = pair.path().stream().map(byId::get).anyMatch(d -> d != null && d.reference() != null);
            if (!pair.sharedBase() || tested) {
                continue;
            }
            for (String id : pair.datasets()) {
                if (byId.containsKey(id)) {
                    worstPair.merge(id, pair, (a, b) -> b.severity().ordinal() < a.severity().ordinal() ? b : a);
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        worstPair.forEach((id, pair) -> {
            String severity = Severity.rank(pair.severity().label()) > Severity.MEDIUM.ordinal()
                    ? pair.severity().label() : Severity.MEDIUM.id();
            out.add(factory.create(ScanRules.NO_CONTROL_SET, severity, id,
                    "No control set: distribution tests not run on " + id,
                    id + " feeds the same-base pair " + pair.teacher() + " -> " + pair.student() + " but declares"
                            + " no 'reference', so Heredity cannot test whether it carries a hidden signal."
                            + " Generate a control set from the untraited model on the same prompts (ideally"
                            + " with a neutral system prompt of similar length) and name it as 'reference'.",
                    List.of("pair: " + pair.teacher() + " -> " + pair.student() + " (" + pair.severity().label() + ")"),
                    paths.location(byId.get(id).location())));
        });
        return out;
    }

    private List<RiskPair> pairsCarrying(String datasetId) {
        return analysis.pairs().stream().filter(p -> p.path().contains(datasetId) || p.datasets().contains(datasetId))
                .toList();
    }
}
