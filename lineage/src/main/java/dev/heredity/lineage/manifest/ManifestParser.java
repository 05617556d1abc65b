package dev.heredity.lineage.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.heredity.lineage.SourceLocation;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Streams the manifest's tokens straight into records, keeping the location of every value.
 * Problems are collected and parsing goes on, so one run reports them all.
 */
final class ManifestParser {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final TypeReference<LinkedHashMap<String, Object>> FREE_FORM = new TypeReference<>() {
    };

    @FunctionalInterface
    private interface FieldReader {
        void read(String key, SourceLocation at) throws IOException;
    }

    @FunctionalInterface
    private interface EntryReader<T> {
        T read(SourceLocation at) throws IOException;
    }

    private final Map<String, String> ids = new HashMap<>();
    private final JsonParser p;
    private final Path file;
    private final Path folder;
    private final Problems problems;

    ManifestParser(JsonParser parser, Path file, Problems problems) {
        this.p = parser;
        this.file = file;
        Path parent = file.toAbsolutePath().normalize().getParent();
        this.folder = parent == null ? file.toAbsolutePath().getRoot() : parent;
        this.problems = problems;
    }

    Manifest manifest() throws IOException {
        JsonToken first = p.nextToken();
        SourceLocation start = first == null ? new SourceLocation(file, 1, 1) : here();
        if (first != JsonToken.START_OBJECT) {
            problems.add(start, first == null ? "empty manifest (expected at least 'heredity: 1')"
                    : "the manifest must be a mapping with 'heredity: 1' at the top, found " + describe(first));
            return new Manifest(file, 0, List.of(), List.of(), List.of(), List.of());
        }
        int[] version = {0};
        List<ModelSpec> models = new ArrayList<>();
        List<DatasetSpec> datasets = new ArrayList<>();
        List<TrainingSpec> trainings = new ArrayList<>();
        List<InitGroup> groups = new ArrayList<>();
        Map<String, SourceLocation> seen = fields("the manifest", ManifestKeys.TOP, (key, at) -> {
            switch (key) {
                case "heredity" -> version[0] = version(at);
                case "models" -> models.addAll(entries(key, this::model));
                case "datasets" -> datasets.addAll(entries(key, this::dataset));
                case "trainings" -> trainings.addAll(entries(key, this::training));
                case "initGroups" -> groups.addAll(entries(key, this::initGroup));
                default -> text(key);
            }
        });
        if (p.nextToken() != null) {
            problems.add(here(), "unexpected content after the manifest (one mapping, one YAML document per file)");
        }
        if (!seen.containsKey("heredity")) {
            problems.add(start, "missing required key 'heredity' (the manifest format version: heredity: 1)");
        }
        models.addAll(implicitStudents(models, trainings));
        return new Manifest(file, version[0], models, datasets, trainings, groups);
    }

    private int version(SourceLocation at) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            problems.add(at, "'heredity' must be the integer 1, found " + describe(p.currentToken()));
            p.skipChildren();
            return 0;
        }
        int version = p.getIntValue();
        if (version != 1) {
            problems.add(at, "unsupported manifest version " + version + " (this Heredity reads version 1)");
        }
        return version;
    }

    private static List<ModelSpec> implicitStudents(List<ModelSpec> models, List<TrainingSpec> trainings) {
        Set<String> declared = new HashSet<>();
        models.forEach(m -> declared.add(m.id()));
        List<ModelSpec> created = new ArrayList<>();
        for (TrainingSpec training : trainings) {
            if (training.student() != null && declared.add(training.student())) {
                created.add(ModelSpec.implicitStudent(training.student(), training.locationOf("student")));
            }
        }
        return created;
    }

    private ModelSpec model(SourceLocation at) throws IOException {
        String[] s = new String[3];
        Checkpoint[] checkpoint = {null};
        List<BaseRef> base = new ArrayList<>();
        List<Trait> traits = new ArrayList<>();
        Map<String, SourceLocation> seen = fields("a model", ManifestKeys.MODEL, (key, v) -> {
            switch (key) {
                case "id" -> s[0] = id(key);
                case "family" -> s[1] = text(key);
                case "description" -> s[2] = text(key);
                case "checkpoint" -> checkpoint[0] = checkpoint(v);
                case "base" -> base.addAll(entries(key, this::baseRef));
                case "traits" -> traits.addAll(entries(key, this::trait));
                default -> throw new IllegalStateException(key);
            }
        });
        if (!required(at, "model", seen, "id")) {
            return null;
        }
        return new ModelSpec(s[0], s[1], checkpoint[0], base, traits, s[2], true, at, seen);
    }

    private Checkpoint checkpoint(SourceLocation at) throws IOException {
        if (!isObject("checkpoint", at)) {
            return null;
        }
        String[] s = new String[3];
        fields("a checkpoint", ManifestKeys.CHECKPOINT, (key, v) -> {
            switch (key) {
                case "uri" -> s[0] = text(key);
                case "revision" -> s[1] = scalarText(key);
                default -> s[2] = sha256(v);
            }
        });
        return new Checkpoint(s[0], s[1], s[2], at);
    }

    private BaseRef baseRef(SourceLocation at) throws IOException {
        String[] s = new String[2];
        Map<String, SourceLocation> seen = fields("a base entry", ManifestKeys.BASE, (key, v) -> {
            switch (key) {
                case "model" -> s[0] = id(key);
                default -> s[1] = choice(key, v, Vocabulary.RELATIONS);
            }
        });
        if (!required(at, "base entry", seen, "model", "relation") || s[0] == null || s[1] == null) {
            return null;
        }
        return new BaseRef(s[0], Vocabulary.relation(s[1]), seen.get("model"));
    }

    private Trait trait(SourceLocation at) throws IOException {
        String[] s = new String[4];
        boolean[] harmful = {false};
        Map<String, SourceLocation> seen = fields("a trait", ManifestKeys.TRAIT, (key, v) -> {
            switch (key) {
                case "name" -> s[0] = text(key);
                case "source" -> s[1] = choice(key, v, Vocabulary.TRAIT_SOURCES);
                case "text" -> s[2] = text(key);
                case "evidence" -> s[3] = text(key);
                default -> harmful[0] = bool(key, v);
            }
        });
        if (!required(at, "trait", seen, "name") || s[0] == null) {
            return null;
        }
        return new Trait(s[0], s[1], s[2], s[3], harmful[0], at);
    }

    private DatasetSpec dataset(SourceLocation at) throws IOException {
        // id, path, uri, sha256, format, modality, generatedBy, reference, description, field, promptField, split
        String[] s = new String[12];
        Map<String, Object> sampling = new LinkedHashMap<>();
        List<DerivedFrom> derived = new ArrayList<>();
        List<String> filters = new ArrayList<>();
        SourceLocation[] modelAt = {null};
        Map<String, SourceLocation> seen = fields("a dataset", ManifestKeys.DATASET, (key, v) -> {
            switch (key) {
                case "id" -> s[0] = id(key);
                case "path" -> s[1] = text(key);
                case "uri" -> s[2] = text(key);
                case "sha256" -> s[3] = sha256(v);
                case "format" -> s[4] = choice(key, v, Vocabulary.FORMATS);
                case "modality" -> s[5] = choice(key, v, Vocabulary.MODALITIES);
                case "generatedBy" -> s[6] = generatedBy(v, sampling, modelAt);
                case "reference" -> s[7] = id(key);
                case "description" -> s[8] = text(key);
                case "field" -> s[9] = text(key);
                case "promptField" -> s[10] = text(key);
                case "split" -> s[11] = text(key);
                case "derivedFrom" -> derived.addAll(entries(key, this::derivedFrom));
                default -> filters.addAll(texts(key, new HashMap<>()));
            }
        });
        if (!required(at, "dataset", seen, "id")) {
            return null;
        }
        if (modelAt[0] != null) {
            seen.put("generatedBy", modelAt[0]);
        }
        return new DatasetSpec(s[0], s[1], s[2], s[3], s[4], s[5], s[6], sampling, s[7], derived, filters, s[8],
                resolve(s[1], seen.get("path")), at, seen, s[9], s[10], s[11]);
    }

    /** The generator's id; {@code modelAt[0]} receives the location of the id inside a mapping. */
    private String generatedBy(SourceLocation at, Map<String, Object> sampling, SourceLocation[] modelAt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return id("generatedBy");
        }
        if (!isObject("generatedBy", at)) {
            return null;
        }
        String[] model = {null};
        Map<String, SourceLocation> seen = fields("generatedBy", ManifestKeys.GENERATED_BY, (key, v) -> {
            if (key.equals("model")) {
                modelAt[0] = v;
                model[0] = id(key);
            } else if (p.currentToken() == JsonToken.START_OBJECT) {
                sampling.putAll(p.readValueAs(FREE_FORM));
            } else {
                problems.add(v, "'sampling' must be a mapping (e.g. {temperature: 1.0}), found " + describe(p.currentToken()));
                p.skipChildren();
            }
        });
        required(at, "generatedBy", seen, "model");
        return model[0];
    }

    private DerivedFrom derivedFrom(SourceLocation at) throws IOException {
        String[] s = new String[2];
        Map<String, SourceLocation> seen = fields("a derivedFrom entry", ManifestKeys.DERIVED, (key, v) -> {
            switch (key) {
                case "dataset" -> s[0] = id(key);
                default -> s[1] = choice(key, v, Vocabulary.OPERATIONS);
            }
        });
        if (!required(at, "derivedFrom entry", seen, "dataset") || s[0] == null) {
            return null;
        }
        return new DerivedFrom(s[0], s[1], seen.get("dataset"));
    }

    private TrainingSpec training(SourceLocation at) throws IOException {
        String[] s = new String[5];
        List<String> datasets = new ArrayList<>();
        Map<String, SourceLocation> locations = new LinkedHashMap<>();
        Map<String, SourceLocation> seen = fields("a training", ManifestKeys.TRAINING, (key, v) -> {
            switch (key) {
                case "id" -> s[0] = id(key);
                case "student" -> s[1] = id(key);
                case "from" -> s[2] = id(key);
                case "method" -> s[3] = choice(key, v, Vocabulary.METHODS);
                case "description" -> s[4] = text(key);
                default -> datasets.addAll(texts(key, locations));
            }
        });
        if (!required(at, "training", seen, "id", "student")) {
            return null;
        }
        locations.putAll(seen);
        return new TrainingSpec(s[0], s[1], s[2], datasets, s[3], s[4], at, locations);
    }

    private InitGroup initGroup(SourceLocation at) throws IOException {
        String[] s = new String[2];
        List<String> members = new ArrayList<>();
        Map<String, SourceLocation> locations = new LinkedHashMap<>();
        Map<String, SourceLocation> seen = fields("an init group", ManifestKeys.GROUP, (key, v) -> {
            switch (key) {
                case "name" -> s[0] = text(key);
                case "members" -> members.addAll(texts(key, locations));
                case "evidence" -> s[1] = text(key);
                default -> text(key);
            }
        });
        if (!required(at, "init group", seen, "name", "members")) {
            return null;
        }
        if (members.size() < 2) {
            problems.add(seen.get("members"), "init group '" + s[0] + "' needs at least two members");
        }
        locations.putAll(seen);
        return new InitGroup(s[0], members, s[1], at, locations);
    }

    // ---- generic readers: each starts on the value's first token and ends on its last ----

    /** Reads the fields of the mapping the parser is on; returns the location of each non-null value. */
    private Map<String, SourceLocation> fields(String what, List<String> allowed, FieldReader reader) throws IOException {
        Map<String, SourceLocation> values = new HashMap<>();
        long seen = 0; // bit i: allowed.get(i) was given (each mapping has fewer than 64 keys)
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int index = allowed.indexOf(key);
            SourceLocation keyAt = index < 0 || (seen & 1L << index) != 0 ? here() : null;
            p.nextToken();
            SourceLocation valueAt = here();
            if (index < 0) {
                problems.add(keyAt, "unknown key '" + key + "' in " + what + " (expected one of: " + String.join(", ", allowed) + ")");
                p.skipChildren();
            } else if ((seen & 1L << index) != 0) {
                problems.add(keyAt, "duplicate key '" + key + "' in " + what);
                p.skipChildren();
            } else {
                seen |= 1L << index;
                if (p.currentToken() != JsonToken.VALUE_NULL) {
                    values.put(key, valueAt);
                    reader.read(key, valueAt);
                }
            }
        }
        return values;
    }

    private <T> List<T> entries(String key, EntryReader<T> reader) throws IOException {
        List<T> result = new ArrayList<>();
        if (!isArray(key)) {
            return result;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            SourceLocation at = here();
            if (p.currentToken() != JsonToken.START_OBJECT) {
                problems.add(at, "each entry of '" + key + "' must be a mapping, found " + describe(p.currentToken()));
                p.skipChildren();
                continue;
            }
            T entry = reader.read(at);
            if (entry != null) {
                result.add(entry);
            }
        }
        return result;
    }

    /** A list of strings; records each element's location under {@code key[i]}. */
    private List<String> texts(String key, Map<String, SourceLocation> locations) throws IOException {
        List<String> result = new ArrayList<>();
        if (!isArray(key)) {
            return result;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            SourceLocation at = here();
            String value = id(key + " entry");
            if (value != null) {
                locations.put(ManifestKeys.indexed(key, result.size()), at);
                result.add(value);
            }
        }
        return result;
    }

    /** An id or reference: one shared String per distinct id, so later lookups compare by identity first. */
    private String id(String key) throws IOException {
        String value = text(key);
        return value == null ? null : ids.computeIfAbsent(value, v -> v);
    }

    private String text(String key) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        problems.add(here(), "'" + key + "' must be a string, found " + describe(p.currentToken())
                + (p.currentToken().isScalarValue() ? " (quote it)" : ""));
        p.skipChildren();
        return null;
    }

    /** Like {@link #text} but also takes an unquoted number as written (YAML reads {@code 1234abcd...} digits as numbers). */
    private String scalarText(String key) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getText();
        }
        return text(key);
    }

    private String choice(String key, SourceLocation at, List<String> allowed) throws IOException {
        String value = text(key);
        if (value != null && !allowed.contains(value)) {
            problems.add(at, "unknown " + key + " '" + value + "' (expected one of: " + String.join(", ", allowed) + ")");
            return null;
        }
        return value;
    }

    private String sha256(SourceLocation at) throws IOException {
        String value = scalarText("sha256");
        if (value != null && !SHA256.matcher(value).matches()) {
            problems.add(at, "'sha256' must be 64 hexadecimal digits, found '" + value + "'");
            return null;
        }
        return value;
    }

    private boolean bool(String key, SourceLocation at) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        problems.add(at, "'" + key + "' must be true or false, found " + describe(token));
        p.skipChildren();
        return false;
    }

    private boolean isArray(String key) throws IOException {
        if (p.currentToken() == JsonToken.START_ARRAY) {
            return true;
        }
        problems.add(here(), "'" + key + "' must be a list, found " + describe(p.currentToken()));
        p.skipChildren();
        return false;
    }

    private boolean isObject(String key, SourceLocation at) throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            return true;
        }
        problems.add(at, "'" + key + "' must be a mapping, found " + describe(p.currentToken()));
        p.skipChildren();
        return false;
    }

    private boolean required(SourceLocation at, String what, Map<String, SourceLocation> seen, String... keys) {
        boolean complete = true;
        for (String key : keys) {
            if (!seen.containsKey(key)) {
                problems.add(at, what + " is missing required key '" + key + "'");
                complete = false;
            }
        }
        return complete;
    }

    private Path resolve(String path, SourceLocation at) {
        if (path == null) {
            return null;
        }
        try {
            return folder.resolve(path).normalize();
        } catch (InvalidPathException e) {
            problems.add(at, "invalid path '" + path + "': " + e.getReason());
            return null;
        }
    }

    private SourceLocation here() {
        JsonLocation l = p.currentTokenLocation();
        return new SourceLocation(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }
}
