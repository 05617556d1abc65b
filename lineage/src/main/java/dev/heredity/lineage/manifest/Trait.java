package dev.heredity.lineage.manifest;

import dev.heredity.lineage.SourceLocation;

/**
 * What the auditor knows or suspects about a model.
 *
 * @param source one of {@link Vocabulary#TRAIT_SOURCES}, or null when not said
 */
public record Trait(
    String name,
    String source,
    String text,
    String evidence,
    boolean harmful,
    SourceLocation location) {
  /**
   * Whether the trait sits in the weights (copies of the model carry it) rather than in a prompt.
   */
  public boolean inWeights() {
    return source == null || !Vocabulary.PROMPT_SOURCES.contains(source);
  }
}
