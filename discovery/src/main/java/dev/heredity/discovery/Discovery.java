package dev.heredity.discovery;

import dev.heredity.discovery.read.AdapterConfigReader;
import dev.heredity.discovery.read.DatasetCardReader;
import dev.heredity.discovery.read.DatasetFacts;
import dev.heredity.discovery.read.DistilabelPipelineReader;
import dev.heredity.discovery.read.FrontMatter;
import dev.heredity.discovery.read.GgufFactsReader;
import dev.heredity.discovery.read.MergekitRecipeReader;
import dev.heredity.discovery.read.ModelCardReader;
import dev.heredity.discovery.read.ModelConfigReader;
import dev.heredity.discovery.read.ModelFacts;
import dev.heredity.discovery.read.SourceText;
import dev.heredity.discovery.walk.Folder;
import dev.heredity.discovery.walk.Walker;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds lineage from the artifacts in some folders: walks them ({@link Walker}), reads each
 * folder's model or dataset artifacts, then links references ({@link ModelLinker}, {@link
 * DatasetLinker}). Every input that cannot be used becomes a {@link DiscoveryWarning}; nothing in
 * the tree can make it throw.
 */
public final class Discovery {
  private final DiscoveryLimits limits;

  public Discovery(DiscoveryLimits limits) {
    this.limits = limits;
  }

  public static DiscoveryResult run(List<Path> roots) {
    return new Discovery(DiscoveryLimits.defaults()).discover(roots);
  }

  public DiscoveryResult discover(List<Path> roots) {
    return discover(roots, null);
  }

  /**
   * Discovers {@code roots}; local ids are paths below {@code idBase} when given (a manifest's
   * folder, so the ids of {@code discover: [models/]} read {@code models/x}), else below each root.
   */
  public DiscoveryResult discover(List<Path> roots, Path idBase) {
    Warnings warnings = new Warnings();
    Nodes nodes = new Nodes(warnings, idBase == null ? null : idBase.toAbsolutePath().normalize());
    List<Folder> folders = new Walker(limits, warnings).walk(roots);
    Map<Path, Nodes.DatasetNode> datasetsByDir = new HashMap<>();
    // Reading folders is independent work; registering them stays in walk order (ids, warnings,
    // output).
    List<Examined> examined = folders.parallelStream().map(this::examine).toList();
    for (Examined e : examined) {
      warnings.addAll(e.warnings());
      register(e, nodes, datasetsByDir);
    }
    new ModelLinker(nodes).link();
    new DatasetLinker(nodes, limits).link();
    return Results.of(nodes, warnings);
  }

  private enum Kind {
    MODEL,
    DATASET,
    DATA_FILES,
    NONE
  }

  /** What one folder is and what its artifacts say, read without touching shared state. */
  private record Examined(
      Folder folder,
      Kind kind,
      ModelFacts model,
      DatasetFacts dataset,
      Optional<String> snapshot,
      List<Path> dataFiles,
      Warnings warnings) {}

  private Examined examine(Folder folder) {
    Warnings warnings = new Warnings();
    Optional<FrontMatter.Block> card =
        folder
            .file("README.md")
            .flatMap(f -> SourceText.read(f, limits.maxCardBytes(), warnings))
            .flatMap(text -> FrontMatter.of(text, warnings));
    boolean datasetCard = card.isPresent() && DatasetCardReader.isDatasetCard(card.get().node());
    boolean modelCard =
        card.isPresent()
            && !datasetCard
            && FolderKind.MODEL_CARD_KEYS.stream().anyMatch(card.get().node()::has);
    Optional<Path> pipeline = folder.file("pipeline.yaml").or(() -> folder.file("pipeline.yml"));
    List<Path> dataFiles =
        folder.files().stream()
            .filter(f -> FolderKind.isDataFile(f.getFileName().toString()))
            .toList();
    boolean modelFiles =
        folder.files().stream().anyMatch(f -> FolderKind.isModelFile(f.getFileName().toString()));
    Optional<String> modelSnapshot = HubIds.snapshotHubId(folder.dir(), "models");
    Optional<String> datasetSnapshot = HubIds.snapshotHubId(folder.dir(), "datasets");

    if (datasetCard || pipeline.isPresent() || datasetSnapshot.isPresent()) {
      DatasetFacts facts = new DatasetFacts();
      card.filter(c -> datasetCard).ifPresent(c -> DatasetCardReader.read(c, facts, warnings));
      pipeline
          .flatMap(p -> SourceText.read(p, limits.maxCardBytes(), warnings))
          .ifPresent(p -> DistilabelPipelineReader.read(p, facts, warnings));
      facts.hubId = datasetSnapshot.orElse(null);
      facts.dataFiles.addAll(dataFiles);
      return new Examined(folder, Kind.DATASET, null, facts, datasetSnapshot, dataFiles, warnings);
    }
    if (modelCard || modelFiles || modelSnapshot.isPresent()) {
      return new Examined(
          folder,
          Kind.MODEL,
          readModel(folder, card.filter(c -> modelCard), warnings),
          null,
          modelSnapshot,
          dataFiles,
          warnings);
    }
    return new Examined(
        folder,
        dataFiles.isEmpty() ? Kind.NONE : Kind.DATA_FILES,
        null,
        null,
        Optional.empty(),
        dataFiles,
        warnings);
  }

  private void register(Examined e, Nodes nodes, Map<Path, Nodes.DatasetNode> datasetsByDir) {
    Folder folder = e.folder();
    switch (e.kind()) {
      case DATASET ->
          addDataset(
              new Nodes.DatasetNode(
                  nodes.claimId(
                      e.dataset().hubId != null
                          ? e.dataset().hubId
                          : localId(folder, nodes.idBase)),
                  folder,
                  e.dataset()),
              nodes,
              datasetsByDir);
      case MODEL -> registerModel(folder, e.model(), e.snapshot(), nodes);
      case DATA_FILES -> {
        Nodes.DatasetNode owner = owner(folder.dir(), folder.root(), datasetsByDir);
        if (owner != null) {
          owner.facts.dataFiles.addAll(e.dataFiles());
        } else {
          DatasetFacts facts = new DatasetFacts();
          facts.dataFiles.addAll(e.dataFiles());
          addDataset(
              new Nodes.DatasetNode(nodes.claimId(localId(folder, nodes.idBase)), folder, facts),
              nodes,
              datasetsByDir);
        }
      }
      case NONE -> {}
    }
  }

  private void addDataset(
      Nodes.DatasetNode node, Nodes nodes, Map<Path, Nodes.DatasetNode> datasetsByDir) {
    nodes.datasets.put(node.id, node);
    nodes.datasetIndex.addFolder(node.folder.dir(), node.folder.name(), node.id);
    if (node.facts.hubId != null) {
      nodes.datasetIndex.addHubId(node.facts.hubId, node.id);
    }
    datasetsByDir.put(node.folder.dir(), node);
  }

  /**
   * A dataset folder up to two levels above (a {@code data/} or {@code data/train/} folder of
   * shards).
   */
  private static Nodes.DatasetNode owner(
      Path dir, Path root, Map<Path, Nodes.DatasetNode> datasetsByDir) {
    Path p = dir.getParent();
    for (int up = 0; up < 2 && p != null && p.startsWith(root); up++, p = p.getParent()) {
      Nodes.DatasetNode node = datasetsByDir.get(p);
      if (node != null) {
        return node;
      }
    }
    return null;
  }

  private ModelFacts readModel(Folder folder, Optional<FrontMatter.Block> card, Warnings warnings) {
    ModelFacts facts = new ModelFacts();
    card.ifPresent(c -> ModelCardReader.read(c, facts, warnings));
    folder
        .file("adapter_config.json")
        .flatMap(f -> SourceText.read(f, limits.maxCardBytes(), warnings))
        .ifPresent(t -> AdapterConfigReader.read(t, facts, warnings));
    folder
        .file("mergekit_config.yml")
        .or(() -> folder.file("mergekit_config.yaml"))
        .flatMap(f -> SourceText.read(f, limits.maxCardBytes(), warnings))
        .ifPresent(t -> MergekitRecipeReader.read(t, facts, warnings));
    folder
        .file("config.json")
        .flatMap(f -> SourceText.read(f, limits.maxCardBytes(), warnings))
        .ifPresent(t -> ModelConfigReader.read(t, facts, warnings));
    folder.files().stream()
        .filter(
            f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gguf"))
        .findFirst()
        .ifPresent(f -> GgufFactsReader.read(f, limits.maxGgufHeaderBytes(), facts, warnings));
    return facts;
  }

  /** A new model node; a second snapshot of a hub id already seen adds its facts to that node. */
  private static void registerModel(
      Folder folder, ModelFacts facts, Optional<String> snapshot, Nodes nodes) {
    Nodes.ModelNode existing =
        snapshot.flatMap(nodes.modelIndex::byHub).map(nodes.models::get).orElse(null);
    if (existing != null) {
      existing.facts.absorb(facts);
      return;
    }
    String id = nodes.claimId(snapshot.orElseGet(() -> localId(folder, nodes.idBase)));
    Nodes.ModelNode node = new Nodes.ModelNode(id, folder, facts);
    if (snapshot.isPresent()) {
      node.hubId = snapshot.get();
      facts.hubId = snapshot.get();
      facts.revision = revision(folder.dir());
      nodes.modelIndex.addHubId(snapshot.get(), id);
    }
    nodes.models.put(id, node);
    nodes.modelIndex.addFolder(folder.dir(), folder.name(), id);
  }

  /** A snapshot folder is named by its revision (commit hash). */
  private static String revision(Path snapshot) {
    return snapshot.getFileName().toString();
  }

  /** Id of a local folder: its path below the discovery root, or its name for the root itself. */
  static String localId(Folder folder, Path idBase) {
    Path base = idBase != null && folder.dir().startsWith(idBase) ? idBase : folder.root();
    Path rel = base.relativize(folder.dir());
    String id = rel.toString().replace('\\', '/');
    return id.isEmpty() ? folder.name() : id;
  }

  /**
   * Data files of a dataset folder, narrowed to the card's {@code configs[].data_files} patterns
   * when given.
   */
  static List<Path> dataFiles(Nodes.DatasetNode node) {
    List<Path> all = node.facts.dataFiles;
    if (node.facts.dataFilePatterns.isEmpty() || node.folder == null) {
      return all;
    }
    List<PathMatcher> matchers = new ArrayList<>();
    for (String pattern : node.facts.dataFilePatterns) {
      try {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
      } catch (RuntimeException e) {
        return all;
      }
    }
    List<Path> matched =
        all.stream()
            .filter(
                f -> matchers.stream().anyMatch(m -> m.matches(node.folder.dir().relativize(f))))
            .toList();
    return matched.isEmpty() ? all : matched;
  }
}
