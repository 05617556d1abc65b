package dev.heredity.discovery;

import java.nio.file.Path;
import java.util.List;

/**
 * A dataset found in the artifacts: a folder of data files, a part of a mixed folder (one per
 * generator), or a dataset that artifacts name but that is not on disk ({@code uri} only).
 *
 * @param path the single data file, or the folder when it holds several; null when not on disk
 * @param machineGenerated where the artifacts say the data is model-generated, or null
 */
public record DiscoveredDataset(
    String id,
    Path path,
    String uri,
    String format,
    String modality,
    GeneratorLink generatedBy,
    List<SourceLink> derivedFrom,
    String reference,
    Evidence referenceEvidence,
    String description,
    Evidence machineGenerated,
    List<Evidence> evidence) {
  public DiscoveredDataset {
    derivedFrom = List.copyOf(derivedFrom);
    evidence = List.copyOf(evidence);
  }
}
