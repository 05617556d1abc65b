package dev.heredity.discovery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Freezes the linked nodes into the immutable result. */
final class Results {
  private Results() {}

  static DiscoveryResult of(Nodes nodes, Warnings warnings) {
    List<DiscoveredModel> models = new ArrayList<>();
    for (Nodes.ModelNode m : nodes.models.values()) {
      List<BaseLink> base = new ArrayList<>();
      m.links.forEach(
          (target, link) -> base.add(new BaseLink(target, link.relation, link.evidence)));
      models.add(
          new DiscoveredModel(
              m.id,
              m.hubId,
              m.facts.revision,
              m.folder == null ? null : m.folder.dir(),
              m.external,
              m.facts.family,
              base,
              m.traits,
              m.facts.attributes,
              m.facts.evidence));
    }
    List<DiscoveredDataset> datasets = new ArrayList<>();
    for (Nodes.DatasetNode d : nodes.datasets.values()) {
      Path path = null;
      if (d.folder != null) {
        List<Path> files = Discovery.dataFiles(d);
        path = files.size() == 1 ? files.get(0) : d.folder.dir();
      }
      datasets.add(
          new DiscoveredDataset(
              d.id,
              path,
              d.uri,
              d.facts.format,
              d.modality,
              d.generatedBy,
              d.derivedFrom,
              d.reference,
              d.referenceEvidence,
              d.description,
              d.facts.machineGenerated,
              d.facts.evidence));
    }
    return new DiscoveryResult(models, datasets, nodes.trainings, warnings.list());
  }
}
