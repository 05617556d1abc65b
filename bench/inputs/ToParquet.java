import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * The same records as Parquet: each IN/*.jsonl shard becomes OUT/*.parquet (DuckDB, `messages` as a list of
 * structs, zstd). Usage: java -cp heredity.jar ToParquet.java IN OUT
 */
public class ToParquet {
    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        List<Path> shards;
        try (Stream<Path> files = Files.list(in)) {
            shards = files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList();
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            // Bounded, so a conversion next to other work neither swaps nor takes every core for long.
            s.execute("SET memory_limit = '2GB'");
            s.execute("SET threads = 2");
            for (Path shard : shards) {
                Path target = out.resolve(shard.getFileName().toString().replace(".jsonl", ".parquet"));
                s.execute("COPY (SELECT messages FROM read_json(" + literal(shard) + ", columns = {messages: "
                        + "'STRUCT(role VARCHAR, content VARCHAR)[]'}, format = 'newline_delimited')) TO "
                        + literal(target) + " (FORMAT parquet, COMPRESSION zstd)");
            }
        }
        System.out.println(out + ": " + shards.size() + " Parquet shards, " + size(out) / (1 << 20) + " MB");
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
