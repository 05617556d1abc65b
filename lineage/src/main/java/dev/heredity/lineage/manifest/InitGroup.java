package dev.heredity.lineage.manifest;

import dev.heredity.lineage.SourceLocation;
import java.util.List;
import java.util.Map;

/** Distinct checkpoints known to share initialisation or behaviour. */
public record InitGroup(
    String name,
    List<String> members,
    String evidence,
    SourceLocation location,
    Map<String, SourceLocation> valueLocations)
    implements Located {
  public InitGroup {
    members = List.copyOf(members);
    valueLocations = Map.copyOf(valueLocations);
  }
}
