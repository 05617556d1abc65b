package dev.heredity.audit.scan;

import dev.heredity.audit.report.Finding;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.TraceHop;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.lineage.manifest.TrainingSpec;
import dev.heredity.lineage.manifest.Trait;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Findings from the lineage analysis: one per risk pair, one per multi-hop trait propagation. */
final class PairFindings {
    private static final String MECHANISM = "Traits can pass through generated data that looks unrelated to"
            + " them when teacher and student share an initialisation (Cloud et al., 2025). Mitigate by"
            + " generating with a model of another base, or test the data against a control set generated"
            + " by the untraited model on the same prompts.";

    private final LineageAnalysis analysis;
    private final FindingFactory factory;
    private final DisplayPaths paths;

    PairFindings(LineageAnalysis analysis, FindingFactory factory, DisplayPaths paths) {
        this.analysis = analysis;
        this.factory = factory;
        this.paths = paths;
    }

    List<Finding> pairs() {
        List<Finding> out = new ArrayList<>();
        for (RiskPair pair : analysis.pairs()) {
            String subject = pair.teacher() + " -> " + pair.student();
            List<String> evidence = new ArrayList<>();
            evidence.add("path: " + String.join(" -> ", pair.path()));
            evidence.add("datasets: " + String.join(", ", pair.datasets()));
            if (pair.sharedBase()) {
                evidence.add("shared base: " + String.join(", ", pair.sharedRoots()));
            }
            traits(pair.teacher()).forEach(t -> evidence.add("teacher trait: " + describe(t)));
            String severity = pair.severity().label();
            Finding finding = pair.sharedBase()
                    ? factory.create(ScanRules.SAME_BASE_PAIR, severity, subject,
                            pair.teacher() + "'s generated data trains " + pair.student() + ", which shares its base",
                            sentence(pair.reason()) + " " + MECHANISM, evidence, paths.location(pair.location()),
                            pair.training())
                    : factory.create(ScanRules.CROSS_BASE_PAIR, severity, subject,
                            pair.teacher() + "'s generated data trains " + pair.student() + " (another base)",
                            sentence(pair.reason()),
                            evidence, paths.location(pair.location()), pair.training());
            out.add(finding);
        }
        return out;
    }

    /** Models reached from a traited teacher through two or more generate-then-train hops, all same-base. */
    List<Finding> propagation() {
        List<Finding> out = new ArrayList<>();
        for (ModelSpec model : analysis.manifest().models()) {
            if (model.traits().isEmpty()) {
                continue;
            }
            List<TraceHop> hops = analysis.trace(model.id());
            Map<String, TraceHop> byEdge = new HashMap<>();
            hops.forEach(h -> byEdge.putIfAbsent(h.teacher() + "\n" + h.student(), h));
            boolean harmful = model.traits().stream().anyMatch(Trait::harmful);
            for (TraceHop hop : hops) {
                List<TraceHop> steps = hop.depth() < 2 ? List.of() : steps(hop.chain(), byEdge);
                if (steps.size() < 2 || !steps.stream().allMatch(TraceHop::sameBase)) {
                    continue;
                }
                List<String> evidence = new ArrayList<>();
                evidence.add("chain: " + String.join(" -> ", hop.chain()));
                for (int i = 0; i < steps.size(); i++) {
                    evidence.add("hop " + (i + 1) + ": " + String.join(" -> ", steps.get(i).path()));
                }
                model.traits().forEach(t -> evidence.add("origin trait: " + describe(t)));
                out.add(factory.create(ScanRules.TRAIT_PROPAGATION, harmful ? "high" : "medium",
                        model.id() + " => " + hop.student(),
                        hop.student() + " may inherit " + model.id() + "'s traits through " + steps.size()
                                + " same-base generate-then-train hops",
                        "Every hop on this chain joins models that share an initialisation, so a trait that"
                                + " transfers at the first hop can be carried on by the student's own generated"
                                + " data (and by models built from its weights). Audit each intermediate dataset as"
                                + " well as the first one.",
                        evidence, paths.location(trainingLocation(hop.training())),
                        String.join(">", hop.chain())));
            }
        }
        return out;
    }

    /**
     * The generate-then-train hops along a chain of model ids. Links between consecutive ids that are not
     * hops (a merge or fine-tune carrying a student's weights into the next teacher) are passed over.
     */
    private static List<TraceHop> steps(List<String> chain, Map<String, TraceHop> byEdge) {
        List<TraceHop> steps = new ArrayList<>();
        int from = 0;
        for (int j = 1; j < chain.size(); j++) {
            for (int k = j - 1; k >= from; k--) {
                TraceHop step = byEdge.get(chain.get(k) + "\n" + chain.get(j));
                if (step != null) {
                    steps.add(step);
                    from = j;
                    break;
                }
            }
        }
        return steps;
    }

    private dev.heredity.lineage.SourceLocation trainingLocation(String trainingId) {
        return analysis.manifest().trainings().stream().filter(t -> t.id().equals(trainingId))
                .map(TrainingSpec::location).findFirst().orElse(null);
    }

    /** Declared traits of the model and those inherited in weights from its bases. */
    List<Trait> traits(String modelId) {
        return analysis.graph().traitsOf(modelId);
    }

    static String describe(Trait trait) {
        StringBuilder s = new StringBuilder(trait.name());
        if (trait.source() != null) {
            s.append(" (").append(trait.source()).append(trait.harmful() ? ", harmful" : "").append(')');
        } else if (trait.harmful()) {
            s.append(" (harmful)");
        }
        return s.toString();
    }

    static String sentence(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String t = text.strip();
        String capital = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return capital.endsWith(".") ? capital : capital + ".";
    }
}
