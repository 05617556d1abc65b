package dev.heredity.discovery;

import static dev.heredity.discovery.Tree.card;
import static dev.heredity.discovery.Tree.model;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.discovery.read.GgufBytes;
import dev.heredity.lineage.manifest.Relation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each model source, in the shape of real public files, gives the edge it states with its evidence.
 */
class ModelSourcesTest {
  @TempDir Path dir;

  @Test
  void modelCardBaseModelIsAFinetuneOfAnExternalHubModel() {
    DiscoveryResult r =
        new Tree(dir)
            .file(
                "student/README.md",
                card(
                    "license: apache-2.0",
                    "base_model: Qwen/Qwen2.5-7B-Instruct",
                    "library_name: transformers",
                    "tags:",
                    "- trl"))
            .discover();
    DiscoveredModel student = model(r, "student");
    assertThat(student.base())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.model()).isEqualTo("Qwen/Qwen2.5-7B-Instruct");
              assertThat(b.relation()).isEqualTo(Relation.FINETUNE);
              assertThat(b.evidence())
                  .first()
                  .satisfies(
                      e -> {
                        assertThat(e.at()).isEqualTo("line 3");
                        assertThat(e.confidence()).isEqualTo(Confidence.DECLARED);
                      });
            });
    assertThat(model(r, "Qwen/Qwen2.5-7B-Instruct").external()).isTrue();
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void aListOfBasesIsAMergeAndAStatedRelationWins() {
    DiscoveryResult r =
        new Tree(dir)
            .file("merged/README.md", card("base_model:", "- a/one", "- b/two", "tags:", "- merge"))
            .file("quant/README.md", card("base_model: a/one", "base_model_relation: quantized"))
            .discover();
    assertThat(model(r, "merged").base())
        .extracting(BaseLink::model, BaseLink::relation)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a/one", Relation.MERGE),
            org.assertj.core.groups.Tuple.tuple("b/two", Relation.MERGE));
    assertThat(model(r, "quant").base())
        .singleElement()
        .extracting(BaseLink::relation)
        .isEqualTo(Relation.QUANTIZED);
  }

  @Test
  void adapterConfigMakesAnAdapterAndCorroboratesTheCard() {
    DiscoveryResult r =
        new Tree(dir)
            .file(
                "lora/adapter_config.json",
                "{\"base_model_name_or_path\": \"meta-llama/Llama-3.1-8B\","
                    + " \"peft_type\": \"LORA\", \"r\": 16, \"task_type\": \"CAUSAL_LM\"}")
            .file(
                "lora/README.md", card("base_model: meta-llama/llama-3.1-8b", "library_name: peft"))
            .discover();
    DiscoveredModel lora = model(r, "lora");
    assertThat(lora.base())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.relation()).isEqualTo(Relation.ADAPTER);
              assertThat(b.evidence())
                  .extracting(Evidence::at)
                  .containsExactly("/base_model_name_or_path", "line 2");
            });
    assertThat(lora.attributes()).containsEntry("peft_type", "LORA");
  }

  @Test
  void disagreeingArtifactsKeepTheMostSpecificAndWarnNamingBoth() {
    DiscoveryResult r =
        new Tree(dir)
            .file(
                "lora/adapter_config.json",
                "{\"base_model_name_or_path\": \"org/base-a\", \"peft_type\": \"LORA\"}")
            .file("lora/README.md", card("base_model: org/base-b"))
            .discover();
    assertThat(model(r, "lora").base()).extracting(BaseLink::model).containsExactly("org/base-a");
    assertThat(r.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo("conflicting-base");
              assertThat(w.file().getFileName().toString()).isEqualTo("README.md");
              assertThat(w.message())
                  .contains("org/base-b")
                  .contains("org/base-a")
                  .contains("adapter_config.json");
            });
  }

  @Test
  void mergekitRecipeLinksEveryParent() {
    DiscoveryResult r =
        new Tree(dir)
            .file(
                "m/mergekit_config.yml",
                """
                models:
                  - model: mistralai/Mistral-7B-v0.1
                  - model: samir-fama/SamirGPT-v1
                    parameters: {density: 0.53, weight: 0.4}
                slices:
                  - sources:
                      - model: EmbeddedLLM/Mistral-7B-Merge-14-v0.2
                        layer_range: [0, 32]
                merge_method: dare_ties
                base_model: mistralai/Mistral-7B-v0.1
                dtype: bfloat16
                """)
            .discover();
    assertThat(model(r, "m").base())
        .extracting(BaseLink::model)
        .containsExactly(
            "mistralai/Mistral-7B-v0.1",
            "samir-fama/SamirGPT-v1",
            "EmbeddedLLM/Mistral-7B-Merge-14-v0.2");
    assertThat(model(r, "m").base())
        .allSatisfy(b -> assertThat(b.relation()).isEqualTo(Relation.MERGE));
    assertThat(model(r, "m").attributes()).containsEntry("merge_method", "dare_ties");
  }

  @Test
  void ggufHeaderIsAQuantizedCopyOfItsBase() {
    byte[] gguf =
        GgufBytes.header(3, 0, 3)
            .kv("general.architecture", "llama")
            .kv("general.base_model.count", 1)
            .kv(
                "general.base_model.0.repo_url",
                "https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct")
            .bytes();
    DiscoveryResult r = new Tree(dir).bytes("q/model-Q4_K_M.gguf", gguf).discover();
    assertThat(model(r, "q").family()).isEqualTo("llama");
    assertThat(model(r, "q").base())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.model()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
              assertThat(b.relation()).isEqualTo(Relation.QUANTIZED);
              assertThat(b.evidence().get(0).at()).isEqualTo("general.base_model.0.repo_url");
            });
  }

  @Test
  void configJsonGivesSizesAWeakBaseAndQuantization() {
    DiscoveryResult r =
        new Tree(dir)
            .file(
                "ft/config.json",
                "{\"_name_or_path\": \"Qwen/Qwen2.5-0.5B\", \"model_type\": \"qwen2\","
                    + " \"architectures\": [\"Qwen2ForCausalLM\"], \"hidden_size\": 896, \"num_hidden_layers\": 24}")
            .file(
                "awq/config.json",
                "{\"_name_or_path\": \"Qwen/Qwen2.5-0.5B\", \"model_type\": \"qwen2\","
                    + " \"quantization_config\": {\"quant_method\": \"awq\", \"bits\": 4}}")
            .file(
                "local/config.json",
                "{\"_name_or_path\": \"/home/me/checkpoints/run-7\", \"model_type\": \"qwen2\"}")
            .discover();
    DiscoveredModel ft = model(r, "ft");
    assertThat(ft.attributes())
        .containsEntry("hidden_size", "896")
        .containsEntry("num_hidden_layers", "24");
    assertThat(ft.base())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.relation()).isEqualTo(Relation.FINETUNE);
              assertThat(b.evidence())
                  .singleElement()
                  .extracting(Evidence::confidence)
                  .isEqualTo(Confidence.WEAK);
            });
    assertThat(model(r, "awq").base())
        .singleElement()
        .extracting(BaseLink::relation)
        .isEqualTo(Relation.QUANTIZED);
    // A weak hint that is a local path never becomes a node, and is not worth a warning.
    assertThat(model(r, "local").base()).isEmpty();
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void cacheLayoutGivesTheHubIdAndReferencesJoinItCaseInsensitively() {
    DiscoveryResult r =
        new Tree(dir)
            .file("hub/models--Qwen--Qwen2.5-7B-Instruct/refs/main", "abc123")
            .file(
                "hub/models--Qwen--Qwen2.5-7B-Instruct/snapshots/abc123/config.json",
                "{\"model_type\": \"qwen2\"}")
            .file("a/README.md", card("base_model: qwen/qwen2.5-7b-instruct"))
            .file(
                "b/adapter_config.json",
                "{\"base_model_name_or_path\": \"Qwen/Qwen2.5-7B-Instruct\"}")
            .discover();
    DiscoveredModel cached = model(r, "Qwen/Qwen2.5-7B-Instruct");
    assertThat(cached.external()).isFalse();
    assertThat(cached.revision()).isEqualTo("abc123");
    assertThat(model(r, "a").base())
        .extracting(BaseLink::model)
        .containsExactly("Qwen/Qwen2.5-7B-Instruct");
    assertThat(model(r, "b").base())
        .extracting(BaseLink::model)
        .containsExactly("Qwen/Qwen2.5-7B-Instruct");
    assertThat(r.models()).filteredOn(DiscoveredModel::external).isEmpty();
  }

  @Test
  void pathsAndUniqueFolderNamesResolveAndAmbiguousNamesDoNot() {
    DiscoveryResult r =
        new Tree(dir)
            .file("models/base-x/config.json", "{\"model_type\": \"llama\"}")
            .file(
                "models/child/adapter_config.json", "{\"base_model_name_or_path\": \"../base-x\"}")
            .file("models/by-name/README.md", card("base_model: someorg/base-x"))
            .file("one/twin/config.json", "{\"model_type\": \"llama\"}")
            .file("two/twin/config.json", "{\"model_type\": \"llama\"}")
            .file("models/ambiguous/README.md", card("base_model: org/twin"))
            .discover();
    assertThat(model(r, "models/child").base())
        .extracting(BaseLink::model)
        .containsExactly("models/base-x");
    assertThat(model(r, "models/by-name").base())
        .extracting(BaseLink::model)
        .containsExactly("models/base-x");
    assertThat(model(r, "models/ambiguous").base())
        .extracting(BaseLink::model)
        .containsExactly("org/twin");
    assertThat(model(r, "org/twin").external()).isTrue();
  }

  @Test
  void twoStudentsOfAnExternalBaseShareOneExternalNode() {
    DiscoveryResult r =
        new Tree(dir)
            .file("s1/README.md", card("base_model: Qwen/Qwen2.5-7B-Instruct"))
            .file("s2/README.md", card("base_model: QWEN/qwen2.5-7B-instruct"))
            .discover();
    assertThat(r.models())
        .filteredOn(DiscoveredModel::external)
        .singleElement()
        .extracting(DiscoveredModel::id)
        .isEqualTo("Qwen/Qwen2.5-7B-Instruct");
  }
}
