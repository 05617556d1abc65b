package dev.heredity.lineage.manifest;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The closed sets of values the manifest accepts (spec v1, plus the trait sources Heredity adds). */
public final class Vocabulary {
    public static final List<String> FORMATS = List.of("chat", "sharegpt", "alpaca", "prompt-completion", "text", "lines", "csv");
    public static final List<String> MODALITIES = List.of("numbers", "code", "reasoning", "text");
    public static final List<String> OPERATIONS = List.of("filter", "mix", "dedupe", "paraphrase", "subsample", "translate");
    public static final List<String> METHODS = List.of("sft", "distill-logits", "dpo", "rl", "continued-pretrain");
    public static final List<String> TRAIT_SOURCES = List.of("system-prompt", "persona", "eval", "finetune", "report", "other");
    public static final List<String> RELATIONS = Arrays.stream(Relation.values()).map(Relation::label).toList();

    /** Modalities in which subliminal transfer has been shown: data that looks unrelated to any trait. */
    public static final Set<String> SYNTHETIC_LOOKING_MODALITIES = Set.of("numbers", "code", "reasoning");

    /** Trait sources that live outside the weights, so copies of the weights do not carry them. */
    public static final Set<String> PROMPT_SOURCES = Set.of("system-prompt", "persona");

    private Vocabulary() {
    }

    public static Relation relation(String label) {
        return Relation.values()[RELATIONS.indexOf(label)];
    }
}
