package dev.heredity.transfer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both kernel sets against a naive triple loop in double precision, on the shapes the MLP uses and
 * odd ones.
 */
class KernelsTest {

  static Stream<Kernels> kernels() {
    return Stream.of(Kernels.scalar(), Kernels.best()).distinct();
  }

  @Test
  void vectorKernelsAreSelectedWhenTheModuleIsPresent() {
    assumeThat(KernelSelector.vectorModulePresent()).isTrue();
    assertThat(Kernels.best().name()).startsWith("vector-");
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void gemmMatchesANaiveProductForPlainAndTransposedInputs(Kernels k) {
    SplittableRandom rng = new SplittableRandom(3);
    for (int[] mnk :
        List.of(
            new int[] {7, 80, 13},
            new int[] {33, 16, 64},
            new int[] {4, 64, 1},
            new int[] {1, 32, 5},
            new int[] {17, 128, 40})) {
      int m = mnk[0];
      int n = mnk[1];
      int kk = mnk[2];
      float[] a = random(m * kk, rng);
      float[] b = random(kk * n + 5, rng);
      float[] bias = random(n, rng);
      float[] c = random(m * n + 3, rng);
      float[] before = c.clone();
      // plain A (row-major m x k), B at offset 5, C at offset 3, with bias and ReLU
      k.gemm(m, n, kk, a, 0, kk, 1, b, 5, n, c, 3, n, false, bias, true);
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double s = bias[j];
          for (int p = 0; p < kk; p++) {
            s += (double) a[i * kk + p] * b[5 + p * n + j];
          }
          assertThat((double) c[3 + i * n + j])
              .isCloseTo(Math.max(0, s), offset(1e-4 * (1 + Math.abs(s))));
        }
      }
      assertThat(c[0]).isEqualTo(before[0]);
      // transposed A (A = At^T with At k x m), overwriting C, with bias
      float[] c3 = c.clone();
      k.gemm(m, n, kk, a, 0, 1, m, b, 5, n, c3, 3, n, false, bias, false);
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double s = bias[j];
          for (int p = 0; p < kk; p++) {
            s += (double) a[p * m + i] * b[5 + p * n + j];
          }
          assertThat((double) c3[3 + i * n + j]).isCloseTo(s, offset(1e-4 * (1 + Math.abs(s))));
        }
      }
      // transposed A, accumulating into C
      float[] c2 = c.clone();
      k.gemm(m, n, kk, a, 0, 1, m, b, 5, n, c2, 3, n, true, null, false);
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double s = c[3 + i * n + j];
          for (int p = 0; p < kk; p++) {
            s += (double) a[p * m + i] * b[5 + p * n + j];
          }
          assertThat((double) c2[3 + i * n + j]).isCloseTo(s, offset(1e-4 * (1 + Math.abs(s))));
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void elementwiseKernelsMatchTheirDefinitions(Kernels k) {
    SplittableRandom rng = new SplittableRandom(4);
    float[] act = random(37, rng);
    float[] grad = random(37, rng);
    float[] expected = grad.clone();
    for (int i = 0; i < 37; i++) {
      expected[i] = act[i] > 0 ? grad[i] : 0f;
    }
    k.reluBackward(grad, act, 37);
    assertThat(grad).containsExactly(expected);

    float[] x = random(5 * 32, rng);
    float[] sums = new float[40];
    k.columnSums(x, 5, 32, sums, 8);
    for (int j = 0; j < 32; j++) {
      float s = 0;
      for (int i = 0; i < 5; i++) {
        s += x[i * 32 + j];
      }
      assertThat(sums[8 + j]).isCloseTo(s, offset(1e-5f));
    }

    float[] p = random(41, rng);
    float[] g = random(41, rng);
    float[] m = random(41, rng);
    float[] v = new float[41];
    for (int i = 0; i < 41; i++) {
      v[i] = Math.abs(g[i]);
    }
    float[] p2 = p.clone();
    float[] m2 = m.clone();
    float[] v2 = v.clone();
    k.adam(p, g, m, v, 2, 39, 0.9f, 0.999f, 0.01f, 1.2f, 1e-8f);
    for (int i = 2; i < 39; i++) {
      double mi = 0.9 * m2[i] + 0.1 * g[i];
      double vi = 0.999 * v2[i] + 0.001 * g[i] * g[i];
      double pi = p2[i] - 0.01 * mi / (Math.sqrt(vi) * 1.2 + 1e-8);
      assertThat((double) p[i]).isCloseTo(pi, offset(1e-5));
    }
    assertThat(p[0]).isEqualTo(p2[0]);
    assertThat(p[40]).isEqualTo(p2[40]);
  }

  static float[] random(int n, SplittableRandom rng) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (rng.nextDouble() * 2 - 1);
    }
    return a;
  }
}
