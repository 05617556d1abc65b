package dev.heredity.discovery.read;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metadata of a GGUF file. Arrays longer than {@link GgufReader#KEPT_ARRAY_ITEMS} keep their
 * first items only (a tokenizer's vocabulary is not lineage); {@code arrayLengths} has their full
 * length.
 */
public record GgufHeader(
    int version,
    long tensorCount,
    long kvCount,
    boolean bigEndian,
    Map<String, Object> metadata,
    Map<String, Long> arrayLengths) {
  public GgufHeader {
    metadata = Map.copyOf(metadata);
    arrayLengths = Map.copyOf(arrayLengths);
  }

  public Optional<String> string(String key) {
    Object v = metadata.get(key);
    return v instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  public Optional<Long> integer(String key) {
    Object v = metadata.get(key);
    return v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)
        ? Optional.of(n.longValue())
        : Optional.empty();
  }

  @SuppressWarnings("unchecked")
  public List<Object> array(String key) {
    Object v = metadata.get(key);
    return v instanceof List<?> l ? (List<Object>) l : List.of();
  }
}
