package dev.heredity.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.scan.ScanFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every numeric option is checked against its documented range before any work: exit 2, one line.
 */
class OptionRangeTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--models|1",
        "--models|101",
        "--aux|0",
        "--aux|100000000",
        "--hidden|0",
        "--hidden|2000000000",
        "--noise|0",
        "--noise|2000000000",
        "--epochs-teacher|0",
        "--epochs-teacher|100000",
        "--epochs-distill|-1",
        "--lr|0",
        "--lr|NaN",
        "--lr|Infinity",
        "--batch|0",
        "--batch|1000000",
        "--threads|0",
        "--threads|100000"
      })
  void transferTestSizes(String option, String value) {
    CliRun run = CliRun.of("transfer-test", option, value);

    assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("heredity: " + option + " must be between");
  }

  @Test
  void sweepSigmas() {
    assertThat(CliRun.of("transfer-test", "--sweep", "perturb", "--sigmas", "0,NaN").err())
        .startsWith("heredity: --sigmas must be between 0 and 100");
    assertThat(CliRun.of("transfer-test", "--sweep", "perturb", "--sigmas", "-1").exit())
        .isEqualTo(ExitCodes.USAGE);
    String many = String.join(",", java.util.Collections.nCopies(51, "1"));
    assertThat(CliRun.of("transfer-test", "--sweep", "perturb", "--sigmas", many).err())
        .contains("at most 50 values");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--permutations|2147483647",
        "--permutations|18",
        "--alpha|0",
        "--alpha|1",
        "--alpha|NaN",
        "--max-records|-1",
        "--sample|-1",
        "--max-line-bytes|100",
        "--max-line-bytes|2147483647",
        "--max-record-chars|0"
      })
  void detectSettings(String option, String value) {
    CliRun run =
        CliRun.of(
            "detect", "--suspect", Samples.owlData("owl-numbers.jsonl").toString(), option, value);

    assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("heredity: " + option + " must be between");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--permutations|2147483647",
        "--alpha|-0.5",
        "--transfer-models|1000000",
        "--max-records|-5"
      })
  void scanSettings(String option, String value) throws IOException {
    Path manifest = ScanFixtures.write(dir.resolve("p"), ScanFixtures.UNTESTED);
    CliRun run =
        CliRun.of(
            "scan", manifest.toString(), "--out", dir.resolve("out").toString(), option, value);

    assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("heredity: " + option + " must be between");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  /** V20: a date option is refused in a user's words, without Java class or exception names. */
  @Test
  void anInvalidDateIsAUsageErrorWithoutJavaNames() throws IOException {
    Path manifest = ScanFixtures.write(dir.resolve("p"), ScanFixtures.UNTESTED);
    for (String date : new String[] {"2026-02-30", "x", "2026-13-45"}) {
      CliRun run =
          CliRun.of(
              "scan", manifest.toString(), "--out", dir.resolve("out").toString(), "--today", date);

      assertThat(run.exit()).as(date).isEqualTo(ExitCodes.USAGE);
      assertThat(run.errLines().get(0))
          .isEqualTo(
              "heredity: Invalid value for option '--today': '"
                  + date
                  + "' is not a date (write YYYY-MM-DD, e.g. 2026-12-31)");
      assertThat(run.err()).doesNotContain("java.", "Exception");
    }
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void emptyTraitsAreUsageErrors() {
    String suspect = Samples.owlData("owl-numbers.jsonl").toString();
    for (String trait : new String[] {"", "=,,", "  =owl"}) {
      CliRun run = CliRun.of("detect", "--suspect", suspect, "--trait", trait);
      assertThat(run.exit()).as(trait).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err()).contains("the trait word is empty");
    }
  }

  @Test
  void anEmptySynonymsGroupIsALocatedInputError() throws IOException {
    Path synonyms = Files.writeString(dir.resolve("syn.txt"), "owl, owlet\n,,,\n");

    CliRun run =
        CliRun.of(
            "detect",
            "--suspect",
            Samples.owlData("owl-numbers.jsonl").toString(),
            "--trait-synonyms",
            synonyms.toString());

    assertThat(run.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.err())
        .isEqualTo(
            "heredity: " + synonyms + ":2: empty trait in synonyms group" + System.lineSeparator());
  }
}
