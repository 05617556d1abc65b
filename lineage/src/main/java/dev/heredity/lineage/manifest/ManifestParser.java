package dev.heredity.lineage.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.heredity.lineage.Quoted;
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
 * Streams the manifest's tokens straight into records, keeping the location of every value. Which
 * keys each mapping takes, and how each is read, is declared once in {@link ManifestFields}.
 * Problems are collected and parsing goes on, so one run reports them all.
 */
final class ManifestParser {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  @FunctionalInterface
  interface EntryReader<T> {
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
    if (first != JsonToken.START_OBJECT || isAlias()) {
      problems.add(
          start,
          first == null
              ? "empty manifest (expected at least 'heredity: 1')"
              : "the manifest must be a mapping with 'heredity: 1' at the top, found "
                  + ValueType.describe(first));
      return new Manifest(file, 0, List.of(), List.of(), List.of(), List.of(), List.of());
    }
    ManifestFields.Top top = new ManifestFields.Top();
    Map<String, SourceLocation> seen = fields(ManifestFields.TOP, top);
    if (p.nextToken() != null) {
      problems.add(
          here(),
          "unexpected content after the manifest (one mapping, one YAML document per file)");
    }
    if (!seen.containsKey("heredity")) {
      problems.add(
          start, "missing required key 'heredity' (the manifest format version: heredity: 1)");
    }
    top.models.addAll(implicitStudents(top.models, top.trainings));
    return new Manifest(
        file, top.version, top.models, top.datasets, top.trainings, top.groups, top.discover);
  }

  private static List<ModelSpec> implicitStudents(
      List<ModelSpec> models, List<TrainingSpec> trainings) {
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

  // ---- entries: each starts on the mapping's START_OBJECT and ends on its END_OBJECT ----

  ModelSpec model(SourceLocation at) throws IOException {
    ManifestFields.Model entry = new ManifestFields.Model();
    Map<String, SourceLocation> seen = fields(ManifestFields.MODEL, entry);
    return complete(at, ManifestFields.MODEL, seen) ? entry.build(at, seen) : null;
  }

  Checkpoint checkpoint(SourceLocation at) throws IOException {
    ManifestFields.CheckpointEntry entry = new ManifestFields.CheckpointEntry();
    Map<String, SourceLocation> seen = fields(ManifestFields.CHECKPOINT, entry);
    SourceLocation pathAt = seen.get("path");
    return new Checkpoint(
        entry.uri,
        entry.revision,
        entry.sha256,
        at,
        entry.path,
        resolve(entry.path, pathAt),
        pathAt);
  }

  BaseRef baseRef(SourceLocation at) throws IOException {
    ManifestFields.Base entry = new ManifestFields.Base();
    Map<String, SourceLocation> seen = fields(ManifestFields.BASE, entry);
    if (!complete(at, ManifestFields.BASE, seen) || entry.model == null || entry.relation == null) {
      return null;
    }
    return new BaseRef(entry.model, entry.relation, seen.get("model"), entry.evidence);
  }

  Trait trait(SourceLocation at) throws IOException {
    ManifestFields.TraitEntry entry = new ManifestFields.TraitEntry();
    Map<String, SourceLocation> seen = fields(ManifestFields.TRAIT, entry);
    if (!complete(at, ManifestFields.TRAIT, seen) || entry.name == null) {
      return null;
    }
    return new Trait(entry.name, entry.source, entry.text, entry.evidence, entry.harmful, at);
  }

  DatasetSpec dataset(SourceLocation at) throws IOException {
    ManifestFields.Dataset entry = new ManifestFields.Dataset();
    Map<String, SourceLocation> seen = fields(ManifestFields.DATASET, entry);
    if (!complete(at, ManifestFields.DATASET, seen)) {
      return null;
    }
    return entry.build(at, seen, resolve(entry.path, seen.get("path")));
  }

  /**
   * {@code generatedBy: id} or {@code generatedBy: {model: id, sampling: {...}, evidence: [...]}}.
   */
  void generatedBy(String key, SourceLocation at, ManifestFields.GeneratedBy entry)
      throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      entry.model = id(key);
      return;
    }
    Map<String, SourceLocation> seen = fields(ManifestFields.GENERATED_BY, entry);
    complete(at, ManifestFields.GENERATED_BY, seen);
  }

  DerivedFrom derivedFrom(SourceLocation at) throws IOException {
    ManifestFields.Derived entry = new ManifestFields.Derived();
    Map<String, SourceLocation> seen = fields(ManifestFields.DERIVED, entry);
    if (!complete(at, ManifestFields.DERIVED, seen) || entry.dataset == null) {
      return null;
    }
    return new DerivedFrom(entry.dataset, entry.operation, seen.get("dataset"), entry.evidence);
  }

  TrainingSpec training(SourceLocation at) throws IOException {
    ManifestFields.Training entry = new ManifestFields.Training();
    Map<String, SourceLocation> seen = fields(ManifestFields.TRAINING, entry);
    if (!complete(at, ManifestFields.TRAINING, seen) || entry.id == null || entry.student == null) {
      return null;
    }
    entry.locations.putAll(seen);
    return new TrainingSpec(
        entry.id,
        entry.student,
        entry.from,
        entry.datasets,
        entry.method,
        entry.description,
        at,
        entry.locations,
        entry.evidence);
  }

  InitGroup initGroup(SourceLocation at) throws IOException {
    ManifestFields.Group entry = new ManifestFields.Group();
    Map<String, SourceLocation> seen = fields(ManifestFields.GROUP, entry);
    if (!complete(at, ManifestFields.GROUP, seen)) {
      return null;
    }
    if (entry.members.size() < 2) {
      problems.add(
          seen.get("members"),
          "init group " + Quoted.of(entry.name) + " needs at least two members");
    }
    entry.locations.putAll(seen);
    return new InitGroup(entry.name, entry.members, entry.evidence, at, entry.locations);
  }

  List<Evidence> evidence(String key) throws IOException {
    return entries(
        key,
        at -> {
          ManifestFields.EvidenceEntry entry = new ManifestFields.EvidenceEntry();
          Map<String, SourceLocation> seen = fields(ManifestFields.EVIDENCE, entry);
          if (!complete(at, ManifestFields.EVIDENCE, seen)
              || entry.source == null
              || entry.confidence == null) {
            return null;
          }
          return new Evidence(entry.source, entry.at, entry.confidence);
        });
  }

  /** The {@code discover} folders: relative paths that stay inside the manifest's folder. */
  List<DiscoverFolder> discoverFolders(String key) throws IOException {
    List<DiscoverFolder> result = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      SourceLocation at = here();
      String value = valueOf(key + " entry", ValueType.STRING) ? p.getText() : null;
      if (value == null) {
        continue;
      }
      Path resolved = resolve(value, at);
      if (resolved == null) {
        continue;
      }
      if (value.isBlank() || Path.of(value).isAbsolute() || !resolved.startsWith(folder)) {
        problems.add(
            at,
            "discover-outside-folder",
            "discover folder "
                + Quoted.of(value)
                + " is not a relative folder inside the manifest's folder");
        continue;
      }
      result.add(new DiscoverFolder(value, resolved, at));
    }
    return result;
  }

  // ---- generic readers: each starts on the value's first token and ends on its last ----

  /**
   * Reads the keys of the mapping the parser is on into {@code entry}, through the table's readers;
   * returns the location of each non-null value.
   */
  <E> Map<String, SourceLocation> fields(FieldTable<E> table, E entry) throws IOException {
    Map<String, SourceLocation> values = new HashMap<>();
    long given = 0; // bit i: the table's i-th key was given
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      int index = table.indexOf(key);
      boolean repeated = index >= 0 && (given & 1L << index) != 0;
      SourceLocation keyAt = index < 0 || repeated ? here() : null;
      p.nextToken();
      SourceLocation valueAt = here();
      if (index < 0) {
        problems.add(
            keyAt,
            "unknown-key",
            "unknown key "
                + Quoted.of(key)
                + " in "
                + table.what()
                + Suggestions.hint(key, table.names())
                + " (expected one of: "
                + String.join(", ", table.names())
                + ")");
        p.skipChildren();
        continue;
      }
      if (repeated) {
        problems.add(keyAt, "duplicate-key", "duplicate key '" + key + "' in " + table.what());
        p.skipChildren();
        continue;
      }
      given |= 1L << index;
      if (p.currentToken() == JsonToken.VALUE_NULL) {
        continue;
      }
      Field<E> field = table.fields().get(index);
      values.put(key, valueAt);
      if (isAlias()) {
        aliasProblem(valueAt);
        continue;
      }
      if (!field.type().accepts(p.currentToken())) {
        problems.add(valueAt, field.type().mismatch(key, field.example(), p.currentToken()));
        p.skipChildren();
        continue;
      }
      field.reader().read(this, entry, key, valueAt);
    }
    return values;
  }

  /**
   * Reports each required key of {@code table} that {@code seen} lacks; true when none is missing.
   */
  private boolean complete(
      SourceLocation at, FieldTable<?> table, Map<String, SourceLocation> seen) {
    boolean complete = true;
    for (String key : table.requiredNames()) {
      if (!seen.containsKey(key)) {
        problems.add(at, "missing-key", table.noun() + " is missing required key '" + key + "'");
        complete = false;
      }
    }
    return complete;
  }

  /**
   * The mappings of the list the parser is on, each read by {@code reader}; other entries are
   * errors.
   */
  <T> List<T> entries(String key, EntryReader<T> reader) throws IOException {
    List<T> result = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      SourceLocation at = here();
      if (isAlias()) {
        aliasProblem(at);
        continue;
      }
      if (p.currentToken() != JsonToken.START_OBJECT) {
        problems.add(
            at,
            "each entry of '"
                + key
                + "' must be a mapping, found "
                + ValueType.describe(p.currentToken()));
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

  /** The ids of the list the parser is on; records each element's location under {@code key[i]}. */
  List<String> ids(String key, Map<String, SourceLocation> locations) throws IOException {
    List<String> result = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      SourceLocation at = here();
      if (valueOf(key + " entry", ValueType.ID)) {
        String value = id(key + " entry");
        if (value != null) {
          locations.put(ManifestKeys.indexed(key, result.size()), at);
          result.add(value);
        }
      }
    }
    return result;
  }

  /** The strings of the list the parser is on. */
  List<String> texts(String key) throws IOException {
    List<String> result = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (valueOf(key + " entry", ValueType.STRING)) {
        result.add(p.getText());
      }
    }
    return result;
  }

  /** Whether the value the parser is on has the given type; reports and skips it otherwise. */
  private boolean valueOf(String key, ValueType type) throws IOException {
    if (isAlias()) {
      aliasProblem(here());
      return false;
    }
    if (type.accepts(p.currentToken())) {
      return true;
    }
    problems.add(here(), type.mismatch(key, null, p.currentToken()));
    p.skipChildren();
    return false;
  }

  /**
   * An id or reference (see {@link IdSyntax}): one shared String per distinct id, so later lookups
   * compare by identity first.
   */
  String id(String key) throws IOException {
    String value = text(key);
    String problem = IdSyntax.problem(value);
    if (problem != null) {
      problems.add(
          here(), "invalid-id", "invalid id " + Quoted.of(value) + " in '" + key + "': " + problem);
      return null;
    }
    return ids.computeIfAbsent(value, v -> v);
  }

  String text(String key) throws IOException {
    return p.getText();
  }

  /** The scalar as written (YAML reads {@code 1234abcd...} digits as numbers). */
  String scalarText(String key) throws IOException {
    return p.getText();
  }

  int version(String key, SourceLocation at) throws IOException {
    if (p.getNumberType() != JsonParser.NumberType.INT || p.getIntValue() != 1) {
      problems.add(
          at,
          "unsupported-version",
          "unsupported manifest version " + p.getText() + " (this Heredity reads version 1)");
      return 0;
    }
    return 1;
  }

  /** A whole number from 0 to {@link Integer#MAX_VALUE}; null (and a problem) otherwise. */
  Integer count(String key, SourceLocation at) throws IOException {
    if (p.getNumberType() != JsonParser.NumberType.INT || p.getIntValue() < 0) {
      problems.add(
          at,
          "invalid-count",
          "'"
              + key
              + "' must be a whole number from 0 to "
              + Integer.MAX_VALUE
              + ", found "
              + p.getText());
      return null;
    }
    return p.getIntValue();
  }

  String choice(String key, SourceLocation at, List<String> allowed) throws IOException {
    String value = text(key);
    if (!allowed.contains(value)) {
      problems.add(
          at,
          "unknown-value",
          "unknown "
              + key
              + " "
              + Quoted.of(value)
              + Suggestions.hint(value, allowed)
              + " (expected one of: "
              + String.join(", ", allowed)
              + ")");
      return null;
    }
    return value;
  }

  /** A relation label or one of its synonyms ({@link Vocabulary#RELATION_SYNONYMS}). */
  Relation relation(String key, SourceLocation at) throws IOException {
    String value = text(key);
    Relation relation = Vocabulary.relationOrNull(value);
    if (relation == null) {
      List<String> known = new ArrayList<>(Vocabulary.RELATIONS);
      known.addAll(Vocabulary.RELATION_SYNONYMS.keySet());
      problems.add(
          at,
          "unknown-value",
          "unknown "
              + key
              + " "
              + Quoted.of(value)
              + Suggestions.hint(value, known)
              + " (expected one of: "
              + String.join(", ", Vocabulary.RELATIONS)
              + ")");
    }
    return relation;
  }

  String sha256(String key, SourceLocation at) throws IOException {
    String value = scalarText(key);
    if (!SHA256.matcher(value).matches()) {
      problems.add(
          at,
          "invalid-sha256",
          "'" + key + "' must be 64 hexadecimal digits, found " + Quoted.of(value));
      return null;
    }
    return value;
  }

  boolean bool() {
    return p.currentToken() == JsonToken.VALUE_TRUE;
  }

  /**
   * A free-form mapping (generation settings): plain values, lists and mappings, with the same
   * duplicate-key and alias rules as the rest of the manifest. Nesting is bounded by the parser's
   * depth cap.
   */
  Map<String, Object> freeForm(String key) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      SourceLocation keyAt = here();
      p.nextToken();
      Object value = freeValue(name);
      if (value == null) {
        // {temperature:1} is one key "temperature:1" without a value; found by fuzzing (it crashed)
        problems.add(
            keyAt,
            "no-value",
            "key "
                + Quoted.of(name)
                + " in '"
                + key
                + "' has no value (write 'key: value', with a space after the colon)");
      } else if (map.containsKey(name)) {
        problems.add(
            keyAt, "duplicate-key", "duplicate key " + Quoted.of(name) + " in '" + key + "'");
      } else {
        map.put(name, value);
      }
    }
    return map;
  }

  private Object freeValue(String key) throws IOException {
    if (isAlias()) {
      aliasProblem(here());
      return null;
    }
    JsonToken token = p.currentToken();
    return switch (token) {
      case START_OBJECT -> freeForm(key);
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(freeValue(key));
        }
        yield list;
      }
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> null;
    };
  }

  /**
   * Whether the current value is a YAML alias ({@code *name}), which Jackson would hand over as the
   * anchor's name.
   */
  private boolean isAlias() {
    return p instanceof YAMLParser yaml && yaml.isCurrentAlias();
  }

  private void aliasProblem(SourceLocation at) throws IOException {
    problems.add(
        at,
        "yaml-alias",
        "YAML aliases are not supported (found alias "
            + Quoted.of("*" + p.getText())
            + "): write the value out in full");
    p.skipChildren();
  }

  private Path resolve(String path, SourceLocation at) {
    if (path == null) {
      return null;
    }
    try {
      return folder.resolve(path).normalize();
    } catch (InvalidPathException e) {
      problems.add(at, "invalid-path", "invalid path " + Quoted.of(path) + ": " + e.getReason());
      return null;
    }
  }

  private SourceLocation here() {
    JsonLocation l = p.currentTokenLocation();
    return new SourceLocation(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
  }
}
