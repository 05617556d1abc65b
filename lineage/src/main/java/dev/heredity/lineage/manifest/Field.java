package dev.heredity.lineage.manifest;

import dev.heredity.lineage.SourceLocation;
import java.io.IOException;

/**
 * One key of a manifest mapping, declared once: its name, the kind of value it takes, whether it is
 * required, and how its value is read into the entry being built.
 *
 * @param example a valid value shown when the value has the wrong kind, or null
 * @param <E> the entry under construction
 */
record Field<E>(String name, ValueType type, boolean required, String example, Reader<E> reader) {
  /** Reads the value the parser is on (already of the field's type) into {@code entry}. */
  @FunctionalInterface
  interface Reader<E> {
    void read(ManifestParser parser, E entry, String key, SourceLocation at) throws IOException;
  }

  static <E> Field<E> required(String name, ValueType type, Reader<E> reader) {
    return new Field<>(name, type, true, null, reader);
  }

  static <E> Field<E> optional(String name, ValueType type, Reader<E> reader) {
    return new Field<>(name, type, false, null, reader);
  }

  Field<E> withExample(String value) {
    return new Field<>(name, type, required, value, reader);
  }
}
