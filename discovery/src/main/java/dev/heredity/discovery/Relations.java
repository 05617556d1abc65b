package dev.heredity.discovery;

import dev.heredity.lineage.manifest.Relation;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads relation names as artifacts and people write them, synonyms included. */
public final class Relations {
  private static final Map<String, Relation> NAMES =
      Map.ofEntries(
          Map.entry("finetune", Relation.FINETUNE),
          Map.entry("fine-tune", Relation.FINETUNE),
          Map.entry("finetuned", Relation.FINETUNE),
          Map.entry("sft", Relation.FINETUNE),
          Map.entry("continued-pretrain", Relation.CONTINUED_PRETRAIN),
          Map.entry("adapter", Relation.ADAPTER),
          Map.entry("lora", Relation.ADAPTER),
          Map.entry("qlora", Relation.ADAPTER),
          Map.entry("peft", Relation.ADAPTER),
          Map.entry("quantized", Relation.QUANTIZED),
          Map.entry("gguf", Relation.QUANTIZED),
          Map.entry("awq", Relation.QUANTIZED),
          Map.entry("gptq", Relation.QUANTIZED),
          Map.entry("prompted", Relation.PROMPTED),
          Map.entry("merge", Relation.MERGE),
          Map.entry("distill", Relation.DISTILL),
          Map.entry("distillation", Relation.DISTILL));

  private Relations() {}

  public static Optional<Relation> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String key = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    return Optional.ofNullable(NAMES.get(key));
  }
}
