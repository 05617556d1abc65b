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
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * False-positive rate on real null data: random halves of one real file (e.g. the control set), many
 * times. Usage: java -cp heredity.jar RealNullSplits.java FILE REPETITIONS PERMUTATIONS
 */
public class RealNullSplits {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<TextRecord> records = new ArrayList<>();
        int line = 0;
        for (String raw : Files.readAllLines(Path.of(args[0]))) {
            line++;
            if (!raw.isBlank()) {
                records.add(new TextRecord(line, null, json.readTree(raw).get("completion").asText()));
            }
        }
        int repetitions = Integer.parseInt(args[1]);
        int permutations = Integer.parseInt(args[2]);
        Map<String, Integer> at05 = new TreeMap<>();
        Map<String, Integer> at01 = new TreeMap<>();
        for (int rep = 0; rep < repetitions; rep++) {
            List<TextRecord> shuffled = new ArrayList<>(records);
            Collections.shuffle(shuffled, new Random(1000 + rep));
            int half = shuffled.size() / 2;
            Corpus corpus = Corpus.of(Modality.NUMBERS, shuffled.subList(0, half), shuffled.subList(half, 2 * half));
            DetectionReport report = Detection.run(corpus, permutations, 0.05, rep);
            for (TestResult test : report.tests()) {
                at05.merge(test.id(), test.pValue() < 0.05 ? 1 : 0, Integer::sum);
                at01.merge(test.id(), test.pValue() < 0.01 ? 1 : 0, Integer::sum);
            }
            at05.merge("format", report.format().test().pValue() < 0.05 ? 1 : 0, Integer::sum);
            at05.merge("verdict", report.pValue() < 0.05 ? 1 : 0, Integer::sum);
            at01.merge("verdict", report.pValue() < 0.01 ? 1 : 0, Integer::sum);
        }
        System.out.println(Path.of(args[0]).getFileName() + ": " + repetitions + " random halves of " + 2 * (records.size() / 2)
                + " records, B=" + permutations + "; rejections at 0.05: " + at05 + "; at 0.01: " + at01);
    }
}
