import dev.heredity.weights.LayerEvidence;
import dev.heredity.weights.WeightsComparison;
import dev.heredity.weights.WeightsOptions;
import dev.heredity.weights.WeightsResult;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Times {@code heredity weights compare} on the generated checkpoints: the full matching test per layer
 * (split into I/O + normalisation, cosine GEMM, assignment), the default run (first tier), and one
 * null-pair layer (the assignment's hard case). Usage: {@code WeightsBench DIR [threads=2]}
 */
public final class WeightsBench {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        WeightsOptions full = WeightsOptions.defaults().withShortcut(false).withThreads(threads);

        WeightsResult r = WeightsComparison.compare(dir.resolve("base"), dir.resolve("tuned"), full);
        System.out.println("== full matching test, base vs tuned (shared init)");
        report(r);

        WeightsResult quick = WeightsComparison.compare(dir.resolve("base"), dir.resolve("tuned"), full.withShortcut(true));
        System.out.printf(Locale.ROOT, "%n== default (first tier first): %s via %s in %.1f s%n", quick.verdict().id(),
                quick.method().id(), quick.seconds());

        WeightsResult indep = WeightsComparison.compare(dir.resolve("base"), dir.resolve("other"), full);
        System.out.println();
        System.out.println("== full matching test, base vs other (independent init, layer 0 only)");
        report(indep);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%npeak heap (sum of pool peaks): %.0f MB, max heap %.0f MB%n", peak / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
    }

    private static void report(WeightsResult r) {
        System.out.printf(Locale.ROOT, "%-22s %6s %8s %10s %8s %8s %8s %8s%n", "layer", "units", "rho", "p", "cosine",
                "io s", "gemm s", "lap s");
        double io = 0;
        double gemm = 0;
        double lap = 0;
        for (LayerEvidence l : r.layers()) {
            System.out.printf(Locale.ROOT, "%-22s %6d %8.4f %10.3g %8.4f %8.2f %8.2f %8.2f%n", l.name(), l.units(),
                    l.statistic(), l.pValue(), l.matchedCosine(), l.timing().io(), l.timing().gemm(), l.timing().assignment());
            io += l.timing().io();
            gemm += l.timing().gemm();
            lap += l.timing().assignment();
        }
        int n = Math.max(1, r.layers().size());
        System.out.printf(Locale.ROOT, "verdict %s, p %.3g; total %.1f s; per layer: io %.2f s, gemm %.2f s, lap %.2f s"
                + " -> 32 layers: %.1f min%n", r.verdict().id(), r.pValue(), r.seconds(), io / n, gemm / n, lap / n,
                32 * (r.seconds() / n) / 60);
    }
}
