package dev.heredity.discovery.read;

import dev.heredity.discovery.Evidence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the artifacts of one dataset folder say, before references are resolved. Filled by the
 * readers.
 */
public final class DatasetFacts {
  /** Rows of one generator in the data files. */
  public static final class GeneratorRows {
    public long rows;
    public Evidence first;
  }

  /** A generating step of a pipeline log. */
  public record PipelineStep(Ref model, String systemPrompt, Evidence systemPromptEvidence) {}

  public String hubId;
  public Evidence machineGenerated;
  public final List<String> tags = new ArrayList<>();
  public final List<Ref> sources = new ArrayList<>();
  public final List<String> dataFilePatterns = new ArrayList<>();
  public final List<Path> dataFiles = new ArrayList<>();
  public final List<PipelineStep> steps = new ArrayList<>();
  public final Map<String, GeneratorRows> rowsByGenerator = new LinkedHashMap<>();

  /** System prompts found in the rows, by generator (null key: rows without a model column). */
  public final Map<String, Ref> rowSystemPrompts = new LinkedHashMap<>();

  public long rows;
  public long rowsWithoutGenerator;
  public long numberRows;
  public long textRows;
  public String format;
  public final List<Evidence> evidence = new ArrayList<>();
}
