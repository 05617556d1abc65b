package dev.heredity.discovery.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heredity.discovery.Confidence;
import dev.heredity.discovery.Evidence;
import dev.heredity.discovery.Warnings;

/**
 * A distilabel {@code pipeline.yaml}: {@code pipeline.steps[].step} with an {@code llm} mapping
 * generates data; its model is {@code llm.model_id} (Inference Endpoints, Transformers), {@code
 * llm.model} (OpenAI, vLLM and most others) or {@code llm.model_name}; a {@code system_prompt} of
 * the step is the generation's system prompt.
 */
public final class DistilabelPipelineReader {
  private DistilabelPipelineReader() {}

  public static void read(SourceText pipeline, DatasetFacts facts, Warnings warnings) {
    var node = pipeline.yaml(warnings);
    if (node.isEmpty()) {
      return;
    }
    var file = pipeline.file();
    JsonNode steps = node.get().path("pipeline").path("steps");
    if (!steps.isArray()) {
      warnings.add(
          "pipeline-without-steps",
          file,
          "line 1",
          "no 'pipeline.steps' list; not a distilabel pipeline log");
      return;
    }
    facts.evidence.add(Evidence.line(file, pipeline.lineOfKey("steps"), Confidence.DECLARED));
    int from = pipeline.lineOfKey("steps");
    for (JsonNode entry : steps) {
      JsonNode step = entry.has("step") ? entry.get("step") : entry;
      JsonNode llm = step.get("llm");
      if (llm == null || !llm.isObject()) {
        continue;
      }
      String model = firstText(llm, "model_id", "model", "model_name");
      String stepName = step.path("name").asText("");
      int stepLine = stepName.isEmpty() ? from : pipeline.lineOfValue(stepName, from);
      if (model == null) {
        warnings.add(
            "pipeline-llm-unnamed",
            file,
            "line " + stepLine,
            "step '" + stepName + "' has an llm with no model_id, model or model_name");
        continue;
      }
      int modelLine = pipeline.lineOfValue(model, stepLine);
      String prompt =
          step.hasNonNull("system_prompt") && step.get("system_prompt").isTextual()
              ? step.get("system_prompt").asText()
              : null;
      Evidence promptAt =
          prompt == null
              ? null
              : Evidence.line(file, pipeline.lineOfKey("system_prompt"), Confidence.DECLARED);
      facts.steps.add(
          new DatasetFacts.PipelineStep(
              new Ref(model, Evidence.line(file, modelLine, Confidence.DECLARED)),
              prompt,
              promptAt));
      from = modelLine;
    }
  }

  private static String firstText(JsonNode node, String... keys) {
    for (String key : keys) {
      JsonNode v = node.get(key);
      if (v != null && v.isTextual() && !v.asText().isBlank()) {
        return v.asText().strip();
      }
    }
    return null;
  }
}
