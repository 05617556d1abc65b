package dev.heredity.discovery.write;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.heredity.discovery.BaseLink;
import dev.heredity.discovery.DiscoveredDataset;
import dev.heredity.discovery.DiscoveredModel;
import dev.heredity.discovery.DiscoveredTraining;
import dev.heredity.discovery.DiscoveredTrait;
import dev.heredity.discovery.DiscoveryResult;
import dev.heredity.discovery.Evidence;
import dev.heredity.discovery.GeneratorLink;
import dev.heredity.discovery.SourceLink;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a discovery result as a version-1 manifest in YAML. Every entry and edge is followed by
 * comments that say where it came from ({@code # from models/x/README.md line 3 (declared)}); with
 * {@link ManifestStyle#evidenceFields()} the same evidence is also written as {@code evidence}
 * keys. Strings are always double-quoted, so no id or prompt can change the YAML structure.
 */
public final class YamlManifestWriter {
  private final ManifestStyle style;
  private final StringBuilder out = new StringBuilder();

  private YamlManifestWriter(ManifestStyle style) {
    this.style = style;
  }

  public static String write(DiscoveryResult result, List<String> roots, ManifestStyle style) {
    return new YamlManifestWriter(style).manifest(result, roots);
  }

  private String manifest(DiscoveryResult result, List<String> roots) {
    line(0, "# Discovered by 'heredity discover' from: " + oneLine(String.join(", ", roots)));
    line(
        0,
        "# Confidence: declared = the artifact states it; inferred = a rule of Heredity's; weak = a hint.");
    line(0, "heredity: 1");
    if (!result.models().isEmpty()) {
      line(0, "models:");
      result.models().forEach(this::model);
    }
    if (!result.datasets().isEmpty()) {
      line(0, "datasets:");
      result.datasets().forEach(this::dataset);
    }
    if (!result.trainings().isEmpty()) {
      line(0, "trainings:");
      result.trainings().forEach(this::training);
    }
    return out.toString();
  }

  private void model(DiscoveredModel m) {
    line(1, "- id: " + q(m.id()));
    comments(2, m.evidence());
    if (m.external()) {
      line(2, "# external: a reference that resolved to nothing on disk");
      if (style.evidenceFields()) {
        line(2, "external: true");
      }
    }
    if (m.family() != null) {
      line(2, "family: " + q(m.family()));
    }
    String uri = ManifestModel.checkpointUri(m);
    String path = ManifestModel.checkpointPath(m, style);
    if (uri != null || path != null) {
      List<String> parts = new ArrayList<>();
      if (uri != null) {
        parts.add("uri: " + q(uri));
        if (m.revision() != null) {
          parts.add("revision: " + q(m.revision()));
        }
      }
      if (path != null) {
        parts.add("path: " + q(path));
      }
      line(2, "checkpoint: {" + String.join(", ", parts) + "}");
    }
    String description = ManifestModel.description(m);
    if (description != null) {
      line(2, "description: " + q(description));
    }
    if (!m.base().isEmpty()) {
      line(2, "base:");
      for (BaseLink link : m.base()) {
        line(3, "- model: " + q(link.model()));
        line(4, "relation: " + link.relation().label());
        comments(4, link.evidence());
        evidenceField(4, link.evidence());
      }
    }
    if (!m.traits().isEmpty()) {
      line(2, "traits:");
      for (DiscoveredTrait t : m.traits()) {
        line(3, "- name: " + q(t.name()));
        line(4, "source: " + q(t.source()));
        line(4, "text: " + q(t.text()));
        line(4, "evidence: " + q(style.relative(t.evidence().file()) + " " + t.evidence().at()));
        comments(4, List.of(t.evidence()));
      }
    }
    evidenceField(2, m.evidence());
  }

  private void dataset(DiscoveredDataset d) {
    line(1, "- id: " + q(d.id()));
    comments(2, d.evidence());
    if (d.path() != null) {
      line(2, "path: " + q(style.relative(d.path())));
    }
    if (d.uri() != null) {
      line(2, "uri: " + q(d.uri()));
    }
    if (d.format() != null) {
      line(2, "format: " + d.format());
    }
    if (d.modality() != null) {
      line(2, "modality: " + d.modality());
    }
    if (d.machineGenerated() != null) {
      line(2, "# model-generated: " + ManifestModel.comment(d.machineGenerated(), style));
    }
    GeneratorLink g = d.generatedBy();
    if (g != null) {
      line(2, "generatedBy:");
      line(3, "model: " + q(g.model()));
      if (g.rows() >= 0) {
        line(3, "# " + g.rows() + " rows name this generator");
      }
      comments(3, g.evidence());
      evidenceField(3, g.evidence());
    }
    if (d.reference() != null) {
      line(2, "reference: " + q(d.reference()));
      line(
          2,
          "# control set: same generator without a system prompt; "
              + ManifestModel.comment(d.referenceEvidence(), style));
    }
    if (!d.derivedFrom().isEmpty()) {
      line(2, "derivedFrom:");
      for (SourceLink s : d.derivedFrom()) {
        line(3, "- dataset: " + q(s.dataset()));
        if (s.operation() != null) {
          line(4, "operation: " + s.operation());
        }
        comments(4, s.evidence());
        evidenceField(4, s.evidence());
      }
    }
    String description = ManifestModel.description(d);
    if (description != null) {
      line(2, "description: " + q(description));
    }
    evidenceField(2, d.evidence());
  }

  private void training(DiscoveredTraining t) {
    line(1, "- id: " + q(t.id()));
    line(2, "student: " + q(t.student()));
    if (t.from() != null) {
      line(2, "from: " + q(t.from()));
    }
    line(
        2,
        "datasets: ["
            + String.join(", ", t.datasets().stream().map(YamlManifestWriter::q).toList())
            + "]");
    line(2, "method: " + t.method());
    comments(2, t.evidence());
    evidenceField(2, t.evidence());
  }

  private void comments(int indent, List<Evidence> evidence) {
    evidence.forEach(e -> line(indent, "# " + oneLine(ManifestModel.comment(e, style))));
  }

  private void evidenceField(int indent, List<Evidence> evidence) {
    if (!style.evidenceFields() || evidence.isEmpty()) {
      return;
    }
    line(indent, "evidence:");
    for (Evidence e : evidence) {
      line(
          indent + 1,
          "- {source: "
              + q(style.relative(e.file()))
              + ", at: "
              + q(e.at())
              + ", confidence: "
              + e.confidence().label()
              + "}");
    }
  }

  private void line(int indent, String text) {
    out.append("  ".repeat(indent)).append(text).append('\n');
  }

  private static String oneLine(String text) {
    return text.replace('\n', ' ').replace('\r', ' ');
  }

  /** A YAML double-quoted scalar; JSON string escapes are valid YAML escapes. */
  static String q(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }
}
