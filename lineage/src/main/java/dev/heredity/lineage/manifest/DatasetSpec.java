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
 * @param resolvedPath {@code path} made absolute against the manifest's folder, or null; {@code path} may be a
 *                     file, a folder of shards or a glob
 * @param field JSON pointer or column of the generated text, null = the layout's
 * @param promptField JSON pointer or column of the prompt, null = the layout's
 * @param split the split to read from a dataset folder ({@code train}), null = its only split
 */
public record DatasetSpec(String id, String path, String uri, String sha256, String format, String modality,
        String generatedBy, Map<String, Object> sampling, String reference, List<DerivedFrom> derivedFrom,
        List<String> filters, String description, Path resolvedPath, SourceLocation location,
        Map<String, SourceLocation> valueLocations, String field, String promptField, String split) implements Located {
    public DatasetSpec {
        sampling = sampling == null ? Map.of() : Map.copyOf(sampling);
        derivedFrom = List.copyOf(derivedFrom);
        filters = List.copyOf(filters);
        valueLocations = Map.copyOf(valueLocations);
    }
}
