package dev.heredity.weights;

import dev.heredity.transfer.engine.Kernels;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** All-pairs cosine similarity of two models' unit vectors: one float GEMM on the transfer kernels. */
final class CosineMatrix {
    private CosineMatrix() {
    }

    /** {@code units x units} row-major: entry (i, j) is the cosine of unit i of A and unit j of B. */
    static float[] compute(UnitVectors a, UnitVectors b, Kernels kernels, ExecutorService pool, int threads) {
        int n = a.units;
        int padded = (n + Kernels.PAD - 1) / Kernels.PAD * Kernels.PAD;
        float[] bt = b.transposedPadded(padded);
        float[] c = new float[Math.multiplyExact(n, padded)];
        int k = a.features;
        int chunks = Math.max(1, Math.min(threads * 4, n / 64));
        int per = (n + chunks - 1) / chunks;
        List<Future<?>> jobs = new ArrayList<>();
        for (int from = 0; from < n; from += per) {
            int start = from;
            int rows = Math.min(per, n - from);
            jobs.add(pool.submit(() -> kernels.gemm(rows, padded, k,
                    a.data, start * a.unitStride, a.unitStride, a.featureStride,
                    bt, 0, padded, c, start * padded, padded, false, null, false)));
        }
        for (Future<?> f : jobs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        if (padded == n) {
            return c;
        }
        float[] square = new float[Math.multiplyExact(n, n)];
        for (int i = 0; i < n; i++) {
            System.arraycopy(c, i * padded, square, i * n, n);
        }
        return square;
    }
}
