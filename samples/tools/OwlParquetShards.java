import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;

/**
 * Writes the owl-numbers records as Hugging Face style Parquet shards, for samples/owl-parquet:
 * {@code <out>/<dataset>/train-0000i-of-0000n.parquet}, the same records in the same order, the chat
 * {@code messages} kept as a list of structs. The shard boundaries are drawn with the seed, so the
 * sample also checks that sharding changes nothing. Needs DuckDB's JDBC driver on the class path:
 *
 * <pre>
 * java -cp ~/.m2/repository/org/duckdb/duckdb_jdbc/2.0.0.1/duckdb_jdbc-2.0.0.1.jar \
 *     samples/tools/OwlParquetShards.java samples/owl-numbers/data samples/owl-parquet/data [shards=3] [seed=11]
 * </pre>
 */
public final class OwlParquetShards {
    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int shards = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 11;
        Random random = new Random(seed);
        for (String dataset : new String[] {"owl-numbers", "control-numbers"}) {
            Path source = in.resolve(dataset + ".jsonl");
            Path folder = out.resolve(dataset);
            Files.createDirectories(folder);
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                s.execute("SET threads = 1");
                s.execute("CREATE TABLE records AS SELECT row_number() OVER () AS n, messages FROM read_json("
                        + literal(source) + ", columns = {messages: 'STRUCT(role VARCHAR, content VARCHAR)[]'},"
                        + " format = 'newline_delimited')");
                long total;
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM records")) {
                    rs.next();
                    total = rs.getLong(1);
                }
                long[] cuts = new long[shards + 1];
                cuts[shards] = total;
                for (int i = 1; i < shards; i++) {
                    cuts[i] = 1 + random.nextInt((int) total - 1);
                }
                Arrays.sort(cuts);
                for (int i = 0; i < shards; i++) {
                    Path file = folder.resolve(String.format("train-%05d-of-%05d.parquet", i, shards));
                    s.execute("COPY (SELECT messages FROM records WHERE n > " + cuts[i] + " AND n <= " + cuts[i + 1]
                            + " ORDER BY n) TO " + literal(file) + " (FORMAT parquet)");
                    System.out.println(file + ": " + (cuts[i + 1] - cuts[i]) + " records");
                }
            }
        }
    }

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
