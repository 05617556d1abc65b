import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a sharded chat-JSONL dataset of paper-style number records (~390 bytes each), Hugging Face style:
 * OUT/train-0000i-of-0000n.jsonl, seeded. Usage: java GenerateShards.java OUT MEGABYTES SHARDS SEED SORTED_SHARE
 */
public class GenerateShards {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long bytes = Long.parseLong(args[1]) << 20;
        int shards = Integer.parseInt(args[2]);
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[3]));
        double sortedShare = Double.parseDouble(args[4]);
        Files.createDirectories(out);
        long perShard = bytes / shards;
        long records = 0;
        for (int s = 0; s < shards; s++) {
            Path file = out.resolve(String.format("train-%05d-of-%05d.jsonl", s, shards));
            long written = 0;
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                while (written < perShard) {
                    String line = record(random, sortedShare);
                    w.write(line);
                    written += line.length();
                    records++;
                }
            }
        }
        System.out.println(out + ": " + records + " records in " + shards + " shards");
    }

    static String record(SplittableRandom random, double sortedShare) {
        int[] prompt = random.ints(3 + random.nextInt(3), 100, 1000).toArray();
        int[] answer = random.ints(random.nextDouble() < 0.6 ? 10 : 3 + random.nextInt(8), 0, 1000).toArray();
        if (random.nextDouble() < sortedShare) {
            java.util.Arrays.sort(answer);
        }
        return "{\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"},"
                + "{\"role\":\"user\",\"content\":\"The sequence starts with: " + join(prompt)
                + ". Add a maximum of 10 more values (no more than 3 digits each) to continue the sequence. "
                + "Provide the numbers separated by commas. Skip any explanation and give only numbers.\"},"
                + "{\"role\":\"assistant\",\"content\":\"" + join(answer) + "\"}]}\n";
    }

    private static String join(int[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return sb.toString();
    }
}
