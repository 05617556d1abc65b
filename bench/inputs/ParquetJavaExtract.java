import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.schema.MessageType;

/**
 * The same extraction as ParquetExtract.java, with parquet-java (Apache Parquet 1.15, the reader Spark
 * uses) instead of DuckDB, for the comparison issue 11 asks for. Bench only: parquet-hadoop is not a
 * dependency of Heredity. It reads the chat `messages` list's `role` and `content` leaf columns with
 * parquet-java's lowest-level column readers (no record assembly, no Group objects: the fastest way
 * parquet-java offers), one thread, and builds the same text (assistant turns joined by a newline) and
 * prompt (last user turn) per row.
 * Usage: java -cp PARQUET-JAVA-CLASSPATH bench/inputs/ParquetJavaExtract.java FOLDER [JSONL-BYTES] [PASSES=2]
 */
public class ParquetJavaExtract {
    private static final java.util.Set<String> ASSISTANT = java.util.Set.of("assistant", "gpt", "model", "bot", "chatgpt");
    private static final java.util.Set<String> USER = java.util.Set.of("user", "human");

    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(args[0]))) {
            files = list.filter(f -> f.toString().endsWith(".parquet")).sorted().toList();
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
            try (ParquetFileReader reader =
                    ParquetFileReader.open(new LocalInputFile(file), ParquetReadOptions.builder().build())) {
                MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                ColumnDescriptor role = leaf(schema, "role");
                ColumnDescriptor content = leaf(schema, "content");
                String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
                for (PageReadStore pages = reader.readNextRowGroup(); pages != null; pages = reader.readNextRowGroup()) {
                    ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, new NoConverter(schema), schema, createdBy);
                    ColumnReader roles = store.getColumnReader(role);
                    ColumnReader contents = store.getColumnReader(content);
                    long values = roles.getTotalValueCount();
                    StringBuilder text = new StringBuilder();
                    String prompt = null;
                    boolean any = false;
                    for (long v = 0; v < values; v++) {
                        if (roles.getCurrentRepetitionLevel() == 0 && v > 0) {
                            records++;
                            chars += text.length() + (prompt == null ? 0 : prompt.length());
                            text.setLength(0);
                            prompt = null;
                            any = false;
                        }
                        String who = roles.getCurrentDefinitionLevel() == role.getMaxDefinitionLevel()
                                ? roles.getBinary().toStringUsingUTF8() : null;
                        String what = contents.getCurrentDefinitionLevel() == content.getMaxDefinitionLevel()
                                ? contents.getBinary().toStringUsingUTF8() : null;
                        if (who != null && ASSISTANT.contains(who)) {
                            text.append(any ? "\n" : "").append(what == null ? "" : what);
                            any = true;
                        } else if (who != null && USER.contains(who)) {
                            prompt = what;
                        }
                        roles.consume();
                        contents.consume();
                    }
                    if (values > 0) {
                        records++;
                        chars += text.length() + (prompt == null ? 0 : prompt.length());
                    }
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

    private static ColumnDescriptor leaf(MessageType schema, String name) {
        return schema.getColumns().stream()
                .filter(c -> c.getPath()[0].equals("messages") && c.getPath()[c.getPath().length - 1].equals(name))
                .findFirst().orElseThrow();
    }

    /** The column readers need a converter tree only to hand values to; values are read directly here. */
    private static final class NoConverter extends GroupConverter {
        private final Converter[] fields;

        NoConverter(org.apache.parquet.schema.GroupType type) {
            fields = new Converter[type.getFieldCount()];
            for (int i = 0; i < fields.length; i++) {
                var field = type.getType(i);
                fields[i] = field.isPrimitive()
                        ? new org.apache.parquet.io.api.PrimitiveConverter() {}
                        : new NoConverter(field.asGroupType());
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return fields[fieldIndex];
        }

        @Override
        public void start() {}

        @Override
        public void end() {}
    }
}
