package dev.heredity.lineage.manifest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every key one kind of mapping accepts, in documentation order; anything else is an error.
 *
 * @param what the mapping in messages about its keys ({@code a model})
 * @param noun the mapping in messages about missing keys ({@code model})
 */
record FieldTable<E>(
    String what, String noun, List<Field<E>> fields, Map<String, Field<E>> byName) {
  @SafeVarargs
  static <E> FieldTable<E> of(String what, String noun, Field<E>... fields) {
    Map<String, Field<E>> byName = new HashMap<>();
    for (Field<E> field : fields) {
      if (byName.put(field.name(), field) != null) {
        throw new IllegalArgumentException("key declared twice: " + field.name());
      }
    }
    if (fields.length >= 64) {
      throw new IllegalArgumentException("a mapping has fewer than 64 keys");
    }
    return new FieldTable<>(what, noun, List.of(fields), Map.copyOf(byName));
  }

  List<String> names() {
    return fields.stream().map(Field::name).toList();
  }

  List<String> requiredNames() {
    return fields.stream().filter(Field::required).map(Field::name).toList();
  }

  /** The position of {@code key} in the table, or -1. */
  int indexOf(String key) {
    Field<E> field = byName.get(key);
    return field == null ? -1 : fields.indexOf(field);
  }
}
