package dev.heredity.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.DerivedFrom;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.lineage.manifest.TrainingSpec;
import java.util.Objects;

/**
 * W3C PROV-JSON: models and datasets are entities, generation and training runs are activities; a
 * run {@code used} its inputs and its outputs {@code wasGeneratedBy} it; a model {@code
 * wasDerivedFrom} its base (typed by relation) and a dataset from its sources. Pairs and findings
 * are {@code heredity:} attributes.
 */
final class ProvExporter implements Exporter {
  static final String NAMESPACE = "https://heredity.dev/ns/prov#";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String export(ExportRequest request) {
    LineageFacts facts = new LineageFacts(request.analysis());
    ObjectNode root = JSON.createObjectNode();
    root.putObject("prefix").put("heredity", NAMESPACE);
    ObjectNode entities = root.putObject("entity");
    ObjectNode activities = root.putObject("activity");
    ObjectNode used = root.putObject("used");
    ObjectNode generated = root.putObject("wasGeneratedBy");
    ObjectNode derived = root.putObject("wasDerivedFrom");
    Counter ids = new Counter();

    for (ModelSpec m : facts.manifest().models()) {
      ObjectNode e = entities.putObject(model(m.id()));
      e.set("prov:type", qualified("heredity:Model"));
      e.put("prov:label", m.id());
      if (m.family() != null) {
        e.put("heredity:family", m.family());
      }
      if (m.checkpoint() != null) {
        putIfPresent(e, "heredity:sha256", m.checkpoint().sha256());
        putIfPresent(e, "heredity:path", m.checkpoint().path());
      }
      var traits = e.putArray("heredity:trait");
      m.traits().stream().map(TraitText::format).forEach(traits::add);
      if (traits.isEmpty()) {
        e.remove("heredity:trait");
      }
      var pairs = e.putArray("heredity:pair");
      for (RiskPair p : facts.pairsOfStudent(m.id())) {
        pairs.add(LineageFacts.describe(p));
      }
      if (pairs.isEmpty()) {
        e.remove("heredity:pair");
      }
      findings(e, request, facts, m.id());
      for (LineageFacts.Parent p : facts.parents(m)) {
        ObjectNode d = derived.putObject("_:d" + ids.next());
        d.put("prov:generatedEntity", model(m.id()));
        d.put("prov:usedEntity", model(p.model()));
        d.put("heredity:relation", p.relation().label());
        facts
            .producer(m.id())
            .filter(t -> p.model().equals(t.from()))
            .ifPresent(t -> d.put("prov:activity", training(t.id())));
      }
    }
    for (DatasetSpec ds : facts.manifest().datasets()) {
      ObjectNode e = entities.putObject(dataset(ds.id()));
      e.set("prov:type", qualified("heredity:Dataset"));
      e.put("prov:label", ds.id());
      putIfPresent(e, "heredity:path", ds.path());
      putIfPresent(e, "heredity:sha256", ds.sha256());
      putIfPresent(e, "heredity:modality", ds.modality());
      putIfPresent(e, "heredity:reference", ds.reference());
      findings(e, request, facts, ds.id());
      if (ds.generatedBy() != null) {
        String activity = "heredity:generate/" + ds.id();
        ObjectNode a = activities.putObject(activity);
        a.set("prov:type", qualified("heredity:Generation"));
        a.put("prov:endTime", request.created().toString());
        link(used, "_:u" + ids.next(), activity, model(ds.generatedBy()));
        ObjectNode g = generated.putObject("_:g" + ids.next());
        g.put("prov:entity", dataset(ds.id()));
        g.put("prov:activity", activity);
      }
      for (DerivedFrom source : ds.derivedFrom()) {
        ObjectNode d = derived.putObject("_:d" + ids.next());
        d.put("prov:generatedEntity", dataset(ds.id()));
        d.put("prov:usedEntity", dataset(source.dataset()));
        putIfPresent(d, "heredity:operation", source.operation());
      }
    }
    if (request.findings().stream().anyMatch(f -> facts.subjectId(f.subject()) == null)) {
      // Findings about no single model or dataset: on an entity that stands for the audit itself.
      ObjectNode audit = entities.putObject("heredity:audit");
      audit.set("prov:type", qualified("heredity:Audit"));
      findings(audit, request, facts, null);
    }
    for (TrainingSpec t : facts.manifest().trainings()) {
      ObjectNode a = activities.putObject(training(t.id()));
      a.set("prov:type", qualified("heredity:Training"));
      putIfPresent(a, "heredity:method", t.method());
      a.put("prov:endTime", request.created().toString());
      if (t.from() != null) {
        link(used, "_:u" + ids.next(), training(t.id()), model(t.from()));
      }
      for (String d : t.datasets()) {
        link(used, "_:u" + ids.next(), training(t.id()), dataset(d));
      }
      ObjectNode g = generated.putObject("_:g" + ids.next());
      g.put("prov:entity", model(t.student()));
      g.put("prov:activity", training(t.id()));
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String model(String id) {
    return "heredity:model/" + id;
  }

  static String dataset(String id) {
    return "heredity:dataset/" + id;
  }

  static String training(String id) {
    return "heredity:train/" + id;
  }

  private static void link(ObjectNode used, String id, String activity, String entity) {
    ObjectNode u = used.putObject(id);
    u.put("prov:activity", activity);
    u.put("prov:entity", entity);
  }

  private static ObjectNode qualified(String name) {
    ObjectNode value = JSON.createObjectNode();
    value.put("$", name);
    value.put("type", "prov:QUALIFIED_NAME");
    return value;
  }

  private static void findings(
      ObjectNode entity, ExportRequest request, LineageFacts facts, String subject) {
    var list = entity.putArray("heredity:finding");
    request.findings().stream()
        .filter(f -> Objects.equals(subject, facts.subjectId(f.subject())))
        .forEach(f -> list.add(f.severity() + ": " + f.rule() + ": " + f.title()));
    if (list.isEmpty()) {
      entity.remove("heredity:finding");
    }
  }

  private static void putIfPresent(ObjectNode node, String key, String value) {
    if (value != null) {
      node.put(key, value);
    }
  }

  /** Blank-node numbers for relation records, in the order they are written. */
  private static final class Counter {
    private int value;

    int next() {
      return ++value;
    }
  }
}
