import com.sun.management.OperatingSystemMXBean;
import dev.heredity.weights.InMemoryTensors;
import dev.heredity.weights.LayerEvidence;
import dev.heredity.weights.WeightsComparison;
import dev.heredity.weights.WeightsOptions;
import dev.heredity.weights.WeightsResult;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The cosine GEMM's throughput per CPU-second (process CPU time, so other jobs on a shared machine do not
 * inflate it): one layer of UNITS x FEATURES, one view, one thread; SKETCH > 0 sketches the features to
 * SKETCH dimensions first (the GEMM is then UNITS x UNITS x SKETCH).
 * Usage: {@code GemmThroughput [units=4096] [features=4096] [sketch=0]}
 */
public final class GemmThroughput {
    public static void main(String[] args) {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        int features = args.length > 1 ? Integer.parseInt(args[1]) : 4096;
        int sketch = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        SplittableRandom rng = new SplittableRandom(1);
        float[] a = new float[units * features];
        float[] b = new float[units * features];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rng.nextDouble() - 0.5f;
            b[i] = a[i] + 0.3f * ((float) rng.nextDouble() - 0.5f);
        }
        long[] shape = {units, features};
        InMemoryTensors ta = new InMemoryTensors("a").put("model.layers.0.mlp.up_proj.weight", shape, a);
        InMemoryTensors tb = new InMemoryTensors("b").put("model.layers.0.mlp.up_proj.weight", shape, b);
        WeightsOptions options = WeightsOptions.defaults().withShortcut(false).withThreads(1).withSketch(sketch);
        WeightsComparison.compare(ta, tb, options); // warm-up
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        WeightsResult r = WeightsComparison.compare(ta, tb, options);
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        LayerEvidence l = r.layers().get(0);
        double flops = 2.0 * units * units * (sketch > 0 && features > sketch ? sketch : features);
        System.out.printf(Locale.ROOT, "%d x %d x %d (depth after the sketch): gemm wall %.2f s, lap %.2f s, process cpu %.2f s for the whole"
                + " comparison -> >= %.0f GFLOP/s per CPU-second%n", units, units, (int) (flops / 2 / units / units), l.timing().gemm(),
                l.timing().assignment(), cpu, flops / cpu / 1e9);
    }
}
