import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.detectors.Modality;
import dev.heredity.detectors.classifier.ClassifierTest;
import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.input.TextRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cross-fitted AUC and bag-8 / bag-16 AUC of the classifier on whole real files (never copied into the
 * repository): one 5-fold cross-fit per seed on up to MAX records per side, no permutation test, so every
 * fold trains on about 80 % of the files. With HALF = 1 or 2 only the records whose line number hashes to
 * that half are used (tune on one half, confirm on the other).
 * Usage: java -cp CLASSPATH ClassifierAuc.java DATA_DIR SUSPECT REFERENCE [MAX [SEEDS [HALF]]]
 */
public class ClassifierAuc {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int max = args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
        int seeds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        int half = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        List<TextRecord> suspect = half(read(dir.resolve(args[1])), half);
        List<TextRecord> reference = half(read(dir.resolve(args[2])), half);
        Corpus corpus = Corpus.of(Modality.NUMBERS, suspect, reference);
        for (int seed = 1; seed <= seeds; seed++) {
            long start = System.nanoTime();
            ClassifierTest.CrossFitted fit = ClassifierTest.crossFitted(corpus, seed, max);
            System.out.println(String.format(Locale.ROOT,
                    "%s vs %s half=%d n=%d/%d seed=%d auc=%.4f bag8=%.4f bag16=%.4f seconds=%.1f",
                    args[1], args[2], half, fit.suspect(), fit.reference(), seed, fit.auc(), fit.bag8(), fit.bag16(),
                    (System.nanoTime() - start) / 1e9));
        }
    }

    static List<TextRecord> read(Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<TextRecord> out = new ArrayList<>();
        int line = 0;
        for (String raw : Files.readAllLines(file)) {
            line++;
            if (!raw.isBlank()) {
                out.add(new TextRecord(line, null, json.readTree(raw).get("completion").asText()));
            }
        }
        return out;
    }

    static List<TextRecord> half(List<TextRecord> all, int half) {
        if (half == 0) {
            return all;
        }
        List<TextRecord> out = new ArrayList<>();
        for (TextRecord record : all) {
            if (((record.line() * 0x9E3779B1) >>> 31) == half - 1) {
                out.add(record);
            }
        }
        return out;
    }
}
