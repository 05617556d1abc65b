package dev.heredity.discovery;

/**
 * Bounds on a discovery walk, so a huge or hostile tree costs bounded time and memory.
 *
 * @param maxDepth folders deeper than this below a root are not entered
 * @param maxFiles files looked at in all, over all roots
 * @param maxCardBytes largest card, config, recipe or pipeline file read
 * @param maxGgufHeaderBytes largest GGUF metadata section read (the tensor data is never read)
 * @param maxRowBytes longest data row read; longer rows are skipped and counted
 */
public record DiscoveryLimits(
    int maxDepth, int maxFiles, long maxCardBytes, long maxGgufHeaderBytes, int maxRowBytes) {
  public static DiscoveryLimits defaults() {
    return new DiscoveryLimits(16, 500_000, 1L << 20, 256L << 20, 8 << 20);
  }
}
