import dev.heredity.detectors.Modality;
import dev.heredity.detectors.ProgressListener;
import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.features.CorpusBuilder;
import dev.heredity.detectors.features.CorpusReader;
import dev.heredity.detectors.features.RecordFeaturizer;
import dev.heredity.detectors.DatasetInput;
import dev.heredity.detectors.input.InputLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Feature-extraction throughput (parse + full-pass format tally + Lucene tokenisation + format/prompt
 * classes + interning of every record) of one file, in MB/s of input, best of 3 runs after one warm-up. Usage: java -cp heredity.jar ExtractionBench.java FILE
 */
public class ExtractionBench {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        double megabytes = Files.size(file) / 1e6;
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        int records = 0;
        for (int run = 0; run < 4; run++) {
            long start = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            CorpusBuilder builder = new CorpusBuilder(Modality.NUMBERS);
            CorpusReader reader = new CorpusReader(pool, threads, new RecordFeaturizer(Modality.NUMBERS));
            CorpusReader.Side side = reader.read("bench", DatasetInput.of(file),
                    new CorpusReader.Options(null, InputLimits.DEFAULTS, 0, 0, 1, false), null, ProgressListener.NONE);
            reader.featurize(side.tested(), builder);
            Corpus corpus = builder.build();
            double seconds = (System.nanoTime() - start) / 1e9;
            records = corpus.size();
            double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
            if (run > 0) {
                best = Math.min(best, seconds);
                bestCpu = Math.min(bestCpu, cpu);
            }
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "extraction: %s, %.1f MB, %d records, %d threads: best %.3f s wall = %.1f MB/s;"
                + " %.3f CPU-s = %.1f MB per CPU-second (x%d cores = %.1f MB/s if the cores were free)%n",
                file.getFileName(), megabytes, records, threads, best, megabytes / best, bestCpu, megabytes / bestCpu,
                threads, threads * megabytes / bestCpu);
    }
}
