package dev.heredity.lineage.manifest;

import dev.heredity.lineage.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A dataset. Optional values are null when absent.
 *
 * @param path as written, relative to the manifest's folder
 * @param generatedBy id of the model that generated the records
 * @param sampling generation settings, free form (e.g. {@code temperature})
 * @param reference id of the control dataset
 * @param resolvedPath {@code path} made absolute against the manifest's folder, or null; {@code
 *     path} may be a file, a folder of shards or a glob
 * @param generatedByEvidence where the {@code generatedBy} link comes from (empty when not given)
 * @param evidence where the dataset's entry comes from (empty when not given)
 * @param field JSON pointer or column of the generated text, null = the layout's
 * @param promptField JSON pointer or column of the prompt, null = the layout's
 * @param split the split to read from a dataset folder ({@code train}), null = its only split
 * @param sample records of this dataset the distribution tests run on (a seeded uniform sample when
 *     it has more), 0 = every record, null = not given (the scan's default applies)
 */
public record DatasetSpec(
    String id,
    String path,
    String uri,
    String sha256,
    String format,
    String modality,
    String generatedBy,
    Map<String, Object> sampling,
    String reference,
    List<DerivedFrom> derivedFrom,
    List<String> filters,
    String description,
    Path resolvedPath,
    SourceLocation location,
    Map<String, SourceLocation> valueLocations,
    List<Evidence> generatedByEvidence,
    List<Evidence> evidence,
    String field,
    String promptField,
    String split,
    Integer sample)
    implements Located {
  public DatasetSpec {
    generatedByEvidence = List.copyOf(generatedByEvidence);
    evidence = List.copyOf(evidence);
    sampling = sampling == null ? Map.of() : Map.copyOf(sampling);
    derivedFrom = List.copyOf(derivedFrom);
    filters = List.copyOf(filters);
    valueLocations = Map.copyOf(valueLocations);
    if (sample != null && sample < 0) {
      throw new IllegalArgumentException("sample must be 0 (every record) or positive: " + sample);
    }
  }
}
