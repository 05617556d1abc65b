import dev.heredity.weights.safetensors.Dtype;
import dev.heredity.weights.safetensors.SafetensorsWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes synthetic BF16 checkpoints with Llama-7B MLP shapes for the weights benchmark:
 * {@code base/} (gate_proj and up_proj of LAYERS layers, UNITS x FEATURES each, uniform with the
 * N(0, 0.02) variance), {@code tuned/} (base + 0.3 x fresh noise: a fine-tune, shared init) and
 * {@code other/} (an independent init of every layer: the null pair, the assignment's hard case).
 * Seeded and streamed (no tensor is held in memory).
 * Usage: {@code GenerateCheckpoints OUT [layers=4] [units=11008] [features=4096] [seed=1]}
 */
public final class GenerateCheckpoints {
    private static final int CHUNK = 1 << 16;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int layers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int units = args.length > 2 ? Integer.parseInt(args[2]) : 11008;
        int features = args.length > 3 ? Integer.parseInt(args[3]) : 4096;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        long t0 = System.nanoTime();
        write(out.resolve("base"), layers, units, features, seed, 0);
        write(out.resolve("tuned"), layers, units, features, seed, 0.3);
        write(out.resolve("other"), layers, units, features, seed + 1_000_003, 0);
        System.out.printf("generated %d layers x 2 tensors x %d x %d (BF16) in %.1f s%n", layers, units, features,
                (System.nanoTime() - t0) / 1e9);
    }

    private static void write(Path dir, int layers, int units, int features, long seed, double noise) throws Exception {
        Files.createDirectories(dir);
        List<SafetensorsWriter.Entry> entries = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            for (int v = 0; v < 2; v++) {
                String name = "model.layers." + l + ".mlp." + (v == 0 ? "gate_proj" : "up_proj") + ".weight";
                long tensorSeed = seed * 1_000_003L + l * 2L + v;
                entries.add(new SafetensorsWriter.Entry(name, Dtype.BF16, new long[] {units, features},
                        (from, chunk) -> fill(tensorSeed, from, chunk, noise)));
            }
        }
        SafetensorsWriter.write(dir.resolve("model.safetensors"), entries, Map.of("format", "pt"));
    }

    /** Uniform(-a, a) with a = 0.02 * sqrt(3) (sd 0.02), per 64k chunk from its own seed; plus noise x another draw. */
    private static void fill(long tensorSeed, long from, float[] chunk, double noise) {
        float a = (float) (0.02 * Math.sqrt(3));
        SplittableRandom base = new SplittableRandom(tensorSeed * 31 + from / CHUNK);
        SplittableRandom extra = new SplittableRandom(~(tensorSeed * 31 + from / CHUNK));
        for (int i = 0; i < chunk.length; i++) {
            float x = (float) ((base.nextDouble() * 2 - 1) * a);
            if (noise != 0) {
                x += (float) (noise * (extra.nextDouble() * 2 - 1) * a);
            }
            chunk[i] = x;
        }
    }
}
