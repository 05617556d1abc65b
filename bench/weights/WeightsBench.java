import com.sun.management.OperatingSystemMXBean;
import dev.heredity.weights.Checkpoint;
import dev.heredity.weights.LayerEvidence;
import dev.heredity.weights.TensorSource;
import dev.heredity.weights.WeightsComparison;
import dev.heredity.weights.WeightsOptions;
import dev.heredity.weights.WeightsResult;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times {@code heredity weights compare} on the generated checkpoints: the full matching test (per
 * layer: I/O + sketch, cosine GEMM, assignment; process CPU seconds, which other jobs on a shared
 * machine do not inflate) for the fine-tune pair and for the independent pair, then the default run
 * (first tier). Usage: {@code WeightsBench DIR [threads=2] [sketch=1024] [layers=all]}
 */
public final class WeightsBench {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int sketch = args.length > 2 ? Integer.parseInt(args[2]) : WeightsOptions.DEFAULT_SKETCH;
        int layers = args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
        WeightsOptions full = WeightsOptions.defaults().withShortcut(false).withThreads(threads).withSketch(sketch);
        System.out.printf(Locale.ROOT, "threads %d, sketch %s, layers %s%n", threads,
                sketch == 0 ? "off (exact cosines)" : String.valueOf(sketch),
                layers == Integer.MAX_VALUE ? "all" : String.valueOf(layers));

        run("full matching test, base vs tuned (shared init: base + 0.3 x noise)", dir, "tuned", full, layers);
        run("full matching test, base vs other (independent init)", dir, "other", full, layers);
        run("default run (first tier first), base vs tuned", dir, "tuned", full.withShortcut(true), layers);

        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%npeak heap (sum of pool peaks, an overestimate): %.0f MB, max heap %.0f MB%n",
                peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
    }

    private static void run(String title, Path dir, String other, WeightsOptions options, int layers) throws Exception {
        if (!Files.isDirectory(dir.resolve(other))) {
            System.out.printf("%n== %s: %s missing, skipped%n", title, dir.resolve(other));
            return;
        }
        double load0 = OS.getSystemLoadAverage();
        long cpu0 = OS.getProcessCpuTime();
        WeightsResult r;
        try (Checkpoint a = Checkpoint.open(dir.resolve("base"));
                Checkpoint b = Checkpoint.open(dir.resolve(other))) {
            r = WeightsComparison.compare(new FirstLayers(a, layers), new FirstLayers(b, layers), options);
        }
        double cpu = (OS.getProcessCpuTime() - cpu0) / 1e9;
        System.out.printf("%n== %s%n", title);
        report(r, cpu, load0, OS.getSystemLoadAverage());
    }

    private static void report(WeightsResult r, double cpu, double load0, double load1) {
        System.out.printf(Locale.ROOT, "%-22s %6s %8s %10s %8s %8s %8s %8s%n", "layer", "units", "stat", "p", "cosine",
                "io s", "gemm s", "lap s");
        double io = 0;
        double gemm = 0;
        double lap = 0;
        for (LayerEvidence l : r.layers()) {
            System.out.printf(Locale.ROOT, "%-22s %6d %8.4f %10.3g %8.4f %8.2f %8.2f %8.2f%n", l.name(), l.units(),
                    l.statistic(), l.pValue(), l.matchedCosine(), l.timing().io(), l.timing().gemm(),
                    l.timing().assignment());
            io += l.timing().io();
            gemm += l.timing().gemm();
            lap += l.timing().assignment();
        }
        int n = Math.max(1, r.layers().size());
        System.out.printf(Locale.ROOT, "verdict %s via %s, p %.3g; %d layer(s)%n", r.verdict().id(), r.method().id(),
                r.pValue(), r.layers().size());
        System.out.printf(Locale.ROOT, "wall %.1f s (per layer: io %.2f s, gemm %.2f s, lap %.2f s, total %.2f s);"
                + " process cpu %.1f s = %.2f cpu-s per layer; load average %.1f -> %.1f%n", r.seconds(), io / n,
                gemm / n, lap / n, r.seconds() / n, cpu, cpu / n, load0, load1);
        System.out.printf(Locale.ROOT, "32 layers: %.1f min of wall at this load; %.1f min on 2 idle cores if the cpu"
                + " time parallelises (cpu / 2)%n", 32 * r.seconds() / n / 60, 32 * cpu / n / 2 / 60);
    }

    /** A checkpoint seen through its first {@code layers} transformer layers (to time a slice). */
    private record FirstLayers(TensorSource source, int layers) implements TensorSource {
        private static final Pattern LAYER = Pattern.compile("(?:^|\\.)(?:layers|h)\\.(\\d+)\\.");

        @Override
        public String label() {
            return source.label();
        }

        @Override
        public Map<String, long[]> shapes() {
            Map<String, long[]> out = new LinkedHashMap<>();
            source.shapes().forEach((name, shape) -> {
                Matcher m = LAYER.matcher(name);
                if (!m.find() || Integer.parseInt(m.group(1)) < layers) {
                    out.put(name, shape);
                }
            });
            return out;
        }

        @Override
        public void read(String name, long fromElement, float[] dst) {
            source.read(name, fromElement, dst);
        }
    }
}
