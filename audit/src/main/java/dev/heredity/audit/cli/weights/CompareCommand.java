package dev.heredity.audit.cli.weights;

import dev.heredity.audit.cli.CommonOptions;
import dev.heredity.audit.cli.ExitCodes;
import dev.heredity.audit.cli.OptionRange;
import dev.heredity.audit.cli.UsageException;
import dev.heredity.audit.weights.WeightsWording;
import dev.heredity.weights.LayerEvidence;
import dev.heredity.weights.Verdict;
import dev.heredity.weights.WeightsComparison;
import dev.heredity.weights.WeightsNote;
import dev.heredity.weights.WeightsOptions;
import dev.heredity.weights.WeightsResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code heredity weights compare A B}: were two checkpoints trained from a shared initialisation?
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Test whether two checkpoints share an initialisation, from their weights alone.",
      "",
      "Null hypothesis: independent random initialisations. For each MLP layer both models have (Llama/Qwen/Mistral,"
          + " GPT-2 or MNIST-proxy names, same shapes), hidden units are matched by the cosine similarity of their"
          + " weights and a linear assignment; a one-sided Spearman test of the matching per layer, Fisher's method over"
          + " layers (Zhu et al., ICML 2025). A permutation of hidden units does not hide a shared init.",
      "A checkpoint is a .safetensors file, a folder of them, or a sharded model.safetensors.index.json. GGUF files are"
          + " recognised and reported inconclusive.",
      "Exit code: 1 when the weights show a shared init, 0 when independent or inconclusive, 3 for unreadable files.",
      ""
    })
public final class CompareCommand implements Callable<Integer> {
  enum OutputFormat {
    table,
    json
  }

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "A",
      description = "First checkpoint (file, folder or index).")
  Path a;

  @Parameters(index = "1", paramLabel = "B", description = "Second checkpoint.")
  Path b;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table | json (default: ${DEFAULT-VALUE}). JSON goes to stdout.")
  OutputFormat format;

  @Option(
      names = "--alpha",
      paramLabel = "P",
      defaultValue = "0.01",
      description = "Significance level of the verdict (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(
      names = "--full-test",
      description =
          "Always run the matching test (skip the cheap same-unit cosine tier that can confirm a shared init).")
  boolean fullTest;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Threads of the cosine GEMM, 1..256 (default: the number of cores).")
  Integer threads;

  @Option(
      names = "--sketch",
      paramLabel = "K",
      description =
          "Project each hidden unit's weight vector to K dimensions with a fixed seeded CountSketch (the same for"
              + " both models, so the test stays valid; cosines get noisier) when it has more than K features;"
              + " 0 for exact cosines (much slower on 7B-sized layers). "
              + CompareCommand.MIN_SKETCH
              + ".."
              + CompareCommand.MAX_SKETCH
              + " or 0 (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + WeightsOptions.DEFAULT_SKETCH)
  int sketch;

  static final int MIN_SKETCH = 64;
  static final int MAX_SKETCH = 65536;

  @Override
  public Integer call() {
    OptionRange.ALPHA.check(alpha);
    if (threads != null) {
      OptionRange.THREADS.check(threads);
    }
    if (sketch != 0 && (sketch < MIN_SKETCH || sketch > MAX_SKETCH)) {
      throw new UsageException(
          "--sketch must be 0 (exact cosines) or between "
              + MIN_SKETCH
              + " and "
              + MAX_SKETCH
              + ", got "
              + sketch);
    }
    WeightsOptions options =
        WeightsOptions.defaults().withAlpha(alpha).withShortcut(!fullTest).withSketch(sketch);
    if (threads != null) {
      options = options.withThreads(threads);
    }
    WeightsResult result = WeightsComparison.compare(a, b, options);
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        format == OutputFormat.json
            ? WeightsJson.write(result) + System.lineSeparator()
            : table(result));
    out.flush();
    return result.verdict() == Verdict.SHARED_INIT ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
  }

  String table(WeightsResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append("weights compare: ")
        .append(a)
        .append(" vs ")
        .append(b)
        .append(System.lineSeparator());
    sb.append("verdict: ").append(WeightsWording.summary(r)).append(System.lineSeparator());
    sb.append("method: ").append(WeightsWording.method(r.method())).append(System.lineSeparator());
    if (!r.layers().isEmpty()) {
      sb.append(System.lineSeparator())
          .append(
              String.format(
                  Locale.ROOT, "%-34s %6s  %9s  %9s%n", "layer", "units", "statistic", "p-value"));
      for (LayerEvidence l : r.layers()) {
        sb.append(WeightsWording.layerRow(l)).append(System.lineSeparator());
      }
    }
    if (!r.notes().isEmpty()) {
      sb.append(System.lineSeparator()).append("notes:").append(System.lineSeparator());
      for (WeightsNote n : r.notes()) {
        sb.append("  - ").append(WeightsWording.note(n)).append(System.lineSeparator());
      }
    }
    sb.append(String.format(Locale.ROOT, "time: %.1f s%n", r.seconds()));
    return sb.toString();
  }
}
