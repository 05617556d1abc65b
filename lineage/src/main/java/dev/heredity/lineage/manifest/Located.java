package dev.heredity.lineage.manifest;

import dev.heredity.lineage.SourceLocation;
import java.util.Map;

/** A manifest entry that remembers where it and each of its values were written. */
public interface Located {
  /** Where the entry starts. */
  SourceLocation location();

  /** Value locations by key ({@code "path"}, {@code "datasets[2]"}...). */
  Map<String, SourceLocation> valueLocations();

  /** Where the value of {@code key} was written, or the entry's own location when it was not. */
  default SourceLocation locationOf(String key) {
    return valueLocations().getOrDefault(key, location());
  }
}
