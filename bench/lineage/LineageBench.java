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

    private static Manifest parse(Path manifest) {
        Manifest parsed = ManifestReader.read(manifest);
        ManifestValidator.validate(parsed, LineageOptions.defaults());
        return parsed;
    }

    public static void main(String[] args) {
        Path manifest = Path.of(args[0]);
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        for (int i = 0; i < warmups; i++) {
            long t = System.nanoTime();
            new PairFinder(ProvenanceGraph.of(parse(manifest))).find();
            System.out.printf("warm-up   %6d ms%n", (System.nanoTime() - t) / 1_000_000);
        }
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[5];
        cpu[0] = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Manifest parsed = ManifestReader.read(manifest);
        long read = System.nanoTime();
        cpu[1] = threads.getCurrentThreadCpuTime();
        List<Diagnostic> warnings = ManifestValidator.validate(parsed, LineageOptions.defaults());
        long validated = System.nanoTime();
        cpu[2] = threads.getCurrentThreadCpuTime();
        ProvenanceGraph graph = ProvenanceGraph.of(parsed);
        long built = System.nanoTime();
        cpu[3] = threads.getCurrentThreadCpuTime();
        PairFinder.Result result = new PairFinder(graph).find();
        long paired = System.nanoTime();
        cpu[4] = threads.getCurrentThreadCpuTime();

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
        System.out.printf("stage     wall ms  main-thread cpu ms%n");
        System.out.printf("read      %6d  %6d%n", (read - start) / 1_000_000, (cpu[1] - cpu[0]) / 1_000_000);
        System.out.printf("validate  %6d  %6d%n", (validated - read) / 1_000_000, (cpu[2] - cpu[1]) / 1_000_000);
        System.out.printf("graph     %6d  %6d%n", (built - validated) / 1_000_000, (cpu[3] - cpu[2]) / 1_000_000);
        System.out.printf("pairs     %6d  %6d%n", (paired - built) / 1_000_000, (cpu[4] - cpu[3]) / 1_000_000);
        System.out.printf("total     %6d  %6d   (target <= %d ms wall)  %s%n", totalMillis, (cpu[4] - cpu[0]) / 1_000_000,
                TARGET_MILLIS, totalMillis <= TARGET_MILLIS ? "OK" : "OVER");
        System.out.printf("cpu       %6d ms used by the whole JVM (JIT and GC threads included); load average %.1f%n",
                cpuMillis, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        long gcMillis = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
        System.out.printf("gc        %6d ms of pauses; jit %d ms of compilation%n", gcMillis,
                ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
        if (Boolean.getBoolean("bench.pause")) {
            try {
                Thread.sleep(60_000); // time for: jcmd <pid> GC.class_histogram
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        System.out.printf("peak heap %6d MB (target <= %d MB, -Xmx %d MB, %d cpus)  %s%n", peak >> 20, TARGET_HEAP >> 20,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), peak <= TARGET_HEAP ? "OK" : "OVER");
    }
}
