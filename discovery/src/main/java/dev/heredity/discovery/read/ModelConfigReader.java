package dev.heredity.discovery.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heredity.discovery.Confidence;
import dev.heredity.discovery.Evidence;
import dev.heredity.discovery.Warnings;
import java.util.List;

/**
 * A transformers {@code config.json}: {@code model_type} (the family), {@code architectures} and
 * the sizes (kept as attributes), {@code quantization_config.quant_method} (a quantized copy) and
 * {@code _name_or_path}, a weak hint: it is often the base but can be a local path or the model
 * itself.
 */
public final class ModelConfigReader {
  static final List<String> SIZES =
      List.of(
          "hidden_size",
          "num_hidden_layers",
          "num_attention_heads",
          "num_key_value_heads",
          "intermediate_size",
          "vocab_size",
          "max_position_embeddings",
          "torch_dtype");

  private ModelConfigReader() {}

  public static void read(SourceText config, ModelFacts facts, Warnings warnings) {
    var node = config.json(warnings);
    if (node.isEmpty()) {
      return;
    }
    JsonNode root = node.get();
    var file = config.file();
    if (!root.isObject()) {
      warnings.add(
          "wrong-type", file, "/", "config must be a JSON object, found " + Values.kind(root));
      return;
    }
    facts.evidence.add(new Evidence(file, "/model_type", Confidence.INFERRED));
    String type =
        Values.string(root.get("model_type"), file, "/model_type", "model_type", warnings);
    if (type != null && facts.family == null) {
      facts.family = type;
    }
    List<String> architectures =
        Values.strings(
            root.get("architectures"), file, "/architectures", "architectures", warnings);
    if (!architectures.isEmpty()) {
      facts.attributes.put("architectures", String.join(",", architectures));
    }
    for (String size : SIZES) {
      JsonNode v = root.get(size);
      if (v != null && (v.isNumber() || v.isTextual())) {
        facts.attributes.put(size, v.asText());
      }
    }
    JsonNode quant = root.get("quantization_config");
    if (quant != null && quant.isObject()) {
      String method =
          Values.string(
              quant.get("quant_method"),
              file,
              "/quantization_config/quant_method",
              "quant_method",
              warnings);
      if (method != null) {
        facts.attributes.put("quant_method", method);
        facts.quantizedEvidence =
            new Evidence(file, "/quantization_config/quant_method", Confidence.DECLARED);
      }
    }
    String nameOrPath =
        Values.string(root.get("_name_or_path"), file, "/_name_or_path", "_name_or_path", warnings);
    if (nameOrPath != null) {
      facts.claims.add(
          new BaseClaim(
              nameOrPath,
              null,
              new Evidence(file, "/_name_or_path", Confidence.WEAK),
              ClaimSource.CONFIG_JSON));
    }
  }
}
