package dev.heredity.discovery.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heredity.discovery.BaseLink;
import dev.heredity.discovery.DiscoveredDataset;
import dev.heredity.discovery.DiscoveredModel;
import dev.heredity.discovery.DiscoveredTraining;
import dev.heredity.discovery.DiscoveredTrait;
import dev.heredity.discovery.DiscoveryResult;
import dev.heredity.discovery.Evidence;
import dev.heredity.discovery.SourceLink;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a discovery result as a version-1 manifest in JSON, evidence as {@code evidence} fields.
 */
public final class JsonManifestWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final ManifestStyle style;

  private JsonManifestWriter(ManifestStyle style) {
    this.style = style;
  }

  public static String write(DiscoveryResult result, ManifestStyle style) {
    ObjectNode root = new JsonManifestWriter(style).manifest(result);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode manifest(DiscoveryResult result) {
    ObjectNode root = JSON.createObjectNode();
    root.put("heredity", 1);
    ArrayNode models = root.putArray("models");
    result.models().forEach(m -> models.add(model(m)));
    ArrayNode datasets = root.putArray("datasets");
    result.datasets().forEach(d -> datasets.add(dataset(d)));
    ArrayNode trainings = root.putArray("trainings");
    result.trainings().forEach(t -> trainings.add(training(t)));
    return root;
  }

  private ObjectNode model(DiscoveredModel m) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", m.id());
    if (m.external() && style.evidenceFields()) {
      n.put("external", true);
    }
    putIf(n, "family", m.family());
    String uri = ManifestModel.checkpointUri(m);
    String path = ManifestModel.checkpointPath(m, style);
    if (uri != null || path != null) {
      ObjectNode c = n.putObject("checkpoint");
      if (uri != null) {
        c.put("uri", uri);
        putIf(c, "revision", m.revision());
      }
      putIf(c, "path", path);
    }
    putIf(n, "description", ManifestModel.description(m));
    if (!m.base().isEmpty()) {
      ArrayNode base = n.putArray("base");
      for (BaseLink link : m.base()) {
        ObjectNode b = base.addObject();
        b.put("model", link.model());
        b.put("relation", link.relation().label());
        evidence(b, link.evidence());
      }
    }
    if (!m.traits().isEmpty()) {
      ArrayNode traits = n.putArray("traits");
      for (DiscoveredTrait t : m.traits()) {
        ObjectNode o = traits.addObject();
        o.put("name", t.name());
        o.put("source", t.source());
        o.put("text", t.text());
        o.put("evidence", style.relative(t.evidence().file()) + " " + t.evidence().at());
      }
    }
    evidence(n, m.evidence());
    return n;
  }

  private ObjectNode dataset(DiscoveredDataset d) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", d.id());
    if (d.path() != null) {
      n.put("path", style.relative(d.path()));
    }
    putIf(n, "uri", d.uri());
    putIf(n, "format", d.format());
    putIf(n, "modality", d.modality());
    if (d.generatedBy() != null) {
      ObjectNode g = n.putObject("generatedBy");
      g.put("model", d.generatedBy().model());
      evidence(g, d.generatedBy().evidence());
    }
    putIf(n, "reference", d.reference());
    if (!d.derivedFrom().isEmpty()) {
      ArrayNode derived = n.putArray("derivedFrom");
      for (SourceLink s : d.derivedFrom()) {
        ObjectNode o = derived.addObject();
        o.put("dataset", s.dataset());
        putIf(o, "operation", s.operation());
        evidence(o, s.evidence());
      }
    }
    putIf(n, "description", ManifestModel.description(d));
    evidence(n, d.evidence());
    return n;
  }

  private ObjectNode training(DiscoveredTraining t) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", t.id());
    n.put("student", t.student());
    putIf(n, "from", t.from());
    ArrayNode datasets = n.putArray("datasets");
    t.datasets().forEach(datasets::add);
    n.put("method", t.method());
    evidence(n, t.evidence());
    return n;
  }

  private void evidence(ObjectNode node, List<Evidence> evidence) {
    if (!style.evidenceFields() || evidence.isEmpty()) {
      return;
    }
    ArrayNode list = node.putArray("evidence");
    for (Evidence e : evidence) {
      ObjectNode o = list.addObject();
      o.put("source", style.relative(e.file()));
      o.put("at", e.at());
      o.put("confidence", e.confidence().label());
    }
  }

  private static void putIf(ObjectNode node, String key, String value) {
    if (value != null) {
      node.put(key, value);
    }
  }
}
