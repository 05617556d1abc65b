package dev.heredity.discovery;

import java.util.List;
import java.util.Map;

/**
 * Gives discovered nodes the ids a hand-written manifest already uses for them, everywhere they are
 * referenced, so discovered and hand-written entries can be merged by id.
 */
public final class Renaming {
  private final Map<String, String> ids;

  private Renaming(Map<String, String> ids) {
    this.ids = ids;
  }

  /**
   * {@code result} with every id in {@code ids} (old to new) replaced, in entries and references.
   */
  public static DiscoveryResult apply(DiscoveryResult result, Map<String, String> ids) {
    if (ids.isEmpty()) {
      return result;
    }
    Renaming r = new Renaming(ids);
    return new DiscoveryResult(
        result.models().stream().map(r::model).toList(),
        result.datasets().stream().map(r::dataset).toList(),
        result.trainings().stream().map(r::training).toList(),
        result.warnings());
  }

  private String id(String id) {
    return id == null ? null : ids.getOrDefault(id, id);
  }

  private DiscoveredModel model(DiscoveredModel m) {
    List<BaseLink> base =
        m.base().stream()
            .map(b -> new BaseLink(id(b.model()), b.relation(), b.evidence()))
            .toList();
    return new DiscoveredModel(
        id(m.id()),
        m.hubId(),
        m.revision(),
        m.folder(),
        m.external(),
        m.family(),
        base,
        m.traits(),
        m.attributes(),
        m.evidence());
  }

  private DiscoveredDataset dataset(DiscoveredDataset d) {
    GeneratorLink g =
        d.generatedBy() == null
            ? null
            : new GeneratorLink(
                id(d.generatedBy().model()), d.generatedBy().rows(), d.generatedBy().evidence());
    List<SourceLink> sources =
        d.derivedFrom().stream()
            .map(s -> new SourceLink(id(s.dataset()), s.operation(), s.evidence()))
            .toList();
    return new DiscoveredDataset(
        id(d.id()),
        d.path(),
        d.uri(),
        d.format(),
        d.modality(),
        g,
        sources,
        id(d.reference()),
        d.referenceEvidence(),
        d.description(),
        d.machineGenerated(),
        d.evidence());
  }

  private DiscoveredTraining training(DiscoveredTraining t) {
    return new DiscoveredTraining(
        id(t.id()),
        id(t.student()),
        id(t.from()),
        t.datasets().stream().map(this::id).toList(),
        t.method(),
        t.evidence());
  }
}
