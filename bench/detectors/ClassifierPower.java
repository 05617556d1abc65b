import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.detectors.Detection;
import dev.heredity.detectors.DetectionReport;
import dev.heredity.detectors.Modality;
import dev.heredity.detectors.TestResult;
import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.input.TextRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Power and false-positive rate of the suite on the shared real data (never copied into the repository).
 * Each line: one random subset (seeded) of n records per side, default settings (999 permutations, alpha 0.01).
 * Usage: java -cp CLASSPATH ClassifierPower.java DATA_DIR MODE [args]
 *   MODE pair SUSPECT REFERENCE N REPS   - disjoint random subsets of each file
 *   MODE halves FILE N REPS              - two disjoint random halves of one file (null data)
 */
public class ClassifierPower {
    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String mode = args[1];
        if (mode.equals("pair")) {
            List<TextRecord> suspect = read(dir.resolve(args[2]));
            List<TextRecord> reference = read(dir.resolve(args[3]));
            int n = Integer.parseInt(args[4]);
            int reps = Integer.parseInt(args[5]);
            for (int rep = 0; rep < reps; rep++) {
                List<TextRecord> s = subset(suspect, n, 1000 + rep);
                List<TextRecord> r = subset(reference, n, 2000 + rep);
                report(args[2] + " vs " + args[3], n, rep, s, r);
            }
        } else {
            List<TextRecord> all = read(dir.resolve(args[2]));
            int n = Integer.parseInt(args[3]);
            int reps = Integer.parseInt(args[4]);
            for (int rep = 0; rep < reps; rep++) {
                List<TextRecord> shuffled = subset(all, 2 * Math.min(n, all.size() / 2), 3000 + rep);
                int half = shuffled.size() / 2;
                report(args[2] + " halves", half, rep, shuffled.subList(0, half), shuffled.subList(half, 2 * half));
            }
        }
    }

    static void report(String name, int n, int rep, List<TextRecord> s, List<TextRecord> r) {
        long start = System.nanoTime();
        Corpus corpus = Corpus.of(Modality.NUMBERS, s, r);
        DetectionReport report = Detection.run(corpus, 999, 0.01, 17L + rep);
        TestResult classifier = report.tests().stream().filter(t -> t.id().equals("classifier")).findFirst()
                .orElse(null);
        StringBuilder tables = new StringBuilder();
        for (TestResult t : report.tests()) {
            tables.append(String.format(Locale.ROOT, " %s=%.3g", t.id(), t.pValue()));
        }
        System.out.println(String.format(Locale.ROOT,
                "%s n=%d rep=%d verdict=%s combined=%.3g auc=%.4f bag8=%.4f bag16=%.4f classifierP=%.4g refits=%d "
                        + "mde=%.4f needed=%d%s seconds=%.1f",
                name, n, rep, report.verdict(), report.pValue(),
                report.classifier() == null ? 0.5 : report.classifier().auc().estimate(),
                report.classifier() == null ? 0.5 : report.classifier().bag8().estimate(),
                report.classifier() == null ? 0.5 : report.classifier().bag16().estimate(),
                classifier == null ? 1 : classifier.pValue(),
                report.classifier() == null ? 0 : report.classifier().refits(),
                report.power() == null ? 1 : report.power().minimumDetectableAuc(),
                report.power() == null ? -1 : report.power().recordsNeededPerSide(), tables,
                (System.nanoTime() - start) / 1e9));
    }

    static List<TextRecord> subset(List<TextRecord> all, int n, long seed) {
        List<TextRecord> copy = new ArrayList<>(all);
        Collections.shuffle(copy, new Random(seed));
        return copy.subList(0, Math.min(n, copy.size()));
    }

    static List<TextRecord> read(Path file) throws Exception {
        List<TextRecord> out = new ArrayList<>();
        int line = 0;
        for (String raw : Files.readAllLines(file)) {
            line++;
            if (raw.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(raw);
            JsonNode text = node.has("completion") ? node.get("completion") : node.get("text");
            out.add(new TextRecord(line, node.has("prompt") ? node.get("prompt").asText() : null, text.asText()));
        }
        return out;
    }
}
