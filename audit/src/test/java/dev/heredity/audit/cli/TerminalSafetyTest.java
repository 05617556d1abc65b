package dev.heredity.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V2: control bytes from ids and from dataset content never reach the terminal raw, whichever way
 * the command ends (a table, a verdict, a one-line error or a listing of problems).
 */
class TerminalSafetyTest {
  private static final String ESC_ID = "t\\e]0;pwned\\a\\e[2Jx";

  @TempDir Path dir;

  private static void assertInert(CliRun run) {
    String all = run.out() + run.err();
    assertThat(all).doesNotContain("\u001b", "\u0007", "\r", "\u0000");
  }

  @Test
  void leakScanSnippetsFromTheDataAreEscaped() throws IOException {
    StringBuilder records = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      records.append(
          "{\"completion\":\"1, 2 owl \\u001b[2J\\u001b]0;pwned\\u0007FAKE verdict\\r\"}\n");
    }
    Path suspect = Files.writeString(dir.resolve("s.jsonl"), records);

    CliRun run = CliRun.of("detect", "--suspect", suspect.toString(), "--trait", "owl", "-q");

    assertInert(run);
    assertThat(run.out()).contains("1, 2 owl \\e[2J\\e]0;pwned\\x07FAKE verdict");
  }

  @Test
  void idsInTablesAndErrorsAreEscaped() throws IOException {
    Path manifest =
        Files.writeString(
            dir.resolve("m.yaml"),
            """
                heredity: 1
                models:
                  - id: base
                  - id: "%s"
                    base: [{model: base, relation: prompted}]
                    traits: [{name: x, source: eval}]
                datasets:
                  - {id: d, generatedBy: "%s"}
                trainings:
                  - {id: tr, student: "s\\r\\u001b[1A", from: base, datasets: [d]}
                """
                .formatted(ESC_ID, ESC_ID));

    for (String[] args :
        new String[][] {
          {"lineage", "pairs", manifest.toString()},
          {"lineage", "trace", manifest.toString(), "--from", "t\u001b]0;pwned\u0007\u001b[2Jx"},
          {"lineage", "validate", manifest.toString()},
          {"scan", manifest.toString(), "--out", dir.resolve("out").toString()}
        }) {
      CliRun run = CliRun.of(args);
      assertThat(run.exit()).as(String.join(" ", args)).isIn(0, 1, 2, 3);
      assertInert(run);
    }
  }

  @Test
  void discoveryWarningsNamingHostileFilesAreEscaped() throws IOException {
    Path model = Files.createDirectories(dir.resolve("scan/m\u001b]0;pwned\u0007\u001b[2J"));
    Files.writeString(model.resolve("config.json"), "{\"_name_or_path\": ");
    Files.writeString(model.resolve("README.md"), "---\nbase_model: [\n");

    CliRun run = CliRun.of("discover", dir.resolve("scan").toString());

    assertInert(run);
    assertThat(run.exit()).isIn(0, 3);
    assertThat(run.err())
        .as("the warning names the folder, escaped")
        .contains("m\\e]0;pwned\\x07\\e[2J");
  }

  @Test
  void aListingOfProblemsCannotForgeALine() throws IOException {
    Path manifest =
        Files.writeString(
            dir.resolve("m.yaml"),
            """
                heredity: 1
                models:
                  - id: a
                    base: [{model: "ghost\\nheredity: all checks passed", relation: finetune}]
                  - id: b
                    base: [{model: "ghost2", relation: finetune}]
                """);

    CliRun run = CliRun.of("lineage", "validate", manifest.toString());

    assertThat(run.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.errLines())
        .allMatch(line -> line.startsWith("heredity: " + manifest))
        .noneMatch(line -> line.equals("heredity: all checks passed"));
    assertThat(run.err()).contains("ghost\\nheredity: all checks passed");
  }
}
