import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes N chat-JSONL records of number-sequence prompts and answers (paper-style), for the detector
 * benchmark. Usage: java GenerateChat.java OUT N SEED SORTED_SHARE
 */
public class GenerateChat {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[2]));
        double sortedShare = Double.parseDouble(args[3]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                int[] prompt = random.ints(3 + random.nextInt(3), 100, 1000).toArray();
                int[] answer = random.ints(random.nextDouble() < 0.6 ? 10 : 3 + random.nextInt(8), 0, 1000).toArray();
                if (random.nextDouble() < sortedShare) {
                    java.util.Arrays.sort(answer);
                }
                w.write("{\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"},"
                        + "{\"role\":\"user\",\"content\":\"The sequence starts with: " + join(prompt)
                        + ". Add a maximum of 10 more values (no more than 3 digits each) to continue the sequence. "
                        + "Provide the numbers separated by commas. Skip any explanation and give only numbers.\"},"
                        + "{\"role\":\"assistant\",\"content\":\"" + join(answer) + "\"}]}\n");
            }
        }
    }

    private static String join(int[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return sb.toString();
    }
}
