package dev.heredity.discovery;

import java.util.List;

/**
 * A dataset another was derived from ({@code operation} one of the manifest's operations, or null).
 */
public record SourceLink(String dataset, String operation, List<Evidence> evidence) {
  public SourceLink {
    evidence = List.copyOf(evidence);
  }
}
