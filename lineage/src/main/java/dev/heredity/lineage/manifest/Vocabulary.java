package dev.heredity.lineage.manifest;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The closed sets of values the manifest accepts (spec v1, plus the trait sources Heredity adds).
 */
public final class Vocabulary {
  public static final List<String> FORMATS =
      List.of("chat", "sharegpt", "alpaca", "prompt-completion", "text", "lines", "csv");
  public static final List<String> MODALITIES = List.of("numbers", "code", "reasoning", "text");
  public static final List<String> OPERATIONS =
      List.of("filter", "mix", "dedupe", "paraphrase", "subsample", "translate");
  public static final List<String> METHODS =
      List.of("sft", "distill-logits", "dpo", "rl", "continued-pretrain");
  public static final List<String> TRAIT_SOURCES =
      List.of("system-prompt", "persona", "eval", "finetune", "report", "other");
  public static final List<String> RELATIONS =
      Arrays.stream(Relation.values()).map(Relation::label).toList();

  /**
   * Common names for relations, as model cards and training tools spell them; each means the
   * canonical relation.
   */
  public static final Map<String, Relation> RELATION_SYNONYMS = synonyms();

  /**
   * Modalities in which subliminal transfer has been shown: data that looks unrelated to any trait.
   */
  public static final Set<String> SYNTHETIC_LOOKING_MODALITIES =
      Set.of("numbers", "code", "reasoning");

  /** Trait sources that live outside the weights, so copies of the weights do not carry them. */
  public static final Set<String> PROMPT_SOURCES = Set.of("system-prompt", "persona");

  private Vocabulary() {}

  private static Map<String, Relation> synonyms() {
    Map<String, Relation> map = new LinkedHashMap<>();
    for (String name : List.of("lora", "qlora", "peft")) {
      map.put(name, Relation.ADAPTER);
    }
    for (String name : List.of("sft", "fine-tune", "fine_tune")) {
      map.put(name, Relation.FINETUNE);
    }
    for (String name : List.of("gguf", "awq", "gptq")) {
      map.put(name, Relation.QUANTIZED);
    }
    map.put("distillation", Relation.DISTILL);
    return Collections.unmodifiableMap(map);
  }

  /** The relation a canonical label or a synonym names, or null. */
  public static Relation relationOrNull(String label) {
    int index = RELATIONS.indexOf(label);
    return index >= 0 ? Relation.values()[index] : RELATION_SYNONYMS.get(label);
  }

  public static Relation relation(String label) {
    Relation relation = relationOrNull(label);
    if (relation == null) {
      throw new IllegalArgumentException(label);
    }
    return relation;
  }
}
