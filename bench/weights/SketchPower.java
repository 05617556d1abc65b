import dev.heredity.weights.InMemoryTensors;
import dev.heredity.weights.LayerEvidence;
import dev.heredity.weights.WeightsComparison;
import dev.heredity.weights.WeightsOptions;
import dev.heredity.weights.WeightsResult;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Power of the sketched matching test against the exact one (load-independent figures): one
 * Llama-style layer (gate and up views, UNITS x FEATURES, Gaussian), a "fine-tune" that adds
 * c x fresh noise of the same scale (unit cosine 1 / sqrt(1 + c^2)) and permutes the hidden units, and
 * independent null pairs. Prints rho and the one-layer p for each c and sketch width.
 * Usage: {@code SketchPower [units=4096] [features=4096] [nulls=10]}
 */
public final class SketchPower {
    public static void main(String[] args) {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        int features = args.length > 1 ? Integer.parseInt(args[1]) : 4096;
        int nulls = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int[] sketches = {0, 1024, 512};
        double[] noises = {1, 3, 5, 8, 12, 20};
        WeightsOptions full = WeightsOptions.defaults().withShortcut(false).withThreads(2);
        SplittableRandom rng = new SplittableRandom(7);
        InMemoryTensors base = layer("base", units, features, rng, null, 0);
        System.out.printf(Locale.ROOT, "%d units x %d features, two views, one layer%n", units, features);
        System.out.printf(Locale.ROOT, "%-6s %-7s", "c", "cosine");
        for (int k : sketches) {
            System.out.printf(Locale.ROOT, " | %-22s", k == 0 ? "exact: rho, p" : "sketch " + k + ": rho, p");
        }
        System.out.println();
        for (double c : noises) {
            InMemoryTensors tuned = layer("tuned", units, features, rng, base, c);
            System.out.printf(Locale.ROOT, "%-6.1f %-7.3f", c, 1 / Math.sqrt(1 + c * c));
            for (int k : sketches) {
                LayerEvidence l = WeightsComparison.compare(base, tuned, full.withSketch(k)).layers().get(0);
                System.out.printf(Locale.ROOT, " | %8.4f %13.3g", l.statistic(), l.pValue());
            }
            System.out.println();
        }
        for (int k : sketches) {
            int rejected = 0;
            StringBuilder ps = new StringBuilder();
            for (int i = 0; i < nulls; i++) {
                InMemoryTensors a = layer("a", units, features, rng, null, 0);
                InMemoryTensors b = layer("b", units, features, rng, null, 0);
                WeightsResult r = WeightsComparison.compare(a, b, full.withSketch(k));
                rejected += r.pValue() < 0.01 ? 1 : 0;
                ps.append(String.format(Locale.ROOT, " %.2f", r.pValue()));
            }
            System.out.printf(Locale.ROOT, "null pairs, %s: %d of %d rejected at 0.01; p:%s%n",
                    k == 0 ? "exact" : "sketch " + k, rejected, nulls, ps);
        }
    }

    private static InMemoryTensors layer(String label, int units, int features, SplittableRandom rng,
            InMemoryTensors from, double noise) {
        InMemoryTensors t = new InMemoryTensors(label);
        int[] order = permutation(units, rng);
        for (String role : new String[] {"gate_proj", "up_proj"}) {
            String name = "model.layers.0.mlp." + role + ".weight";
            float[] w = new float[units * features];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) rng.nextGaussian();
            }
            if (from != null) {
                float[] original = new float[units * features];
                from.read(name, 0, original);
                for (int i = 0; i < units; i++) {
                    for (int p = 0; p < features; p++) {
                        w[i * features + p] = original[order[i] * features + p] + (float) noise * w[i * features + p];
                    }
                }
            }
            t.put(name, new long[] {units, features}, w);
        }
        return t;
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
