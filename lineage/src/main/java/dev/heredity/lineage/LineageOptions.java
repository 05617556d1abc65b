package dev.heredity.lineage;

/**
 * @param allowOutside accept dataset paths that leave the manifest's folder
 * @param verifyHashes hash present files and compare with their declared {@code sha256}
 */
public record LineageOptions(boolean allowOutside, boolean verifyHashes) {
  public static LineageOptions defaults() {
    return new LineageOptions(false, true);
  }
}
