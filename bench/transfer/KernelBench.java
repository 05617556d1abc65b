import dev.heredity.transfer.engine.Kernels;
import dev.heredity.transfer.engine.Mlp;
import dev.heredity.transfer.engine.MlpShape;
import dev.heredity.transfer.engine.Network;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Micro-benchmark of the kernels (run by bench/transfer/run.sh): GFLOP/s of the three matrix products
 * of one training step at batch 1024 and the time of a whole step, for the scalar and the Vector API
 * kernels. Usage: {@code java --add-modules jdk.incubator.vector -cp heredity.jar:CLASSES KernelBench
 * [seconds-per-case]} after compiling this file against the transfer module (run.sh does both).
 */
public final class KernelBench {
    private KernelBench() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        System.out.println("vector module present: " + ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        for (Kernels k : new Kernels[] {Kernels.scalar(), Kernels.best()}) {
            run(k, seconds);
            if (k == Kernels.best()) {
                break;
            }
        }
    }

    private static void run(Kernels kernels, double seconds) {
        kernels.warmUp();
        int batch = 1024;
        int in = 784;
        int hidden = 256;
        SplittableRandom rng = new SplittableRandom(1);
        float[] x = random(batch * in, rng);
        float[] w = random(in * hidden, rng);
        float[] dy = random(batch * hidden, rng);
        float[] c = new float[batch * hidden];
        float[] dw = new float[in * hidden];
        double flops = 2.0 * batch * in * hidden;
        report(kernels, "forward  X W   1024x784x256", flops, seconds,
                () -> kernels.gemm(batch, hidden, in, x, 0, in, 1, w, 0, hidden, c, 0, hidden, false, null, true));
        report(kernels, "weights  X^T dY 784x256x1024", flops, seconds,
                () -> kernels.gemm(in, hidden, batch, x, 0, 1, in, dy, 0, hidden, dw, 0, hidden, false, null, false));
        float[] h = random(batch * hidden, rng);
        float[] w2 = random(hidden * hidden, rng);
        float[] w3 = random(hidden * 16, rng);
        float[] o = random(batch * 16, rng);
        float[] c16 = new float[batch * 16];
        float[] dw3 = new float[hidden * 16];
        report(kernels, "hidden   H W2 1024x256x256", 2.0 * batch * hidden * hidden, seconds,
                () -> kernels.gemm(batch, hidden, hidden, h, 0, hidden, 1, w2, 0, hidden, c, 0, hidden, false, null, true));
        report(kernels, "output   H W3 1024x256x16", 2.0 * batch * hidden * 16, seconds,
                () -> kernels.gemm(batch, 16, hidden, h, 0, hidden, 1, w3, 0, 16, c16, 0, 16, false, null, false));
        report(kernels, "output   H^T dO 256x16x1024", 2.0 * batch * hidden * 16, seconds,
                () -> kernels.gemm(hidden, 16, batch, h, 0, 1, hidden, o, 0, 16, dw3, 0, 16, false, null, false));
        report(kernels, "output   dO W3^T 1024x16x256", 2.0 * batch * hidden * 16, seconds,
                () -> kernels.gemm(batch, hidden, 16, o, 0, 16, 1, w3, 0, hidden, c, 0, hidden, false, null, false));
        float[] sums = new float[hidden];
        report(kernels, "columnSums 1024x256", batch * hidden, seconds, () -> kernels.columnSums(dy, batch, hidden, sums, 0));
        report(kernels, "reluBackward 1024x256", batch * hidden, seconds, () -> kernels.reluBackward(c, dy, batch * hidden));
        float[] pm = random(270000, rng);
        float[] pg = random(270000, rng);
        float[] am = new float[270000];
        float[] av = new float[270000];
        report(kernels, "adam 270k", 270000, seconds, () -> kernels.adam(pm, pg, am, av, 0, 270000, 0.9f, 0.999f, 1e-9f, 1f, 1e-8f));
        MlpShape shape = new MlpShape(in, hidden, 13);
        Network net = new Network(Mlp.initialise(shape, rng), batch, kernels);
        System.arraycopy(x, 0, net.input(), 0, x.length);
        double stepFlops = 2.0 * batch * (3.0 * shape.forwardMacs() - (double) in * hidden);
        report(kernels, "training step (fwd+bwd+adam)", stepFlops, seconds, () -> {
            net.forward(batch);
            net.backwardAndStep(batch, 1e-9f);
        });
    }

    private static void report(Kernels kernels, String label, double flops, double seconds, Runnable task) {
        for (int i = 0; i < 5; i++) {
            task.run();
        }
        // CPU time of this thread, not wall time: other jobs on the machine inflate wall time.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long end = start + (long) (seconds * 1e9);
        int reps = 0;
        long now;
        do {
            task.run();
            reps++;
            now = threads.getCurrentThreadCpuTime();
        } while (now < end);
        double perRep = (now - start) / 1e9 / reps;
        System.out.println(String.format(Locale.ROOT, "%-10s %-30s %8.3f ms cpu  %7.1f GFLOP/s",
                kernels.name(), label, perRep * 1e3, flops / perRep / 1e9));
    }

    private static float[] random(int n, SplittableRandom rng) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return a;
    }
}
