package dev.heredity.discovery;

import java.util.List;
import java.util.Locale;

/** File names that make a folder a model or a dataset. */
final class FolderKind {
  static final List<String> MODEL_FILES =
      List.of(
          "adapter_config.json",
          "mergekit_config.yml",
          "mergekit_config.yaml",
          "config.json",
          "model.safetensors",
          "model.safetensors.index.json",
          "pytorch_model.bin",
          "adapter_model.safetensors");
  static final List<String> MODEL_CARD_KEYS =
      List.of(
          "base_model",
          "base_model_relation",
          "library_name",
          "pipeline_tag",
          "model-index",
          "model_name",
          "inference");

  private FolderKind() {}

  static boolean isModelFile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return MODEL_FILES.contains(lower)
        || lower.endsWith(".gguf")
        || (lower.endsWith(".safetensors") && lower.startsWith("model-"));
  }

  static boolean isDataFile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".jsonl")
        || lower.endsWith(".jsonl.gz")
        || lower.endsWith(".parquet")
        || lower.endsWith(".csv");
  }

  static boolean isRowFile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".jsonl") || lower.endsWith(".jsonl.gz");
  }
}
