package dev.heredity.transfer.engine;

/**
 * The float32 primitives the MLP spends its time in. Two implementations: {@code VectorKernels}
 * (jdk.incubator.vector, register-blocked) and {@link ScalarKernels} (plain Java). Pick one with
 * {@link #best()}; results of the two agree to float rounding, not bit for bit.
 */
public interface Kernels {
  /**
   * Every width that a kernel vectorises over ({@code n} of {@link #gemm}) is a multiple of this.
   */
  int PAD = 16;

  /**
   * {@code C = (accumulate ? C : 0) + A B}, then {@code + bias} (per column, when not null), then
   * ReLU (when {@code relu}). A is m x k read as {@code a[aOff + i*aRowStride + p*aColStride]}, so
   * a transposed view costs nothing; B is k x n with contiguous rows {@code b[bOff + p*ldb ...]}; C
   * is m x n with rows {@code c[cOff + i*ldc ...]}. {@code n} must be a multiple of {@link #PAD}.
   */
  void gemm(
      int m,
      int n,
      int k,
      float[] a,
      int aOff,
      int aRowStride,
      int aColStride,
      float[] b,
      int bOff,
      int ldb,
      float[] c,
      int cOff,
      int ldc,
      boolean accumulate,
      float[] bias,
      boolean relu);

  /** {@code grad[i] *= (activation[i] > 0)} for i in [0, length): the ReLU backward pass. */
  void reluBackward(float[] grad, float[] activation, int length);

  /**
   * {@code out[j] = sum_i x[i*cols + j]} for a rows x cols block; cols a multiple of {@link #PAD}.
   */
  void columnSums(float[] x, int rows, int cols, float[] out, int outOff);

  /**
   * One Adam step over {@code [from, to)}, PyTorch's formulation: {@code p -= stepSize * m /
   * (sqrt(v) * invSqrtBias2 + eps)} after updating m and v.
   */
  void adam(
      float[] params,
      float[] grads,
      float[] m,
      float[] v,
      int from,
      int to,
      float beta1,
      float beta2,
      float stepSize,
      float invSqrtBias2,
      float eps);

  /**
   * Runs every kernel on tiny inputs until the JIT has compiled them. Vector API code is very slow
   * until C2 compiles it, and real inputs would pay that price on megabytes of data; tiny ones pay
   * it on a few bytes. Idempotent and cheap after the first call.
   */
  default void warmUp() {}

  /** Short name for logs and benchmarks, e.g. {@code "vector-512"} or {@code "scalar"}. */
  String name();

  /** The Vector API kernels when the running JVM has jdk.incubator.vector, else the scalar ones. */
  static Kernels best() {
    return KernelSelector.BEST;
  }

  /** The plain-Java kernels. */
  static Kernels scalar() {
    return ScalarKernels.INSTANCE;
  }
}
