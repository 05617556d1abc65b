package dev.heredity.discovery.write;

import dev.heredity.discovery.DiscoveredDataset;
import dev.heredity.discovery.DiscoveredModel;
import dev.heredity.discovery.Evidence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Text both writers share: descriptions made of attributes, checkpoint URIs, evidence in words. */
final class ManifestModel {
  private ManifestModel() {}

  static String description(DiscoveredModel model) {
    List<String> parts = new ArrayList<>();
    if (model.external()) {
      parts.add("referenced by artifacts, no local files");
    }
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(model.attributes()).entrySet()) {
      parts.add(e.getKey() + " " + e.getValue());
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  static String description(DiscoveredDataset dataset) {
    List<String> parts = new ArrayList<>();
    if (dataset.description() != null) {
      parts.add(dataset.description());
    }
    if (dataset.generatedBy() != null
        && dataset.generatedBy().rows() >= 0
        && dataset.description() == null) {
      parts.add(dataset.generatedBy().rows() + " rows from " + dataset.generatedBy().model());
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  /**
   * The model's folder relative to the manifest, as {@code checkpoint.path}, when it holds
   * safetensors weights (a {@code *.safetensors} file or {@code model.safetensors.index.json}) and
   * lies inside the manifest's folder (a path outside it would be refused by the manifest reader);
   * null otherwise.
   */
  static String checkpointPath(DiscoveredModel model, ManifestStyle style) {
    if (model.folder() == null || model.external() || !holdsSafetensors(model.folder())) {
      return null;
    }
    String relative = style.relative(model.folder());
    boolean inside =
        !relative.equals("..") && !relative.startsWith("../") && !Path.of(relative).isAbsolute();
    return inside ? relative : null;
  }

  private static boolean holdsSafetensors(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(
          f -> {
            String name = f.getFileName().toString();
            return name.endsWith(".safetensors") || name.equals("model.safetensors.index.json");
          });
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  static String checkpointUri(DiscoveredModel model) {
    return model.hubId() == null ? null : "hf://" + model.hubId();
  }

  static String comment(Evidence e, ManifestStyle style) {
    return "from " + style.relative(e.file()) + " " + e.at() + " (" + e.confidence().label() + ")";
  }
}
