package dev.heredity.discovery.write;

import dev.heredity.discovery.DiscoveredDataset;
import dev.heredity.discovery.DiscoveredModel;
import dev.heredity.discovery.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

  static String checkpointUri(DiscoveredModel model) {
    return model.hubId() == null ? null : "hf://" + model.hubId();
  }

  static String comment(Evidence e, ManifestStyle style) {
    return "from " + style.relative(e.file()) + " " + e.at() + " (" + e.confidence().label() + ")";
  }
}
