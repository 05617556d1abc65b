package dev.heredity.transfer.engine;

/**
 * Chooses the kernels once. The Vector API classes are only loaded (reflectively) when the boot
 * layer has {@code jdk.incubator.vector}; otherwise loading them would fail with
 * NoClassDefFoundError. {@code -Dheredity.kernels=scalar} forces the fallback.
 */
final class KernelSelector {
  static final String VECTOR_MODULE = "jdk.incubator.vector";
  static final Kernels BEST = select();

  private KernelSelector() {}

  static boolean vectorModulePresent() {
    return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
  }

  private static Kernels select() {
    if ("scalar".equalsIgnoreCase(System.getProperty("heredity.kernels"))
        || !vectorModulePresent()) {
      return ScalarKernels.INSTANCE;
    }
    try {
      return (Kernels)
          Class.forName("dev.heredity.transfer.engine.VectorKernels")
              .getDeclaredConstructor()
              .newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      return ScalarKernels.INSTANCE;
    }
  }
}
