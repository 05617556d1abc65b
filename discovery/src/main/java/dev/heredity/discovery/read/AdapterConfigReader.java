package dev.heredity.discovery.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heredity.discovery.Confidence;
import dev.heredity.discovery.Evidence;
import dev.heredity.discovery.Warnings;
import dev.heredity.lineage.manifest.Relation;

/**
 * A PEFT {@code adapter_config.json}: {@code base_model_name_or_path}, {@code revision}, {@code
 * peft_type}.
 */
public final class AdapterConfigReader {
  private AdapterConfigReader() {}

  public static void read(SourceText config, ModelFacts facts, Warnings warnings) {
    var node = config.json(warnings);
    if (node.isEmpty()) {
      return;
    }
    JsonNode root = node.get();
    var file = config.file();
    if (!root.isObject()) {
      warnings.add(
          "wrong-type",
          file,
          "/",
          "adapter config must be a JSON object, found " + Values.kind(root));
      return;
    }
    facts.evidence.add(new Evidence(file, "/peft_type", Confidence.INFERRED));
    String peft = Values.string(root.get("peft_type"), file, "/peft_type", "peft_type", warnings);
    if (peft != null) {
      facts.attributes.put("peft_type", peft);
    }
    String base =
        Values.string(
            root.get("base_model_name_or_path"),
            file,
            "/base_model_name_or_path",
            "base_model_name_or_path",
            warnings);
    if (base == null) {
      warnings.add(
          "adapter-without-base",
          file,
          "/base_model_name_or_path",
          "adapter config names no base model; the adapter's base is unknown");
      return;
    }
    facts.claims.add(
        new BaseClaim(
            base,
            Relation.ADAPTER,
            new Evidence(file, "/base_model_name_or_path", Confidence.DECLARED),
            ClaimSource.ADAPTER_CONFIG));
    String revision = Values.string(root.get("revision"), file, "/revision", "revision", warnings);
    if (revision != null) {
      facts.attributes.put("base_revision", revision);
    }
  }
}
