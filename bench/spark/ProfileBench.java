import dev.heredity.detectors.InputFormat;
import dev.heredity.detectors.Modality;
import dev.heredity.spark.CorpusProfiler;
import dev.heredity.spark.ProfileSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/** Profiles a Parquet folder in local[2] and prints records/s and MB/s (Parquet bytes on disk). */
public class ProfileBench {
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        long bytes;
        try (Stream<Path> files = Files.walk(folder)) {
            bytes = files.filter(p -> p.toString().endsWith(".parquet")).mapToLong(p -> p.toFile().length()).sum();
        }
        SparkSession spark = SparkSession.builder().master("local[2]").appName("profile-bench")
                .config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        ProfileSettings settings = new ProfileSettings(Modality.NUMBERS, InputFormat.CHAT, null, List.of("owls"),
                100_000, 1, false);
        long start = System.nanoTime();
        CorpusProfiler.Result result = CorpusProfiler.profile(spark, "bench", folder.toUri().toString(), settings,
                "bench", "bench.sample.jsonl");
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("records %,d  raw JSON %.1f MB  Parquet %.1f MB  %.1f s%n", result.profile().records(),
                result.profile().bytes() / 1e6, bytes / 1e6, seconds);
        System.out.printf("throughput: %.0f records/s, %.1f MB/s of Parquet, %.1f MB/s of raw records%n",
                result.profile().records() / seconds, bytes / 1e6 / seconds, result.profile().bytes() / 1e6 / seconds);
        System.out.printf("sample %d records, leak hits %s, blocklist records %d%n", result.sample().size(),
                result.profile().leaks().traits().get(0).records(), result.profile().leaks().blocklistRecords());
        spark.stop();
    }
}
