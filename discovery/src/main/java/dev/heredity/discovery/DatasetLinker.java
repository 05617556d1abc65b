package dev.heredity.discovery;

import dev.heredity.discovery.read.DatasetFacts;
import dev.heredity.discovery.read.ModelFacts;
import dev.heredity.discovery.read.Ref;
import dev.heredity.discovery.read.RowReader;
import dev.heredity.lineage.manifest.Relation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Links each local dataset: reads its rows once (generator counts, system prompts, number answers),
 * resolves its generators and sources, splits a folder that mixes generators into one part per
 * generator, and gives a recorded system prompt to a {@code prompted} copy of the generating model
 * that carries it as a trait.
 */
final class DatasetLinker {
  /** A generator of one dataset before it is resolved. */
  private static final class Generator {
    final String reference;
    final long rows;
    final List<Evidence> evidence = new ArrayList<>();
    Ref systemPrompt;

    Generator(String reference, long rows) {
      this.reference = reference;
      this.rows = rows;
    }
  }

  private final Nodes nodes;
  private final DiscoveryLimits limits;
  private final Map<String, String> promptedIds = new HashMap<>();

  DatasetLinker(Nodes nodes, DiscoveryLimits limits) {
    this.nodes = nodes;
    this.limits = limits;
  }

  void link() {
    List<Nodes.DatasetNode> local =
        nodes.datasets.values().stream().filter(d -> d.folder != null).toList();
    // Rows are the bulk of the reading and each dataset's are its own: read them in parallel,
    // report in order.
    List<Warnings> rowWarnings = local.parallelStream().map(this::readRows).toList();
    rowWarnings.forEach(nodes.warnings::addAll);
    for (Nodes.DatasetNode dataset : local) {
      link(dataset);
    }
    new ControlSets(nodes).infer();
  }

  private Warnings readRows(Nodes.DatasetNode dataset) {
    Warnings warnings = new Warnings();
    boolean parquet = false;
    for (Path file : Discovery.dataFiles(dataset)) {
      String name = file.getFileName().toString();
      if (FolderKind.isRowFile(name)) {
        RowReader.read(file, limits.maxRowBytes(), dataset.facts, warnings);
      } else if (name.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
        parquet = true;
      }
    }
    if (parquet) {
      warnings.add(
          "rows-not-read",
          dataset.folder.dir(),
          "",
          "Parquet rows are not read yet: generators"
              + " named only in a Parquet model column are not found");
    }
    return warnings;
  }

  private void link(Nodes.DatasetNode dataset) {
    DatasetFacts facts = dataset.facts;
    if (facts.textRows > 0 && facts.numberRows * 10 >= facts.textRows * 9) {
      dataset.modality = "numbers";
    }
    Path from = dataset.folder.dir();
    Path root = dataset.folder.root();
    for (Ref source : facts.sources) {
      String id = nodes.dataset(source.text(), from, root);
      if (!id.equals(dataset.id)) {
        dataset.derivedFrom.add(new SourceLink(id, null, List.of(source.evidence())));
      }
    }
    List<Generator> generators = generators(facts);
    if (generators.isEmpty()) {
      if (facts.machineGenerated != null) {
        dataset.description =
            "model-generated ("
                + ModelLinker.where(facts.machineGenerated)
                + ") by an unknown generator";
      }
      return;
    }
    boolean mixed =
        generators.size() > 1
            || (facts.rowsWithoutGenerator > 0 && !facts.rowsByGenerator.isEmpty());
    if (!mixed) {
      Generator only = generators.get(0);
      String model = generatorModel(only, dataset).orElse(null);
      if (model != null) {
        dataset.generatedBy = new GeneratorLink(model, only.rows, only.evidence);
        (only.systemPrompt != null ? dataset.promptedGenerators : dataset.plainGenerators)
            .add(model);
      }
      return;
    }
    for (Generator g : generators) {
      String model = generatorModel(g, dataset).orElse(null);
      Nodes.DatasetNode part =
          new Nodes.DatasetNode(
              nodes.claimId(dataset.id + "@" + g.reference), null, new DatasetFacts());
      part.modality = dataset.modality;
      part.description =
          g.rows + " of " + facts.rows + " rows of " + dataset.id + " (model_name column)";
      if (model != null) {
        part.generatedBy = new GeneratorLink(model, g.rows, g.evidence);
      }
      nodes.datasets.put(part.id, part);
      dataset.derivedFrom.add(new SourceLink(part.id, "mix", g.evidence));
    }
    if (facts.rowsWithoutGenerator > 0) {
      Nodes.DatasetNode part =
          new Nodes.DatasetNode(
              nodes.claimId(dataset.id + "@unattributed"), null, new DatasetFacts());
      part.modality = dataset.modality;
      part.description =
          facts.rowsWithoutGenerator
              + " of "
              + facts.rows
              + " rows of "
              + dataset.id
              + " name no generator";
      nodes.datasets.put(part.id, part);
      dataset.derivedFrom.add(new SourceLink(part.id, "mix", List.of()));
    }
  }

  /** Generators from the rows' model column (with counts), else from the pipeline log's steps. */
  private static List<Generator> generators(DatasetFacts facts) {
    Map<String, Generator> out = new LinkedHashMap<>();
    if (!facts.rowsByGenerator.isEmpty()) {
      facts.rowsByGenerator.forEach(
          (name, rows) -> {
            Generator g = new Generator(name, rows.rows);
            g.evidence.add(rows.first);
            out.put(name.toLowerCase(Locale.ROOT), g);
          });
      for (DatasetFacts.PipelineStep step : facts.steps) {
        Generator g = out.get(step.model().text().toLowerCase(Locale.ROOT));
        if (g != null) {
          g.evidence.add(step.model().evidence());
          if (g.systemPrompt == null && step.systemPrompt() != null) {
            g.systemPrompt = new Ref(step.systemPrompt(), step.systemPromptEvidence());
          }
        }
      }
    } else {
      for (DatasetFacts.PipelineStep step : facts.steps) {
        Generator g =
            out.computeIfAbsent(
                step.model().text().toLowerCase(Locale.ROOT),
                k ->
                    new Generator(
                        step.model().text(),
                        facts.steps.size() == 1 && facts.rows > 0 ? facts.rows : -1));
        g.evidence.add(step.model().evidence());
        if (g.systemPrompt == null && step.systemPrompt() != null) {
          g.systemPrompt = new Ref(step.systemPrompt(), step.systemPromptEvidence());
        }
      }
    }
    for (Generator g : out.values()) {
      Ref rowPrompt = facts.rowSystemPrompts.get(g.reference);
      if (rowPrompt == null && out.size() == 1) {
        rowPrompt = facts.rowSystemPrompts.get(null);
      }
      if (g.systemPrompt == null && rowPrompt != null) {
        g.systemPrompt = rowPrompt;
      }
    }
    return List.copyOf(out.values());
  }

  /**
   * The generating model; with a recorded system prompt, a prompted copy of it that carries the
   * prompt.
   */
  private Optional<String> generatorModel(Generator g, Nodes.DatasetNode dataset) {
    Evidence at = g.evidence.get(0);
    var model =
        nodes.model(
            g.reference, Confidence.DECLARED, dataset.folder.dir(), dataset.folder.root(), at);
    if (model.isEmpty() || g.systemPrompt == null) {
      return model;
    }
    String key = model.get() + "\u0000" + g.systemPrompt.text();
    String id = promptedIds.get(key);
    if (id == null) {
      id = nodes.claimId(model.get() + "+system-prompt");
      Nodes.ModelNode prompted = new Nodes.ModelNode(id, null, new ModelFacts());
      Nodes.LinkDraft link = new Nodes.LinkDraft(Relation.PROMPTED);
      link.evidence.add(g.systemPrompt.evidence());
      prompted.links.put(model.get(), link);
      prompted.traits.add(
          new DiscoveredTrait(
              "system-prompt", "system-prompt", g.systemPrompt.text(), g.systemPrompt.evidence()));
      nodes.models.put(id, prompted);
      promptedIds.put(key, id);
    }
    return Optional.of(id);
  }
}
