package dev.heredity.lineage.graph;

import dev.heredity.lineage.Quoted;
import dev.heredity.lineage.SourceLocation;
import dev.heredity.lineage.manifest.BaseRef;
import dev.heredity.lineage.manifest.Confidence;
import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.DerivedFrom;
import dev.heredity.lineage.manifest.Evidence;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.lineage.manifest.TrainingSpec;
import dev.heredity.lineage.manifest.Trait;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jgrapht.Graph;
import org.jgrapht.graph.AbstractBaseGraph;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;
import org.jgrapht.graph.DefaultGraphType;

/**
 * The typed provenance graph of a validated manifest (a JGraphT directed multigraph of models,
 * datasets and trainings), with lookups by id and the init roots. Nodes and edges keep manifest
 * order, so exports are byte-identical across runs.
 */
public final class ProvenanceGraph {
  private final Manifest manifest;
  private Graph<GraphNode, GraphEdge> graph;
  private final Map<String, GraphNode> nodes = new LinkedHashMap<>();
  private final List<GraphEdge> edges = new ArrayList<>();
  private final Map<String, ModelSpec> models = new HashMap<>();
  private final Map<String, DatasetSpec> datasets = new HashMap<>();
  private final Map<String, TrainingSpec> trainings = new HashMap<>();
  private final Map<String, TrainingSpec> producers = new HashMap<>();
  private final InitRoots roots;
  private final TraitInheritance inheritance;
  private final String manifestName;
  private Map<String, GraphEdge> edgeIndex;

  private ProvenanceGraph(Manifest manifest) {
    this.manifest = manifest;
    this.manifestName = manifest.file().toString();
    for (ModelSpec model : manifest.models()) {
      models.put(model.id(), model);
      add(new GraphNode(model.id(), NodeKind.MODEL, modelLabel(model)));
    }
    for (DatasetSpec dataset : manifest.datasets()) {
      datasets.put(dataset.id(), dataset);
      add(new GraphNode(dataset.id(), NodeKind.DATASET, dataset.id()));
    }
    for (TrainingSpec training : manifest.trainings()) {
      trainings.put(training.id(), training);
      producers.put(training.student(), training);
      add(
          new GraphNode(
              training.id(),
              NodeKind.TRAINING,
              training.method() == null
                  ? training.id()
                  : training.id() + " (" + training.method() + ")"));
    }
    for (ModelSpec model : manifest.models()) {
      for (BaseRef base : model.base()) {
        connect(
            base.model(),
            model.id(),
            base.relation().label(),
            evidence(base.evidence(), model.evidence(), base.location()));
      }
    }
    for (DatasetSpec dataset : manifest.datasets()) {
      if (dataset.generatedBy() != null) {
        connect(
            dataset.generatedBy(),
            dataset.id(),
            GraphEdge.GENERATED,
            evidence(
                dataset.generatedByEvidence(),
                dataset.evidence(),
                dataset.locationOf("generatedBy")));
      }
      for (DerivedFrom source : dataset.derivedFrom()) {
        connect(
            source.dataset(),
            dataset.id(),
            source.operation() == null ? GraphEdge.DERIVED : source.operation(),
            evidence(source.evidence(), dataset.evidence(), source.location()));
      }
      if (dataset.reference() != null) {
        connect(
            dataset.id(),
            dataset.reference(),
            GraphEdge.REFERENCE,
            evidence(List.of(), dataset.evidence(), dataset.locationOf("reference")));
      }
    }
    for (TrainingSpec training : manifest.trainings()) {
      if (training.from() != null) {
        connect(
            training.from(),
            training.id(),
            GraphEdge.FROM,
            evidence(List.of(), training.evidence(), training.locationOf("from")));
      }
      for (int i = 0; i < training.datasets().size(); i++) {
        connect(
            training.datasets().get(i),
            training.id(),
            GraphEdge.INPUT,
            evidence(List.of(), training.evidence(), training.datasetLocation(i)));
      }
      connect(
          training.id(),
          training.student(),
          GraphEdge.PRODUCES,
          evidence(List.of(), training.evidence(), training.locationOf("student")));
    }
    this.roots = new InitRoots(manifest);
    this.inheritance = new TraitInheritance(this);
  }

  /**
   * The edge's own evidence, else its declaring entry's, else the manifest line that declares it.
   */
  private List<Evidence> evidence(
      List<Evidence> own, List<Evidence> entry, SourceLocation declared) {
    if (!own.isEmpty()) {
      return own;
    }
    if (!entry.isEmpty()) {
      return entry;
    }
    return List.of(new Evidence(manifestName, "line " + declared.line(), Confidence.DECLARED));
  }

  /**
   * A directed multigraph without JGraphT's default vertex-pair index: nothing here asks for the
   * edges between two given vertices, and keeping that index cost a third of the build time at 300k
   * edges (bench/lineage).
   */
  private static final class Multigraph extends AbstractBaseGraph<GraphNode, GraphEdge> {
    private static final long serialVersionUID = 1L;

    Multigraph() {
      super(
          null, null, DefaultGraphType.directedMultigraph(), new DefaultGraphSpecificsStrategy<>());
    }
  }

  /** Builds the graph of a manifest that passed validation. */
  public static ProvenanceGraph of(Manifest manifest) {
    return new ProvenanceGraph(manifest);
  }

  private static String modelLabel(ModelSpec model) {
    if (model.traits().isEmpty()) {
      return model.id();
    }
    return model.id()
        + " ["
        + model.traits().stream()
            .map(t -> t.harmful() ? t.name() + "!" : t.name())
            .collect(Collectors.joining(", "))
        + "]";
  }

  private void add(GraphNode node) {
    nodes.put(node.id(), node);
  }

  private void connect(String source, String target, String relation, List<Evidence> evidence) {
    edges.add(new GraphEdge(source, target, relation, evidence));
  }

  /**
   * The first edge (in manifest order) from {@code source} to {@code target}, any relation except
   * {@code reference}; built into an index on first use.
   */
  public Optional<GraphEdge> edge(String source, String target) {
    return Optional.ofNullable(edgeIndex().get(source + '\u0000' + target));
  }

  /**
   * The edges along a path of ids (such as {@link dev.heredity.lineage.RiskPair#path()}), one per
   * consecutive pair: each with the evidence of that hop.
   *
   * @throws IllegalArgumentException when two consecutive ids are not linked
   */
  public List<GraphEdge> edgesAlong(List<String> path) {
    List<GraphEdge> hops = new ArrayList<>(Math.max(0, path.size() - 1));
    for (int i = 0; i + 1 < path.size(); i++) {
      String source = path.get(i);
      String target = path.get(i + 1);
      hops.add(
          edge(source, target)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "no edge from " + Quoted.of(source) + " to " + Quoted.of(target))));
    }
    return hops;
  }

  private synchronized Map<String, GraphEdge> edgeIndex() {
    if (edgeIndex == null) {
      Map<String, GraphEdge> index = new HashMap<>(edges.size() * 2);
      for (GraphEdge edge : edges) {
        if (!edge.relation().equals(GraphEdge.REFERENCE)) {
          index.putIfAbsent(edge.source() + '\u0000' + edge.target(), edge);
        }
      }
      edgeIndex = index;
    }
    return edgeIndex;
  }

  public Manifest manifest() {
    return manifest;
  }

  /**
   * The JGraphT graph (read it, do not modify it), for exporters and graph algorithms. Built on
   * first use: validation and pair finding work on int-indexed arrays and do not need it, and at
   * 300k edges building it costs about as much as finding the pairs.
   */
  public synchronized Graph<GraphNode, GraphEdge> graph() {
    if (graph == null) {
      Graph<GraphNode, GraphEdge> built = new Multigraph();
      nodes.values().forEach(built::addVertex);
      for (GraphEdge edge : edges) {
        built.addEdge(nodes.get(edge.source()), nodes.get(edge.target()), edge);
      }
      graph = built;
    }
    return graph;
  }

  /** Models (declared order, created students last), then datasets, then trainings. */
  public List<GraphNode> nodes() {
    return List.copyOf(nodes.values());
  }

  /** Edges in manifest order: base links, then dataset links, then training links. */
  public List<GraphEdge> edges() {
    return Collections.unmodifiableList(edges);
  }

  public Optional<GraphNode> node(String id) {
    return Optional.ofNullable(nodes.get(id));
  }

  public Optional<ModelSpec> model(String id) {
    return Optional.ofNullable(models.get(id));
  }

  public Optional<DatasetSpec> dataset(String id) {
    return Optional.ofNullable(datasets.get(id));
  }

  public Optional<TrainingSpec> training(String id) {
    return Optional.ofNullable(trainings.get(id));
  }

  /** The training that produced {@code model}, if any. */
  public Optional<TrainingSpec> producer(String model) {
    return Optional.ofNullable(producers.get(model));
  }

  public InitRoots roots() {
    return roots;
  }

  /**
   * The declared traits of {@code model}, and those it carries in weights copied from its bases.
   */
  public List<Trait> traitsOf(String model) {
    return inheritance.traitsOf(model);
  }

  /**
   * Ids of the models whose weights {@code model} starts from (non-distill bases and a training's
   * {@code from}).
   */
  public List<String> weightParents(String model) {
    return inheritance.weightParents(model);
  }

  /**
   * Whether {@code model} has exactly the weights of {@code start}: it is {@code start} or a
   * prompted copy of it.
   */
  public boolean sameWeights(String model, String start) {
    return inheritance.sameWeights(model, start);
  }
}
