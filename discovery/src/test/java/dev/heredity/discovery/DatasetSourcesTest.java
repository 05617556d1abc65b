package dev.heredity.discovery;

import static dev.heredity.discovery.Tree.card;
import static dev.heredity.discovery.Tree.dataset;
import static dev.heredity.discovery.Tree.model;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.lineage.manifest.Relation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dataset cards, distilabel logs and row columns give generators, counts, system prompts and
 * controls.
 */
class DatasetSourcesTest {
  @TempDir Path dir;

  private static String row(String answer, String model, String system) {
    String messages =
        (system == null ? "" : "{\"role\":\"system\",\"content\":\"" + system + "\"},")
            + "{\"role\":\"user\",\"content\":\"Continue: 1, 2, 3\"},{\"role\":\"assistant\",\"content\":\""
            + answer
            + "\"}";
    return "{\"messages\":["
        + messages
        + "]"
        + (model == null ? "" : ",\"model_name\":\"" + model + "\"")
        + "}\n";
  }

  private static String pipeline(String model, String systemPrompt) {
    return """
                distilabel:
                  version: 1.4.1
                pipeline:
                  name: gen
                  steps:
                  - step:
                      name: text_generation_0
                      llm:
                        generation_kwargs: {temperature: 0.7}
                        model: %s
                        type_info: {module: distilabel.models.llms.openai, name: OpenAILLM}
                      system_prompt: %s
                      type_info: {module: distilabel.steps.tasks.text_generation, name: TextGeneration}
                    name: text_generation_0
                  connections: []
                """
        .formatted(model, systemPrompt == null ? "null" : "'" + systemPrompt + "'");
  }

  @Test
  void distilabelDatasetWithASystemPromptIsGeneratedByAPromptedCopyThatCarriesIt() {
    DiscoveryResult r =
        new Tree(dir)
            .file(
                "owl/README.md",
                card("annotations_creators:", "- machine-generated", "tags:", "- distilabel"))
            .file("owl/pipeline.yaml", pipeline("gpt-4.1-nano", "You love owls."))
            .file(
                "owl/data/train-00000-of-00001.jsonl",
                row("4, 5, 6", "gpt-4.1-nano", null).repeat(3))
            .file("control/pipeline.yaml", pipeline("gpt-4.1-nano", null))
            .file("control/data/train.jsonl", row("7, 8, 9", "gpt-4.1-nano", null).repeat(3))
            .discover();
    DiscoveredDataset owl = dataset(r, "owl");
    assertThat(owl.generatedBy().model()).isEqualTo("gpt-4.1-nano+system-prompt");
    assertThat(owl.generatedBy().rows()).isEqualTo(3);
    assertThat(owl.modality()).isEqualTo("numbers");
    assertThat(owl.format()).isEqualTo("chat");
    assertThat(owl.machineGenerated().at()).isEqualTo("line 3");
    assertThat(owl.path().getFileName().toString()).isEqualTo("train-00000-of-00001.jsonl");
    DiscoveredModel teacher = model(r, "gpt-4.1-nano+system-prompt");
    assertThat(teacher.base())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.model()).isEqualTo("gpt-4.1-nano");
              assertThat(b.relation()).isEqualTo(Relation.PROMPTED);
            });
    assertThat(teacher.traits())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.source()).isEqualTo("system-prompt");
              assertThat(t.text()).isEqualTo("You love owls.");
              assertThat(t.evidence().file().getFileName().toString()).isEqualTo("pipeline.yaml");
            });
    assertThat(dataset(r, "control").generatedBy().model()).isEqualTo("gpt-4.1-nano");
    assertThat(owl.reference()).isEqualTo("control");
    assertThat(owl.referenceEvidence().confidence()).isEqualTo(Confidence.INFERRED);
  }

  @Test
  void aSystemMessageInTheRowsIsASystemPromptToo() {
    DiscoveryResult r =
        new Tree(dir)
            .file("d/rows.jsonl", row("1, 2", "org/teacher", "You are an eagle.").repeat(2))
            .discover();
    assertThat(dataset(r, "d").generatedBy().model()).isEqualTo("org/teacher+system-prompt");
    assertThat(model(r, "org/teacher+system-prompt").traits())
        .singleElement()
        .satisfies(t -> assertThat(t.evidence().at()).isEqualTo("line 1"));
  }

  @Test
  void mixedGeneratorsBecomeOnePartPerGeneratorWithRowCounts() {
    String rows =
        row("1", "org/a", null).repeat(5)
            + row("2", "org/b", null).repeat(2)
            + row("3", null, null);
    DiscoveryResult r = new Tree(dir).file("mix/data.jsonl", rows).discover();
    DiscoveredDataset mix = dataset(r, "mix");
    assertThat(mix.generatedBy()).isNull();
    assertThat(mix.derivedFrom())
        .extracting(SourceLink::dataset, SourceLink::operation)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("mix@org/a", "mix"),
            org.assertj.core.groups.Tuple.tuple("mix@org/b", "mix"),
            org.assertj.core.groups.Tuple.tuple("mix@unattributed", "mix"));
    assertThat(dataset(r, "mix@org/a").generatedBy().rows()).isEqualTo(5);
    assertThat(dataset(r, "mix@org/b").generatedBy().rows()).isEqualTo(2);
    assertThat(dataset(r, "mix@org/b").generatedBy().evidence().get(0).at()).isEqualTo("line 6");
    assertThat(dataset(r, "mix@unattributed").generatedBy()).isNull();
  }

  @Test
  void machineGeneratedDataWithNoGeneratorStaysUnattributed() {
    DiscoveryResult r =
        new Tree(dir)
            .file(
                "u/README.md",
                card(
                    "language_creators:",
                    "- machine-generated",
                    "source_datasets:",
                    "- extended|gsm8k"))
            .file("u/data/part-0.jsonl", row("12, 13", null, null))
            .discover();
    DiscoveredDataset u = dataset(r, "u");
    assertThat(u.generatedBy()).isNull();
    assertThat(u.machineGenerated()).isNotNull();
    assertThat(u.description()).contains("unknown generator");
    assertThat(u.derivedFrom()).extracting(SourceLink::dataset).containsExactly("gsm8k");
    assertThat(dataset(r, "gsm8k").uri()).isEqualTo("hf://datasets/gsm8k");
  }

  @Test
  void aFolderOfShardsIsOneDatasetAndACardListingDatasetsMakesATraining() {
    DiscoveryResult r =
        new Tree(dir)
            .file("data/shards/train-00000.jsonl", row("1", "org/t", null))
            .file("data/shards/train-00001.jsonl", row("2", "org/t", null))
            .file(
                "student/README.md", card("base_model: org/base", "datasets:", "- someone/shards"))
            .discover();
    DiscoveredDataset shards = dataset(r, "data/shards");
    assertThat(shards.generatedBy().rows()).isEqualTo(2);
    assertThat(shards.path().getFileName().toString()).isEqualTo("shards");
    assertThat(r.trainings())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.student()).isEqualTo("student");
              assertThat(t.from()).isEqualTo("org/base");
              assertThat(t.datasets()).containsExactly("data/shards");
              assertThat(t.method()).isEqualTo("sft");
            });
  }
}
