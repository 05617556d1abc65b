import dev.heredity.lineage.Diagnostic;
import dev.heredity.lineage.LineageOptions;
import dev.heredity.lineage.graph.ProvenanceGraph;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.manifest.ManifestReader;
import dev.heredity.lineage.risk.PairFinder;
import dev.heredity.lineage.validate.ManifestValidator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;

/**
 * Times one cold run of the lineage pipeline (what {@code heredity lineage pairs} does) on a
 * manifest and prints each stage, the total and the peak heap. Usage:
 * {@code java -Xmx1g -cp <lineage classes + deps> LineageBench.java MANIFEST}.
 */
public final class LineageBench {
    private static final long TARGET_MILLIS = 5_000;
    private static final long TARGET_HEAP = 1L << 30;

    public static void main(String[] args) {
        Path manifest = Path.of(args[0]);
        long start = System.nanoTime();
        Manifest parsed = ManifestReader.read(manifest);
        long read = System.nanoTime();
        List<Diagnostic> warnings = ManifestValidator.validate(parsed, LineageOptions.defaults());
        long validated = System.nanoTime();
        ProvenanceGraph graph = ProvenanceGraph.of(parsed);
        long built = System.nanoTime();
        PairFinder.Result result = new PairFinder(graph).find();
        long paired = System.nanoTime();

        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long totalMillis = (paired - start) / 1_000_000;
        long cpuMillis = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        System.out.printf("input     %d models, %d datasets, %d trainings -> %d nodes, %d edges%n",
                parsed.models().size(), parsed.datasets().size(), parsed.trainings().size(),
                graph.nodes().size(), graph.edges().size());
        System.out.printf("output    %d pairs, %d findings, %d warnings%n",
                result.pairs().size(), result.findings().size(), warnings.size());
        System.out.printf("read      %6d ms%n", (read - start) / 1_000_000);
        System.out.printf("validate  %6d ms%n", (validated - read) / 1_000_000);
        System.out.printf("graph     %6d ms%n", (built - validated) / 1_000_000);
        System.out.printf("pairs     %6d ms%n", (paired - built) / 1_000_000);
        System.out.printf("total     %6d ms (target <= %d ms)  %s%n", totalMillis, TARGET_MILLIS, totalMillis <= TARGET_MILLIS ? "OK" : "OVER");
        System.out.printf("cpu       %6d ms used by the whole JVM (JIT and GC threads included); load average %.1f%n",
                cpuMillis, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("peak heap %6d MB (target <= %d MB, -Xmx %d MB, %d cpus)  %s%n", peak >> 20, TARGET_HEAP >> 20,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), peak <= TARGET_HEAP ? "OK" : "OVER");
    }
}
