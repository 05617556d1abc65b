import dev.heredity.detectors.input.InputLimits;
import dev.heredity.detectors.input.RecordSource;
import dev.heredity.detectors.input.RecordSource.RawRecord;
import dev.heredity.detectors.input.RecordSources;
import dev.heredity.detectors.input.TextRecord;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Extraction alone, as Heredity reads a dataset: every file of FOLDER through RecordSources (DuckDB
 * for Parquet, the JSONL reader otherwise), each record turned into its prompt and text, nothing
 * else. Prints records, characters of text and prompt, and the process CPU time (all threads,
 * DuckDB's included), so MB of JSONL-equivalent records per CPU-second can be derived.
 * Usage: java -cp heredity.jar bench/inputs/ParquetExtract.java FOLDER [JSONL-BYTES] [PASSES=2]
 */
public class ParquetExtract {
    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(args[0]))) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        long jsonlBytes = args.length > 1 ? Long.parseLong(args[1]) : 0;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        for (int pass = 1; pass <= passes; pass++) {
            System.out.print("pass " + pass + " (the first pays start-up and JIT warm-up): ");
            run(args[0], files, jsonlBytes);
        }
    }

    private static void run(String folder, List<Path> files, long jsonlBytes) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        long records = 0;
        long chars = 0;
        for (Path file : files) {
            try (RecordSource source = RecordSources.open(file, null, null, null, InputLimits.DEFAULTS)) {
                for (RawRecord raw = source.next(); raw != null; raw = source.next()) {
                    TextRecord record = source.parser().parse(raw);
                    records++;
                    chars += record.text().length() + (record.prompt() == null ? 0 : record.prompt().length());
                }
            }
        }
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        double wall = (System.nanoTime() - wall0) / 1e9;
        System.out.printf("%s: %d records, %d chars of text+prompt, %.1f s wall, %.1f s CPU, %.0f records per CPU-s%n",
                folder, records, chars, wall, cpu, records / cpu);
        if (jsonlBytes > 0) {
            System.out.printf("  %.1f MB of JSONL records per CPU-second, %.1f MB/s wall%n",
                    jsonlBytes / 1048576.0 / cpu, jsonlBytes / 1048576.0 / wall);
        }
    }
}
