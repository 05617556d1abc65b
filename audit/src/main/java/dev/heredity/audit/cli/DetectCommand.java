package dev.heredity.audit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.heredity.detectors.Detection;
import dev.heredity.detectors.DetectionReport;
import dev.heredity.detectors.DetectionRequest;
import dev.heredity.detectors.InputFormat;
import dev.heredity.detectors.InputOptions;
import dev.heredity.detectors.InvalidInputException;
import dev.heredity.detectors.Modality;
import dev.heredity.detectors.input.InputLimits;
import dev.heredity.lineage.FileKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code heredity detect}: record-level two-sample tests between a suspect dataset and a control
 * set.
 */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compare a suspect dataset with a control set using record-level two-sample tests.",
      "Content tests (token frequency, position, transitions, prompt echo, and a cross-fitted"
          + " classifier with a permutation p-value) are combined with weighted Bonferroni into one"
          + " verdict: signal, no-signal, or inconclusive when the sets are too small to detect an"
          + " effect the size of the published ones (the minimum detectable effect is shown)."
          + " Format differences and explicit leaks are reported apart. Without --reference only"
          + " the format profile and the leak scan run.",
      "Exit code 1 when the verdict is 'signal' or 'inconclusive'."
    })
public final class DetectCommand implements Callable<Integer> {
  enum OutputFormat {
    table,
    json
  }

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(
      names = "--suspect",
      required = true,
      paramLabel = "FILE",
      description = {
        "Dataset that may carry a hidden trait: a file (JSONL, CSV, Parquet, plain lines; .gz read"
            + " transparently), a folder of shards (Hugging Face layouts) or a quoted glob"
            + " ('data/train-*.parquet')."
      })
  Path suspect;

  @Option(
      names = "--reference",
      paramLabel = "PATH",
      description =
          "Control set (file, folder or glob): the same base model without the trait, on the same prompts.")
  Path reference;

  @Option(
      names = "--modality",
      paramLabel = "KIND",
      description =
          "numbers | code | reasoning | text (default: detected from the records and reported).")
  String modality;

  @Option(
      names = "--trait",
      paramLabel = "WORD",
      description =
          "Trait to search for in the leak scan; repeat for several. 'owl=owlet,strix' adds synonyms.")
  List<String> traits = new ArrayList<>();

  @Option(
      names = "--trait-synonyms",
      paramLabel = "FILE",
      description =
          "Synonyms file, one group per line: 'owl, owlet, strix' (first word is the trait).")
  Path synonyms;

  @Option(
      names = "--input-format",
      paramLabel = "LAYOUT",
      description =
          "chat | sharegpt | alpaca | prompt-completion | text | lines | csv (default: detected from the "
              + "first record of each side).")
  String inputFormat;

  @Option(
      names = "--field",
      paramLabel = "POINTER",
      description =
          "JSON pointer (e.g. /output/text) or column holding the generated text, for both sides.")
  String field;

  @Option(
      names = "--suspect-field",
      paramLabel = "POINTER",
      description = "Text field of the suspect records only.")
  String suspectField;

  @Option(
      names = "--reference-field",
      paramLabel = "POINTER",
      description = "Text field of the reference records only.")
  String referenceField;

  @Option(
      names = "--suspect-prompt-field",
      paramLabel = "POINTER",
      description = "Prompt field of the suspect records (default: the layout's prompt).")
  String suspectPromptField;

  @Option(
      names = "--reference-prompt-field",
      paramLabel = "POINTER",
      description = "Prompt field of the reference records (default: the layout's prompt).")
  String referencePromptField;

  @Option(
      names = "--split",
      paramLabel = "NAME",
      description =
          "Read only this split of dataset folders (train, test, ...); required when a folder holds several.")
  String split;

  @Option(
      names = "--sample",
      paramLabel = "N",
      defaultValue = "100000",
      description = {
        "Run the distribution tests on a seeded uniform sample of N records per side, drawn from"
            + " all files in one pass; counts, format profile and leak scan still cover every record"
            + " (default: ${DEFAULT-VALUE}; 0 = every record, memory then grows with the data)."
      })
  int sample;

  @Option(
      names = "--max-line-bytes",
      paramLabel = "BYTES",
      defaultValue = "16777216",
      description =
          "Skip and count lines (records) longer than this after decompression (default: ${DEFAULT-VALUE}).")
  int maxLineBytes;

  @Option(
      names = "--max-record-chars",
      paramLabel = "CHARS",
      defaultValue = "1048576",
      description =
          "Skip and count records whose text and prompt exceed this (default: ${DEFAULT-VALUE}).")
  int maxRecordChars;

  @Option(
      names = "--permutations",
      paramLabel = "B",
      defaultValue = "999",
      description =
          "Label permutations for the permutation p-values, 19 to 100000 (default: ${DEFAULT-VALUE}).")
  int permutations;

  @Option(
      names = "--alpha",
      paramLabel = "A",
      defaultValue = "0.01",
      description =
          "Level of the combined verdict, between 0 and 1 exclusive (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Seed for permutations and the classifier split; same input and seed give the same output.")
  long seed;

  @Option(
      names = "--max-records",
      paramLabel = "N",
      defaultValue = "0",
      description = "Read only the first N records of each side, not a random sample (0 = all).")
  int maxRecords;

  @Option(
      names = "--skip-bad",
      description = "Skip and count malformed records instead of failing.")
  boolean skipBad;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "Output: table | json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() {
    DetectionReport report;
    try {
      report = Detection.run(request(), TerminalProgress.forStderr(quiet));
    } catch (InvalidInputException e) {
      throw InputAdvice.forDetect(e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.json) {
      out.println(json(report));
    } else {
      out.print(DetectTable.render(report));
    }
    out.flush();
    // Inconclusive is not clean: the sets were too small to rule out an effect of the published
    // size.
    return report.signal() || report.inconclusive() ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
  }

  DetectionRequest request() {
    OptionRange.PERMUTATIONS.check(permutations);
    OptionRange.ALPHA.check(alpha);
    OptionRange.MAX_RECORDS.check(maxRecords);
    OptionRange.SAMPLE.check(sample);
    OptionRange.MAX_LINE_BYTES.check(maxLineBytes);
    OptionRange.MAX_RECORD_CHARS.check(maxRecordChars);
    traits.forEach(DetectCommand::checkTrait);
    try {
      return DetectionRequest.defaults(suspect, reference)
          .withModality(modality == null ? null : Modality.parse(modality))
          .withFormat(inputFormat == null ? null : InputFormat.parse(inputFormat))
          .withField(field)
          .withTraits(withSynonyms(traits))
          .withPermutations(permutations)
          .withAlpha(alpha)
          .withSeed(seed)
          .withMaxRecords(maxRecords)
          .withSkipBad(skipBad)
          .withInput(
              InputOptions.DEFAULTS
                  .withFields(suspectField, referenceField)
                  .withPromptFields(suspectPromptField, referencePromptField)
                  .withSplits(split, split)
                  .withSampleSize(sample)
                  .withLimits(new InputLimits(maxLineBytes, maxRecordChars)));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static final long MAX_SYNONYMS_BYTES = 1 << 20;

  private List<String> withSynonyms(List<String> words) {
    if (synonyms == null) {
      return words;
    }
    List<String> out = new ArrayList<>(words);
    try {
      requireSmallRegularFile(synonyms);
      int lineNumber = 0;
      for (String line : Files.readAllLines(synonyms, StandardCharsets.UTF_8)) {
        lineNumber++;
        String group = line.strip();
        if (group.isEmpty() || group.startsWith("#")) {
          continue;
        }
        String[] terms = group.split("\\s*,\\s*");
        if (terms.length == 0 || terms[0].isBlank()) {
          throw new InvalidInputException(
              synonyms + ":" + lineNumber + ": empty trait in synonyms group");
        }
        out.removeIf(w -> w.equalsIgnoreCase(terms[0]));
        out.add(terms[0] + "=" + String.join(",", List.of(terms).subList(1, terms.length)));
      }
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(synonyms + ": no such file");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new InvalidInputException(synonyms + ": not UTF-8 text");
    } catch (IOException e) {
      throw new InvalidInputException(synonyms + ": " + e.getMessage());
    }
    return out;
  }

  /**
   * A FIFO or device is refused unopened (a FIFO would be waited on forever, /dev/zero read until
   * the heap runs out), and so is a file larger than a word list can reasonably be.
   */
  private static void requireSmallRegularFile(Path file) throws IOException {
    FileKind kind = FileKind.of(file);
    if (kind.exists() && kind != FileKind.REGULAR) {
      throw new InvalidInputException(file + ": is " + kind.description + ", not a synonyms file");
    }
    long size = Files.size(file);
    if (size > MAX_SYNONYMS_BYTES) {
      throw new InvalidInputException(
          file
              + ": "
              + size
              + " bytes, more than a synonyms file may hold ("
              + MAX_SYNONYMS_BYTES
              + ")");
    }
  }

  /** The one mapper for detect's JSON: the report's records in, indented JSON out. */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** {@code owl} or {@code owl=owlet,strix}: the word before '=' must be there. */
  private static void checkTrait(String spec) {
    String word = spec.split("=", 2)[0];
    if (word.isBlank()) {
      throw new UsageException(
          "--trait '" + spec + "': the trait word is empty (write WORD or WORD=SYNONYM,...)");
    }
  }

  static String json(DetectionReport report) {
    try {
      return JSON.writeValueAsString(report);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }
}
