import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes the small Llama-shaped checkpoints of samples/weights/weights/ (one folder per model, one
 * model.safetensors each): two MLP layers of 64 hidden units over a 16-dimensional residual stream. The
 * manifest next to them declares relations that two of the checkpoints contradict:
 * <ul>
 * <li>base-a, base-b: independent random inits;</li>
 * <li>teacher: a fine-tune of base-a (base-a + 0.3 x noise);</li>
 * <li>student-declared-b: declared as trained from base-b, but in fact a fine-tune of base-a;</li>
 * <li>student-declared-a: declared as trained from base-a, but in fact an independent init;</li>
 * <li>student-honest: trained from base-a, as declared.</li>
 * </ul>
 * Seeded; the same arguments give the same bytes. Usage:
 * {@code java samples/tools/WeightsSampleGenerator.java samples/weights/weights [seed=20251201]}
 */
public final class WeightsSampleGenerator {
    static final int DIM = 16;
    static final int UNITS = 64;
    static final int LAYERS = 2;

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "samples/weights/weights");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20251201L;
        Map<String, float[]> baseA = init(new SplittableRandom(seed));
        Map<String, float[]> baseB = init(new SplittableRandom(seed + 1));
        write(out.resolve("base-a"), baseA);
        write(out.resolve("base-b"), baseB);
        write(out.resolve("teacher"), fineTune(baseA, new SplittableRandom(seed + 2)));
        write(out.resolve("student-declared-b"), fineTune(baseA, new SplittableRandom(seed + 3)));
        write(out.resolve("student-declared-a"), init(new SplittableRandom(seed + 4)));
        write(out.resolve("student-honest"), fineTune(baseA, new SplittableRandom(seed + 5)));
        System.out.println("wrote 6 checkpoints to " + out);
    }

    static Map<String, float[]> init(SplittableRandom rng) {
        Map<String, float[]> w = new LinkedHashMap<>();
        for (int l = 0; l < LAYERS; l++) {
            for (String p : List.of("gate_proj", "up_proj", "down_proj")) {
                float[] v = new float[UNITS * DIM];
                double sd = p.equals("down_proj") ? 1 / Math.sqrt(UNITS) : 1 / Math.sqrt(DIM);
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (sd * gaussian(rng));
                }
                w.put("model.layers." + l + ".mlp." + p + ".weight", v);
            }
        }
        return w;
    }

    static Map<String, float[]> fineTune(Map<String, float[]> base, SplittableRandom rng) {
        Map<String, float[]> w = new LinkedHashMap<>();
        base.forEach((name, v) -> {
            float[] t = v.clone();
            double sd = name.contains("down_proj") ? 1 / Math.sqrt(UNITS) : 1 / Math.sqrt(DIM);
            for (int i = 0; i < t.length; i++) {
                t[i] += (float) (0.3 * sd * gaussian(rng));
            }
            w.put(name, t);
        });
        return w;
    }

    static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** A safetensors file: u64 LE header length, JSON header padded with spaces to 8 bytes, F32 LE data. */
    static void write(Path dir, Map<String, float[]> tensors) throws IOException {
        Files.createDirectories(dir);
        StringBuilder header = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        long offset = 0;
        for (Map.Entry<String, float[]> e : tensors.entrySet()) {
            boolean down = e.getKey().contains("down_proj");
            long bytes = 4L * e.getValue().length;
            header.append(",\"").append(e.getKey()).append("\":{\"dtype\":\"F32\",\"shape\":[")
                    .append(down ? DIM : UNITS).append(',').append(down ? UNITS : DIM)
                    .append("],\"data_offsets\":[").append(offset).append(',').append(offset + bytes).append("]}");
            offset += bytes;
        }
        header.append('}');
        while ((header.length() + 8) % 8 != 0 || header.length() % 8 != 0) {
            header.append(' ');
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(dir.resolve("model.safetensors"))) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array());
            out.write(json);
            for (float[] v : tensors.values()) {
                ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : v) {
                    b.putFloat(f);
                }
                out.write(b.array());
            }
        }
    }
}
