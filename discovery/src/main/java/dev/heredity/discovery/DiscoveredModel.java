package dev.heredity.discovery;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A model found in the artifacts.
 *
 * @param hubId the Hugging Face id when known (cache layout, or the reference an external node
 *     stands for)
 * @param folder the model's folder, or null for an external or prompted node
 * @param external a reference that resolved to nothing on disk
 * @param attributes sizes and other facts kept for later use ({@code hidden_size}, {@code
 *     quant_method}...)
 * @param evidence the files that make it a model
 */
public record DiscoveredModel(
    String id,
    String hubId,
    String revision,
    Path folder,
    boolean external,
    String family,
    List<BaseLink> base,
    List<DiscoveredTrait> traits,
    Map<String, String> attributes,
    List<Evidence> evidence) {
  public DiscoveredModel {
    base = List.copyOf(base);
    traits = List.copyOf(traits);
    attributes = Map.copyOf(attributes);
    evidence = List.copyOf(evidence);
  }
}
