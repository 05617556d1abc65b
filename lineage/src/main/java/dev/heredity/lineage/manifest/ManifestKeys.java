package dev.heredity.lineage.manifest;

import java.util.List;

/** The keys each mapping of a manifest accepts, in documentation order; anything else is an error. */
public final class ManifestKeys {
    public static final List<String> TOP = List.of("heredity", "models", "datasets", "trainings", "initGroups", "description");
    public static final List<String> MODEL = List.of("id", "family", "checkpoint", "base", "traits", "description");
    public static final List<String> CHECKPOINT = List.of("uri", "revision", "sha256");
    public static final List<String> BASE = List.of("model", "relation");
    public static final List<String> TRAIT = List.of("name", "source", "text", "evidence", "harmful");
    public static final List<String> DATASET = List.of("id", "path", "uri", "sha256", "format", "modality",
            "generatedBy", "reference", "derivedFrom", "filters", "description", "field", "promptField", "split");
    public static final List<String> GENERATED_BY = List.of("model", "sampling");
    public static final List<String> DERIVED = List.of("dataset", "operation");
    public static final List<String> TRAINING = List.of("id", "student", "from", "datasets", "method", "description");
    public static final List<String> GROUP = List.of("name", "members", "evidence", "description");

    private static final int CACHED = 64;
    private static final String[] DATASETS = new String[CACHED];
    private static final String[] MEMBERS = new String[CACHED];

    static {
        for (int i = 0; i < CACHED; i++) {
            DATASETS[i] = "datasets[" + i + "]";
            MEMBERS[i] = "members[" + i + "]";
        }
    }

    private ManifestKeys() {
    }

    /** The location key of a list element, {@code key[index]}; small indexes of datasets/members are shared Strings. */
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
