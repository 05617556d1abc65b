package dev.heredity.lineage.manifest;

import java.util.List;

/**
 * The keys each mapping of a manifest accepts, in documentation order (read from {@link
 * ManifestFields}); anything else is an error.
 */
public final class ManifestKeys {
  public static final List<String> TOP = ManifestFields.TOP.names();
  public static final List<String> MODEL = ManifestFields.MODEL.names();
  public static final List<String> CHECKPOINT = ManifestFields.CHECKPOINT.names();
  public static final List<String> BASE = ManifestFields.BASE.names();
  public static final List<String> TRAIT = ManifestFields.TRAIT.names();
  public static final List<String> DATASET = ManifestFields.DATASET.names();
  public static final List<String> GENERATED_BY = ManifestFields.GENERATED_BY.names();
  public static final List<String> DERIVED = ManifestFields.DERIVED.names();
  public static final List<String> TRAINING = ManifestFields.TRAINING.names();
  public static final List<String> GROUP = ManifestFields.GROUP.names();
  public static final List<String> EVIDENCE = ManifestFields.EVIDENCE.names();

  private static final int CACHED = 64;
  private static final String[] DATASETS = new String[CACHED];
  private static final String[] MEMBERS = new String[CACHED];

  static {
    for (int i = 0; i < CACHED; i++) {
      DATASETS[i] = "datasets[" + i + "]";
      MEMBERS[i] = "members[" + i + "]";
    }
  }

  private ManifestKeys() {}

  /** The keys {@code table} requires, in documentation order; for the schema test. */
  public static List<String> required(String entity) {
    return switch (entity) {
      case "manifest" -> ManifestFields.TOP.requiredNames();
      case "model" -> ManifestFields.MODEL.requiredNames();
      case "baseEntry" -> ManifestFields.BASE.requiredNames();
      case "trait" -> ManifestFields.TRAIT.requiredNames();
      case "dataset" -> ManifestFields.DATASET.requiredNames();
      case "generatedBy" -> ManifestFields.GENERATED_BY.requiredNames();
      case "derivedFromEntry" -> ManifestFields.DERIVED.requiredNames();
      case "training" -> ManifestFields.TRAINING.requiredNames();
      case "initGroup" -> ManifestFields.GROUP.requiredNames();
      case "evidence" -> ManifestFields.EVIDENCE.requiredNames();
      default -> throw new IllegalArgumentException(entity);
    };
  }

  /**
   * The location key of a list element, {@code key[index]}; small indexes of datasets/members are
   * shared Strings.
   */
  public static String indexed(String key, int index) {
    if (index < CACHED && key.equals("datasets")) {
      return DATASETS[index];
    }
    if (index < CACHED && key.equals("members")) {
      return MEMBERS[index];
    }
    return key + "[" + index + "]";
  }
}
