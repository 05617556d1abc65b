package dev.heredity.interop;

import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.DerivedFrom;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.lineage.manifest.TrainingSpec;
import dev.heredity.lineage.manifest.Trait;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Ancestors;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Pedigree;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.component.ModelCard;
import org.cyclonedx.model.component.data.ComponentData;
import org.cyclonedx.model.component.data.DatasetChoice;
import org.cyclonedx.model.component.modelCard.Considerations;
import org.cyclonedx.model.component.modelCard.ModelParameters;
import org.cyclonedx.model.component.modelCard.consideration.Risk;
import org.cyclonedx.model.formulation.Formula;
import org.cyclonedx.model.formulation.FormulationCommon.TaskType;
import org.cyclonedx.model.formulation.Workflow;
import org.cyclonedx.model.formulation.common.InputType;
import org.cyclonedx.model.formulation.common.OutputType;
import org.cyclonedx.model.formulation.common.ResourceReferenceChoice;
import org.cyclonedx.model.formulation.task.Task;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * CycloneDX 1.6 ML-BOM: models as {@code machine-learning-model} components with a model card,
 * datasets as {@code data} components, bases as {@code pedigree.ancestors}, generation and training
 * runs as {@code formulation} workflows, and Heredity's traits, pairs and findings as {@code
 * heredity:*} properties. The mapping is documented in docs/standards.md.
 */
final class CycloneDxExporter implements Exporter {
  static final String PREFIX = "heredity:";

  @Override
  public String export(ExportRequest request) {
    LineageFacts facts = new LineageFacts(request.analysis());
    Bom bom = new Bom();
    bom.setSerialNumber("urn:uuid:" + serial(request));
    bom.setVersion(1);
    bom.setMetadata(metadata(request, facts));
    List<Component> components = new ArrayList<>();
    for (ModelSpec m : facts.manifest().models()) {
      components.add(model(m, facts, request.findings()));
    }
    for (DatasetSpec d : facts.manifest().datasets()) {
      components.add(dataset(d, facts, request.findings()));
    }
    bom.setComponents(components);
    Formula formula = formulation(facts);
    if (!formula.getWorkflows().isEmpty()) {
      bom.setFormulation(List.of(formula));
    }
    try {
      return BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString(true) + "\n";
    } catch (GeneratorException e) {
      throw new IllegalStateException("CycloneDX generator failed: " + e.getMessage(), e);
    }
  }

  static String modelRef(String id) {
    return "model:" + id;
  }

  static String datasetRef(String id) {
    return "dataset:" + id;
  }

  private static UUID serial(ExportRequest request) {
    StringBuilder key =
        new StringBuilder()
            .append(request.analysis().manifest().file().getFileName())
            .append('|')
            .append(request.created());
    // Not the pairs' locations: the same manifest read from another folder gives the same BOM.
    request.analysis().pairs().forEach(p -> key.append('|').append(LineageFacts.describe(p)));
    return UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Metadata metadata(ExportRequest request, LineageFacts facts) {
    Metadata metadata = new Metadata();
    metadata.setTimestamp(Date.from(request.created()));
    Component tool = new Component();
    tool.setType(Component.Type.APPLICATION);
    tool.setName("heredity");
    tool.setVersion(request.toolVersion());
    ToolInformation tools = new ToolInformation();
    tools.setComponents(List.of(tool));
    metadata.setToolChoice(tools);
    List<Property> properties = new ArrayList<>();
    properties.add(property("manifest", String.valueOf(facts.manifest().file().getFileName())));
    properties.add(property("pairs", String.valueOf(facts.pairs().size())));
    if (request.analysis().worstSeverity() != null) {
      properties.add(property("worstSeverity", request.analysis().worstSeverity().label()));
    }
    // Findings about no single model or dataset stay visible at the top.
    addFindings(properties, request.findings(), facts, null);
    metadata.setProperties(properties);
    return metadata;
  }

  private static Component model(ModelSpec m, LineageFacts facts, List<AuditedFinding> findings) {
    Component c = new Component();
    c.setType(Component.Type.MACHINE_LEARNING_MODEL);
    c.setBomRef(modelRef(m.id()));
    c.setName(m.id());
    c.setDescription(m.description());
    List<Property> properties = new ArrayList<>();
    properties.add(property("kind", "model"));
    if (m.family() != null) {
      properties.add(property("family", m.family()));
    }
    if (m.checkpoint() != null) {
      c.setVersion(m.checkpoint().revision());
      if (m.checkpoint().sha256() != null) {
        c.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, m.checkpoint().sha256())));
      }
      if (m.checkpoint().uri() != null) {
        properties.add(property("checkpoint.uri", m.checkpoint().uri()));
      }
      // As written in the manifest (relative to its folder), like a dataset's heredity:path.
      addIfPresent(properties, "checkpoint.path", m.checkpoint().path());
    }
    for (Trait t : m.traits()) {
      properties.add(property("trait", TraitText.format(t)));
    }
    facts.groupsOf(m.id()).forEach(g -> properties.add(property("initGroup", g)));
    for (RiskPair p : facts.pairs()) {
      if (p.teacher().equals(m.id()) || p.student().equals(m.id())) {
        properties.add(property("pair", LineageFacts.describe(p)));
      }
    }
    addFindings(properties, findings, facts, m.id());
    c.setProperties(properties);

    List<LineageFacts.Parent> parents = facts.parents(m);
    if (!parents.isEmpty()) {
      Ancestors ancestors = new Ancestors();
      for (LineageFacts.Parent parent : parents) {
        Component a = new Component();
        a.setType(Component.Type.MACHINE_LEARNING_MODEL);
        a.setName(parent.model());
        a.setProperties(
            List.of(
                property("relation", parent.relation().label()),
                property("ref", modelRef(parent.model()))));
        ancestors.addComponent(a);
      }
      Pedigree pedigree = new Pedigree();
      pedigree.setAncestors(ancestors);
      c.setPedigree(pedigree);
    }
    c.setModelCard(modelCard(m, facts));
    return c;
  }

  private static ModelCard modelCard(ModelSpec m, LineageFacts facts) {
    ModelCard card = new ModelCard();
    card.setBomRef(modelRef(m.id()) + "#model-card");
    List<Property> properties = new ArrayList<>();
    facts
        .producer(m.id())
        .ifPresent(
            t -> {
              ModelParameters parameters = new ModelParameters();
              List<DatasetChoice> datasets = new ArrayList<>();
              for (String d : t.datasets()) {
                DatasetChoice choice = new DatasetChoice();
                choice.setRef(datasetRef(d));
                datasets.add(choice);
              }
              parameters.setDatasets(datasets);
              card.setModelParameters(parameters);
              properties.add(property("training", t.id()));
              if (t.method() != null) {
                properties.add(property("method", t.method()));
              }
            });
    List<Risk> risks = new ArrayList<>();
    for (RiskPair p : facts.pairsOfStudent(m.id())) {
      Risk risk = new Risk();
      risk.setName("subliminal trait transfer, " + LineageFacts.describe(p));
      risk.setMitigationStrategy(
          p.sharedBase()
              ? "Teacher and student share a base: audit the data with a control set (heredity scan), or"
                  + " generate it with a teacher of another base."
              : "No shared base: transfer through generated data was not observed across bases.");
      risks.add(risk);
    }
    if (!risks.isEmpty()) {
      Considerations considerations = new Considerations();
      considerations.setEthicalConsiderations(risks);
      card.setConsiderations(considerations);
    }
    if (!properties.isEmpty()) {
      card.setProperties(properties);
    }
    return card;
  }

  private static Component dataset(
      DatasetSpec d, LineageFacts facts, List<AuditedFinding> findings) {
    Component c = new Component();
    c.setType(Component.Type.DATA);
    c.setBomRef(datasetRef(d.id()));
    c.setName(d.id());
    c.setDescription(d.description());
    if (d.sha256() != null) {
      c.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, d.sha256())));
    }
    ComponentData data = new ComponentData();
    data.setType(ComponentData.ComponentDataType.DATASET);
    data.setName(d.id());
    c.setData(List.of(data));
    List<Property> properties = new ArrayList<>();
    properties.add(property("kind", "dataset"));
    addIfPresent(properties, "path", d.path());
    addIfPresent(properties, "uri", d.uri());
    addIfPresent(properties, "format", d.format());
    addIfPresent(properties, "modality", d.modality());
    addIfPresent(properties, "generatedBy", d.generatedBy());
    addIfPresent(properties, "reference", d.reference());
    d.filters().forEach(f -> properties.add(property("filter", f)));
    addFindings(properties, findings, facts, d.id());
    c.setProperties(properties);
    if (!d.derivedFrom().isEmpty()) {
      Ancestors ancestors = new Ancestors();
      for (DerivedFrom source : d.derivedFrom()) {
        Component a = new Component();
        a.setType(Component.Type.DATA);
        a.setName(source.dataset());
        List<Property> ap = new ArrayList<>();
        ap.add(property("ref", datasetRef(source.dataset())));
        addIfPresent(ap, "operation", source.operation());
        a.setProperties(ap);
        ancestors.addComponent(a);
      }
      Pedigree pedigree = new Pedigree();
      pedigree.setAncestors(ancestors);
      c.setPedigree(pedigree);
    }
    return c;
  }

  private static Formula formulation(LineageFacts facts) {
    Formula formula = new Formula();
    formula.setBomRef("formulation:heredity");
    List<Workflow> workflows = new ArrayList<>();
    for (DatasetSpec d : facts.manifest().datasets()) {
      if (d.generatedBy() != null) {
        workflows.add(
            workflow(
                "generate:" + d.id(),
                "generate " + d.id(),
                TaskType.OTHER,
                "generation",
                List.of(modelRef(d.generatedBy())),
                List.of(datasetRef(d.id()))));
      }
    }
    for (TrainingSpec t : facts.manifest().trainings()) {
      List<String> inputs = new ArrayList<>();
      if (t.from() != null) {
        inputs.add(modelRef(t.from()));
      }
      t.datasets().forEach(d -> inputs.add(datasetRef(d)));
      workflows.add(
          workflow(
              "train:" + t.id(),
              t.id(),
              TaskType.BUILD,
              "training",
              inputs,
              List.of(modelRef(t.student()))));
    }
    formula.setWorkflows(workflows);
    return formula;
  }

  private static Workflow workflow(
      String ref,
      String name,
      TaskType type,
      String activity,
      List<String> inputs,
      List<String> outputs) {
    Task task = new Task();
    task.setBomRef(ref + "/task");
    task.setUid(ref + "/task");
    task.setName(name);
    task.setTaskTypes(List.of(type));
    List<InputType> in = new ArrayList<>();
    for (String i : inputs) {
      InputType input = new InputType();
      input.setResource(reference(i));
      in.add(input);
    }
    task.setInputs(in);
    List<OutputType> out = new ArrayList<>();
    for (String o : outputs) {
      OutputType output = new OutputType();
      output.setType(OutputType.OutputTypeEnum.ARTIFACT);
      output.setResource(reference(o));
      out.add(output);
    }
    task.setOutputs(out);
    task.setProperties(List.of(property("activity", activity)));
    Workflow workflow = new Workflow();
    workflow.setBomRef(ref);
    workflow.setUid(ref);
    workflow.setName(name);
    workflow.setTaskTypes(List.of(type));
    workflow.setTasks(List.of(task));
    workflow.setProperties(List.of(property("activity", activity)));
    return workflow;
  }

  private static ResourceReferenceChoice reference(String ref) {
    ResourceReferenceChoice choice = new ResourceReferenceChoice();
    choice.setRef(ref);
    return choice;
  }

  private static void addFindings(
      List<Property> properties,
      List<AuditedFinding> findings,
      LineageFacts facts,
      String subject) {
    for (AuditedFinding f : findings) {
      if (Objects.equals(subject, facts.subjectId(f.subject()))) {
        properties.add(property("finding", f.severity() + ": " + f.rule() + ": " + f.title()));
      }
    }
  }

  private static void addIfPresent(List<Property> properties, String name, String value) {
    if (value != null) {
      properties.add(property(name, value));
    }
  }

  static Property property(String name, String value) {
    Property p = new Property();
    p.setName(PREFIX + name);
    p.setValue(value);
    return p;
  }
}
