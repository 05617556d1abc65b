package dev.heredity.discovery;

import dev.heredity.discovery.read.DatasetFacts;
import dev.heredity.discovery.read.ModelFacts;
import dev.heredity.discovery.walk.Folder;
import dev.heredity.lineage.manifest.Relation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The nodes of one discovery run while they are being linked: models and datasets by id (insertion
 * order is the output order), the identity indexes, and the rules that turn a reference into a
 * node.
 */
final class Nodes {
  static final class ModelNode {
    final String id;
    final Folder folder;
    final ModelFacts facts;
    String hubId;
    boolean external;
    final Map<String, LinkDraft> links = new LinkedHashMap<>();
    final List<DiscoveredTrait> traits = new ArrayList<>();

    ModelNode(String id, Folder folder, ModelFacts facts) {
      this.id = id;
      this.folder = folder;
      this.facts = facts;
    }
  }

  static final class LinkDraft {
    final Relation relation;
    final List<Evidence> evidence = new ArrayList<>();

    LinkDraft(Relation relation) {
      this.relation = relation;
    }
  }

  static final class DatasetNode {
    final String id;
    final Folder folder;
    final DatasetFacts facts;
    String uri;
    GeneratorLink generatedBy;
    final List<SourceLink> derivedFrom = new ArrayList<>();
    String modality;
    String reference;
    Evidence referenceEvidence;
    String description;

    /** Generators whose generation here carried a system prompt, and those that did not. */
    final Set<String> promptedGenerators = new HashSet<>();

    final Set<String> plainGenerators = new HashSet<>();

    DatasetNode(String id, Folder folder, DatasetFacts facts) {
      this.id = id;
      this.folder = folder;
      this.facts = facts;
    }
  }

  final Map<String, ModelNode> models = new LinkedHashMap<>();
  final Map<String, DatasetNode> datasets = new LinkedHashMap<>();
  final List<DiscoveredTraining> trainings = new ArrayList<>();
  final IdentityIndex modelIndex = new IdentityIndex("models");
  final IdentityIndex datasetIndex = new IdentityIndex("datasets");
  private final Set<String> ids = new HashSet<>();
  final Warnings warnings;

  /**
   * Local ids are paths below this folder when set (see {@link Discovery#discover(List, Path)}).
   */
  final Path idBase;

  Nodes(Warnings warnings, Path idBase) {
    this.warnings = warnings;
    this.idBase = idBase;
  }

  /** {@code wanted}, or {@code wanted-2}, {@code wanted-3}... when taken. */
  String claimId(String wanted) {
    String id = HubIds.sanitize(wanted);
    int n = 2;
    String candidate = id;
    while (!ids.add(candidate)) {
      candidate = id + "-" + n++;
    }
    return candidate;
  }

  /**
   * The model a reference names. A reference that resolves to nothing becomes an external node (hub
   * id, no files) so chains through models that are not on disk still join; a local path that is
   * not among the discovered folders, or a weak one-word hint, becomes nothing (and a warning for
   * the path).
   */
  Optional<String> model(
      String reference, Confidence confidence, Path from, Path root, Evidence at) {
    var match = modelIndex.resolve(reference, from, root);
    if (match.isPresent()) {
      return Optional.of(match.get().id());
    }
    String stripped = HubIds.strip(reference);
    if (HubIds.looksLikePath(reference) || !HubIds.looksLikeHubId(stripped)) {
      if (confidence != Confidence.WEAK) {
        warnings.add(
            "unresolved-reference",
            at.file(),
            at.at(),
            "'"
                + reference
                + "' is not a hub id and no discovered folder is at that path; this link is left out");
      }
      return Optional.empty();
    }
    if (confidence == Confidence.WEAK && !stripped.contains("/")) {
      return Optional.empty();
    }
    ModelNode external = new ModelNode(claimId(stripped), null, new ModelFacts());
    external.external = true;
    external.hubId = stripped;
    models.put(external.id, external);
    modelIndex.addHubId(stripped, external.id);
    return Optional.of(external.id);
  }

  /**
   * The dataset a reference names; one that resolves to nothing becomes a dataset known by its hub
   * id only.
   */
  String dataset(String reference, Path from, Path root) {
    var match = datasetIndex.resolve(reference, from, root);
    if (match.isPresent()) {
      return match.get().id();
    }
    String stripped = HubIds.strip(reference);
    DatasetNode external = new DatasetNode(claimId(stripped), null, new DatasetFacts());
    external.uri = HubIds.looksLikeHubId(stripped) ? "hf://datasets/" + stripped : reference;
    datasets.put(external.id, external);
    datasetIndex.addHubId(stripped, external.id);
    return external.id;
  }
}
