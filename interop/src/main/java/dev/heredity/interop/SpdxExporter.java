package dev.heredity.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.Severity;
import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.DerivedFrom;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.lineage.manifest.TrainingSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * SPDX 3.0.1 JSON-LD with the AI and Dataset profiles: models as {@code ai_AIPackage}, datasets as
 * {@code dataset_DatasetPackage}, lineage as relationships ({@code ancestorOf}, {@code
 * descendantOf}, {@code generates}, {@code trainedOn}, {@code testedOn}) and pairs and findings as
 * review annotations. Written with Jackson: the SPDX Java model library is far larger than the few
 * dozen objects this needs.
 */
final class SpdxExporter implements Exporter {
  static final String CONTEXT = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld";
  private static final String CREATION_INFO = "_:creationinfo";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String export(ExportRequest request) {
    LineageFacts facts = new LineageFacts(request.analysis());
    Ids ids = new Ids(namespace(request));
    ObjectNode root = JSON.createObjectNode();
    root.put("@context", CONTEXT);
    ArrayNode graph = root.putArray("@graph");
    List<String> elements = new ArrayList<>();

    ObjectNode info = graph.addObject();
    info.put("type", "CreationInfo");
    info.put("@id", CREATION_INFO);
    info.put("specVersion", "3.0.1");
    info.put("created", request.created().toString());
    info.putArray("createdBy").add(ids.of("agent", "heredity"));
    info.putArray("createdUsing").add(ids.of("tool", "heredity"));
    ObjectNode agent = element(graph, "SoftwareAgent", ids.of("agent", "heredity"), "Heredity");
    agent.put(
        "comment",
        "Heredity " + request.toolVersion() + ", lineage audit for subliminal trait transfer");
    element(graph, "Tool", ids.of("tool", "heredity"), "heredity " + request.toolVersion());
    elements.add(ids.of("agent", "heredity"));
    elements.add(ids.of("tool", "heredity"));

    for (ModelSpec m : facts.manifest().models()) {
      elements.add(model(graph, ids, m, facts));
    }
    for (DatasetSpec d : facts.manifest().datasets()) {
      elements.add(dataset(graph, ids, d));
    }
    Relations relations = new Relations(graph, ids, elements);
    for (ModelSpec m : facts.manifest().models()) {
      for (LineageFacts.Parent p : facts.parents(m)) {
        relations.add(
            ids.of("model", p.model()),
            "ancestorOf",
            List.of(ids.of("model", m.id())),
            "relation: " + p.relation().label());
      }
    }
    for (DatasetSpec d : facts.manifest().datasets()) {
      if (d.generatedBy() != null) {
        relations.add(
            ids.of("model", d.generatedBy()),
            "generates",
            List.of(ids.of("dataset", d.id())),
            null);
      }
      for (DerivedFrom source : d.derivedFrom()) {
        relations.add(
            ids.of("dataset", d.id()),
            "descendantOf",
            List.of(ids.of("dataset", source.dataset())),
            source.operation() == null ? null : "operation: " + source.operation());
      }
      if (d.reference() != null) {
        relations.add(
            ids.of("dataset", d.id()),
            "testedOn",
            List.of(ids.of("dataset", d.reference())),
            "heredity: the control set the detectors compare this dataset against");
      }
    }
    for (TrainingSpec t : facts.manifest().trainings()) {
      if (!t.datasets().isEmpty()) {
        relations.add(
            ids.of("model", t.student()),
            "trainedOn",
            t.datasets().stream().map(d -> ids.of("dataset", d)).toList(),
            "training: " + t.id());
      }
    }
    int n = 0;
    for (RiskPair p : facts.pairs()) {
      elements.add(
          annotation(
              graph,
              ids.of("annotation", "pair-" + (++n)),
              ids.of("model", p.student()),
              "heredity pair " + LineageFacts.describe(p)));
    }
    n = 0;
    for (AuditedFinding f : request.findings()) {
      String about = facts.subjectId(f.subject());
      String subject =
          about == null
              ? ids.of("document", "heredity")
              : facts.isModel(about) ? ids.of("model", about) : ids.of("dataset", about);
      elements.add(
          annotation(
              graph,
              ids.of("annotation", "finding-" + (++n)),
              subject,
              "heredity finding " + f.severity() + ": " + f.rule() + ": " + f.title()));
    }

    ObjectNode doc =
        element(
            graph,
            "SpdxDocument",
            ids.of("document", "heredity"),
            "heredity lineage of " + facts.manifest().file().getFileName());
    ArrayNode profiles = doc.putArray("profileConformance");
    List.of("core", "software", "ai", "dataset").forEach(profiles::add);
    ArrayNode rootElements = doc.putArray("rootElement");
    facts.manifest().models().stream()
        .filter(m -> facts.producer(m.id()).isPresent())
        .forEach(m -> rootElements.add(ids.of("model", m.id())));
    if (rootElements.isEmpty()) {
      facts.manifest().models().forEach(m -> rootElements.add(ids.of("model", m.id())));
    }
    ArrayNode all = doc.putArray("element");
    elements.forEach(all::add);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String namespace(ExportRequest request) {
    String key = request.analysis().manifest().file().getFileName() + "|" + request.created();
    return "urn:heredity:" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }

  private static ObjectNode element(ArrayNode graph, String type, String id, String name) {
    ObjectNode node = graph.addObject();
    node.put("type", type);
    node.put("spdxId", id);
    node.put("creationInfo", CREATION_INFO);
    if (name != null) {
      node.put("name", name);
    }
    return node;
  }

  private static String model(ArrayNode graph, Ids ids, ModelSpec m, LineageFacts facts) {
    String id = ids.of("model", m.id());
    ObjectNode node = element(graph, "ai_AIPackage", id, m.id());
    node.put("software_primaryPurpose", "model");
    if (m.description() != null) {
      node.put("description", m.description());
    }
    if (m.checkpoint() != null) {
      if (m.checkpoint().uri() != null) {
        node.put("software_downloadLocation", m.checkpoint().uri());
      }
      if (m.checkpoint().revision() != null) {
        node.put("software_packageVersion", m.checkpoint().revision());
      }
      hash(node, m.checkpoint().sha256());
    }
    // SPDX has no field for a local file path: like a dataset's path, it goes in the comment.
    List<String> comment = new ArrayList<>();
    if (!m.traits().isEmpty()) {
      comment.add(
          "heredity traits: "
              + m.traits().stream().map(TraitText::format).collect(Collectors.joining(" | ")));
    }
    if (m.checkpoint() != null && m.checkpoint().path() != null) {
      comment.add("checkpoint path: " + m.checkpoint().path());
    }
    if (!comment.isEmpty()) {
      node.put("comment", String.join("\n", comment));
    }
    facts
        .producer(m.id())
        .ifPresent(
            t ->
                node.put(
                    "ai_informationAboutTraining",
                    (t.method() == null ? "trained" : t.method())
                        + " in "
                        + t.id()
                        + (t.from() == null ? " from scratch" : " from " + t.from())
                        + " on "
                        + String.join(", ", t.datasets())));
    facts.worstAsStudent(m.id()).ifPresent(s -> node.put("ai_safetyRiskAssessment", riskLevel(s)));
    return id;
  }

  /** SPDX's EU AI Act levels: critical maps to the highest, {@code serious}. */
  static String riskLevel(Severity severity) {
    return switch (severity) {
      case CRITICAL -> "serious";
      case HIGH -> "high";
      case MEDIUM -> "medium";
      case LOW, INFO -> "low";
    };
  }

  private static String dataset(ArrayNode graph, Ids ids, DatasetSpec d) {
    String id = ids.of("dataset", d.id());
    ObjectNode node = element(graph, "dataset_DatasetPackage", id, d.id());
    node.put("software_primaryPurpose", "data");
    if (d.description() != null) {
      node.put("description", d.description());
    }
    if (d.uri() != null) {
      node.put("software_downloadLocation", d.uri());
    }
    hash(node, d.sha256());
    node.putArray("dataset_datasetType").add(datasetType(d.modality()));
    if (d.generatedBy() != null) {
      node.put("dataset_dataCollectionProcess", "generated by model " + d.generatedBy());
    }
    if (!d.filters().isEmpty()) {
      node.putArray("dataset_dataPreprocessing").add("filters: " + String.join(", ", d.filters()));
    }
    if (d.path() != null) {
      node.put("comment", "path: " + d.path());
    }
    return id;
  }

  static String datasetType(String modality) {
    if (modality == null) {
      return "noAssertion";
    }
    return modality.equals("numbers") ? "numeric" : "text";
  }

  private static void hash(ObjectNode node, String sha256) {
    if (sha256 != null) {
      ObjectNode hash = node.putArray("verifiedUsing").addObject();
      hash.put("type", "Hash");
      hash.put("algorithm", "sha256");
      hash.put("hashValue", sha256);
    }
  }

  private static String annotation(ArrayNode graph, String id, String subject, String statement) {
    ObjectNode node = element(graph, "Annotation", id, null);
    node.put("annotationType", "review");
    node.put("subject", subject);
    node.put("statement", statement);
    return id;
  }

  /** Element ids inside the document's namespace. */
  private record Ids(String namespace) {
    String of(String kind, String id) {
      return namespace + ":" + kind + ":" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
  }

  /** Numbers relationships in the order they are added. */
  private static final class Relations {
    private final ArrayNode graph;
    private final Ids ids;
    private final List<String> elements;
    private int count;

    Relations(ArrayNode graph, Ids ids, List<String> elements) {
      this.graph = graph;
      this.ids = ids;
      this.elements = elements;
    }

    void add(String from, String type, List<String> to, String comment) {
      String id = ids.of("relationship", String.valueOf(++count));
      ObjectNode node = element(graph, "Relationship", id, null);
      node.put("from", from);
      ArrayNode targets = node.putArray("to");
      to.forEach(targets::add);
      node.put("relationshipType", type);
      if (comment != null) {
        node.put("comment", comment);
      }
      elements.add(id);
    }
  }
}
