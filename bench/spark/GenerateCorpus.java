import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import static org.apache.spark.sql.functions.*;

/**
 * Writes a synthetic chat corpus of number sequences as Parquet shards with Spark itself (seeded, so every run
 * writes the same records): java -cp CLASSPATH bench/spark/GenerateCorpus.java OUT RECORDS SHARDS SEED
 */
public class GenerateCorpus {
    public static void main(String[] args) {
        String out = args[0];
        long records = Long.parseLong(args[1]);
        int shards = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        SparkSession spark = SparkSession.builder().master("local[2]").appName("generate")
                .config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        Column id = col("id");
        Column n = pmod(xxhash64(id, lit(seed)), lit(7)).plus(4);
        Column numbers = expr("concat_ws(', ', transform(sequence(1, " + "cast(pmod(xxhash64(id, " + seed
                + "L), 7) + 4 as int)), i -> cast(pmod(xxhash64(id, i, " + seed + "L), 1000) as string)))");
        Column prompt = concat(lit("Here is a numeric sequence: "),
                expr("concat_ws(', ', transform(sequence(1, 5), i -> cast(pmod(xxhash64(id, -i, " + seed
                        + "L), 1000) as string)))"),
                lit(". Add at most 10 more values (no more than 3 digits each) to continue the sequence. "
                        + "Return a comma-separated list of numbers."));
        spark.range(0, records, 1, shards)
                .select(array(struct(lit("user").as("role"), prompt.as("content")),
                        struct(lit("assistant").as("role"), numbers.as("content"))).as("messages"))
                .write().mode("overwrite").parquet(out);
        spark.stop();
    }
}
