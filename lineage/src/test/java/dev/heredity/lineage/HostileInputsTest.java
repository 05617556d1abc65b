package dev.heredity.lineage;

import static dev.heredity.lineage.TestManifests.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.heredity.lineage.graph.GraphExporters;
import dev.heredity.lineage.graph.GraphFormat;
import dev.heredity.lineage.manifest.BaseRef;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.manifest.ManifestReader;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.lineage.manifest.Relation;
import dev.heredity.lineage.validate.ManifestValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tests for the lineage defects of the hostile-input review (V8, V9, V10, V14, V16, V17,
 * V19, V21, V25).
 */
class HostileInputsTest {
  private static final String SHA = "0".repeat(64);

  @TempDir Path dir;

  private static List<String> problems(Path manifest, LineageOptions options) {
    try {
      Lineage.validate(manifest, options);
      return List.of();
    } catch (InvalidManifestException e) {
      return e.problems();
    }
  }

  private static boolean mkfifo(Path path) throws InterruptedException {
    try {
      return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void v8ADeclaredSha256IsNeverSkippedAndEachKindOfPathIsNamed() throws Exception {
    Files.createDirectories(dir.resolve("folder.jsonl"));
    Files.createSymbolicLink(dir.resolve("dangling.jsonl"), dir.resolve("nothing-here"));
    boolean fifo = mkfifo(dir.resolve("pipe.jsonl"));
    Path manifest =
        write(
            dir,
            "m.yaml",
            "heredity: 1\ndatasets:\n"
                + "  - {id: a, path: folder.jsonl, sha256: "
                + SHA
                + "}\n"
                + "  - {id: b, path: dangling.jsonl, sha256: "
                + SHA
                + "}\n"
                + (fifo ? "  - {id: c, path: pipe.jsonl, sha256: " + SHA + "}\n" : ""));
    List<String> problems =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20), () -> problems(manifest, LineageOptions.defaults()));
    assertThat(problems)
        .startsWith(
            manifest
                + ":3:41: sha256 of dataset 'a' cannot be checked: 'folder.jsonl' is a directory, not a regular file",
            manifest
                + ":4:43: sha256 of dataset 'b' cannot be checked: 'dangling.jsonl' is a dangling symbolic link, not a regular file");
    if (fifo) {
      assertThat(problems)
          .hasSize(3)
          .last()
          .asString()
          .endsWith("'pipe.jsonl' is a FIFO (named pipe), not a regular file");
    }

    Path noHashes =
        write(
            dir,
            "n.yaml",
            "heredity: 1\ndatasets:\n  - {id: a, path: folder.jsonl}\n  - {id: b, path: dangling.jsonl}\n"
                + (fifo ? "  - {id: c, path: pipe.jsonl}\n" : "")
                + "  - {id: e, path: /dev/null}\n");
    List<Diagnostic> warnings =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () -> Lineage.validate(noHashes, new LineageOptions(true, true)));
    assertThat(warnings)
        .extracting(Diagnostic::render)
        .allSatisfy(w -> assertThat(w).doesNotContain("not present", "missing"));
    assertThat(warnings)
        .extracting(Diagnostic::code)
        .contains("dangling-symlink", "not-regular-file");
    assertThat(warnings)
        .extracting(Diagnostic::message)
        .anySatisfy(
            m -> assertThat(m).contains("'/dev/null' of dataset 'e' is a character device"));
  }

  @Test
  void v9GraphMlStaysWellFormedXmlWhateverALabelHolds() throws Exception {
    Path manifest =
        write(
            dir,
            "m.yaml",
            "heredity: 1\nmodels:\n  - id: a\n    traits: [{name: \"x\\u0001\\u001b[2J\\uFFFE y\"}]\n");
    StringWriter out = new StringWriter();
    GraphExporters.write(TestManifests.analyze(manifest).graph(), GraphFormat.GRAPHML, out);
    DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
    assertThat(out.toString())
        .contains("x\\u0001\\u001B[2J\\uFFFE y")
        .doesNotContain("&#1;", "&#27;");
  }

  @Test
  void v16LineBreaksInLabelsAreExportedAsEscapesInDotAndMermaid() {
    Path manifest =
        write(
            dir,
            "m.yaml",
            "heredity: 1\nmodels:\n  - id: a\n    traits: [{name: \"evil\\r\\nlabel\\\"]; x -> y\"}]\n  - id: b\n"
                + "    base: [{model: a, relation: finetune}]\n");
    LineageAnalysis analysis = TestManifests.analyze(manifest);
    for (GraphFormat format : List.of(GraphFormat.DOT, GraphFormat.MERMAID)) {
      StringWriter out = new StringWriter();
      GraphExporters.write(analysis.graph(), format, out);
      assertThat(out.toString())
          .as(format.label())
          .doesNotContain("\r")
          .contains("evil\\r\\nlabel");
      assertThat(out.toString().lines().filter(l -> l.contains("label")).count())
          .as(format.label())
          .isLessThanOrEqualTo(3);
    }
    assertThatThrownBy(
            () ->
                ManifestReader.read(
                    write(dir, "id.yaml", "heredity: 1\nmodels:\n  - id: \"a\\r\\nb\"\n")))
        .hasMessage(
            dir.resolve("id.yaml")
                + ":3:9: invalid id 'a\\r\\nb' in 'id': holds a carriage return (U+000D)"
                + " (ids may hold letters, digits and . _ - / : @ +)");
  }

  @Test
  void v14AHugeYamlScalarFailsFastBeforeTheYamlScannerSeesIt() throws IOException {
    Path manifest = dir.resolve("big.yaml");
    try (OutputStream out = Files.newOutputStream(manifest)) {
      out.write("{heredity: 1, description: \"".getBytes(StandardCharsets.US_ASCII));
      byte[] block = "A".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 20; i++) {
        out.write(block);
      }
      out.write("\"}\n".getBytes(StandardCharsets.US_ASCII));
    }
    InvalidManifestException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () ->
                org.junit.jupiter.api.Assertions.assertThrows(
                    InvalidManifestException.class, () -> ManifestReader.read(manifest)));
    assertThat(e.getMessage())
        .isEqualTo(
            manifest
                + ":1:1: the manifest is 20971551 bytes, more than the 3145728 bytes a YAML"
                + " manifest may hold (write larger manifests as JSON)");
  }

  @Test
  void v14ALongLineFailsFastAndAFullSizeManifestOfLongLinesParsesQuickly() {
    Path oneLine =
        write(dir, "line.yaml", "heredity: 1\ndescription: \"" + "A".repeat(3_000_000) + "\"\n");
    assertThatThrownBy(
            () ->
                assertTimeoutPreemptively(
                    Duration.ofSeconds(5), () -> ManifestReader.read(oneLine)))
        .hasMessage(
            oneLine
                + ":2:65537: line 2 is longer than 65536 characters, the limit for a line of this format");

    StringBuilder yaml = new StringBuilder("heredity: 1\ndescription: \"");
    while (yaml.length() < ManifestReader.MAX_YAML_BYTES - 70_000) {
      yaml.append("B".repeat(65_000)).append('\n');
    }
    Path wide = write(dir, "wide.yaml", yaml.append("\"\n").toString());
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ManifestReader.read(wide));
  }

  @Test
  void v17ACheckpointPathThatIsAFifoOrDeviceIsNamedNotPassedSilently() throws Exception {
    Files.createSymbolicLink(dir.resolve("gone"), dir.resolve("nothing-here"));
    boolean fifo = mkfifo(dir.resolve("pipe"));
    Path manifest =
        write(
            dir,
            "m.yaml",
            "heredity: 1\nmodels:\n"
                + "  - {id: a, checkpoint: {path: /dev/null}}\n"
                + "  - {id: b, checkpoint: {path: gone}}\n"
                + (fifo ? "  - {id: c, checkpoint: {path: pipe}}\n" : ""));

    List<Diagnostic> warnings =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () -> Lineage.validate(manifest, new LineageOptions(true, true)));

    assertThat(warnings)
        .extracting(Diagnostic::code)
        .containsExactlyElementsOf(
            fifo
                ? List.of("not-regular-file", "dangling-symlink", "not-regular-file")
                : List.of("not-regular-file", "dangling-symlink"));
    assertThat(warnings.get(0).message())
        .isEqualTo(
            "checkpoint path '/dev/null' of model 'a' is a character device; its weights cannot be"
                + " checked");
    if (fifo) {
      assertThat(warnings.get(2).message()).contains("'pipe' of model 'c' is a FIFO (named pipe)");
    }
  }

  @Test
  void v17AFifoAsManifestIsRefusedNotWaitedOn() throws Exception {
    Path fifo = dir.resolve("m.yaml");
    assumeTrue(mkfifo(fifo), "mkfifo is not available");
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(() -> ManifestReader.read(fifo))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessage(fifo + ": is a FIFO (named pipe), not a regular file"));
    assertThatThrownBy(() -> ManifestReader.read(dir))
        .hasMessage(dir + ": is a directory, not a regular file");
  }

  @Test
  void v19EncodingProblemsAreLocatedWithoutJavaNames() throws IOException {
    Path yaml = dir.resolve("r19.yaml");
    Files.write(
        yaml,
        "heredity: 1\nmodels:\n  - id: a\u00ffb\n"
            .replace('\u00ff', '\u0001')
            .getBytes(StandardCharsets.UTF_8));
    byte[] bytes = "heredity: 1\nmodels:\n  - id: aXb\n".getBytes(StandardCharsets.US_ASCII);
    bytes[bytes.length - 3] = (byte) 0xff;
    Files.write(yaml, bytes);
    assertThatThrownBy(() -> ManifestReader.read(yaml))
        .hasMessage(yaml + ":3:10: invalid UTF-8 byte 0xFF (a manifest must be UTF-8 text)");

    Path nul = write(dir, "nul.yaml", "heredity: 1\nmodels:\n  - id: a\n  - id: b\u0000\n");
    assertThatThrownBy(() -> ManifestReader.read(nul))
        .hasMessage(
            nul
                + ":4:10: control character U+0000 is not allowed in a manifest (write it as an escape inside a quoted string)");

    Path json = dir.resolve("r19.json");
    byte[] jsonBytes =
        "{\"heredity\": 1,\n \"models\": [{\"id\": \"aXb\"}]}\n"
            .getBytes(StandardCharsets.US_ASCII);
    jsonBytes[jsonBytes.length - 6] = (byte) 0xc3;
    Files.write(json, jsonBytes);
    assertThatThrownBy(() -> ManifestReader.read(json))
        .hasMessageStartingWith(json + ":2:")
        .hasMessageContaining("invalid UTF-8 byte 0xC3");

    Path longString = dir.resolve("long.json");
    Files.writeString(
        longString, "{\"heredity\": 1,\n \"description\": \"" + "x".repeat(21_000_000) + "\"}\n");
    assertThatThrownBy(() -> ManifestReader.read(longString))
        .isInstanceOfSatisfying(
            InvalidManifestException.class,
            e ->
                assertThat(e.getMessage())
                    .startsWith(longString + ":2:")
                    .doesNotContain("java.", "com.fasterxml", "Exception"));
  }

  @Test
  void v21AnIdWithALineBreakCannotCutTheMessage() {
    Path manifest =
        write(
            dir,
            "r21.yaml",
            "heredity: 1\nmodels:\n  - id: a\n    base: [{model: \"ghost\\nmore\", relation: finetune}]\n");
    assertThatThrownBy(() -> ManifestReader.read(manifest))
        .isInstanceOfSatisfying(
            InvalidManifestException.class,
            e -> {
              assertThat(e.getMessage()).doesNotContain("\n").contains("'ghost\\nmore' in 'model'");
              assertThat(e.details())
                  .singleElement()
                  .extracting(ManifestProblem::code)
                  .isEqualTo("invalid-id");
            });
  }

  @Test
  void v21AManifestBuiltInCodeHasItsIdsCheckedAndQuotedToo() {
    SourceLocation at = new SourceLocation(dir.resolve("import.json"), 1, 1);
    Manifest manifest =
        new Manifest(
            at.file(),
            1,
            List.of(
                new ModelSpec(
                    "a\nb", null, null, List.of(), List.of(), null, true, at, java.util.Map.of()),
                new ModelSpec(
                    "c",
                    null,
                    null,
                    List.of(new BaseRef("ghost\r\n# forged", Relation.FINETUNE, at)),
                    List.of(),
                    null,
                    true,
                    at,
                    java.util.Map.of())),
            List.of(),
            List.of(),
            List.of());
    assertThatThrownBy(() -> ManifestValidator.validate(manifest, LineageOptions.defaults()))
        .isInstanceOfSatisfying(
            InvalidManifestException.class,
            e -> {
              assertThat(e.problems())
                  .containsExactly(
                      at
                          + ": dangling reference 'ghost\\r\\n# forged' in the base of model 'c' (no model has that id)",
                      at
                          + ": invalid id 'a\\nb' of a model: holds a line feed (U+000A) (ids may hold letters, digits and . _ - / : @ +)");
              assertThat(String.join("", e.problems())).doesNotContain("\n", "\r");
            });
  }

  @Test
  void v25AYamlAliasIsNamedAsSuch() {
    Path manifest =
        write(
            dir,
            "r25.yaml",
            """
                heredity: 1
                models:
                  - id: &x base
                  - id: child
                    base: [{model: *x, relation: finetune}]
                """);
    assertThatThrownBy(() -> ManifestReader.read(manifest))
        .hasMessage(
            manifest
                + ":5:20: YAML aliases are not supported (found alias '*x'): write the value out in full");
  }

  @Test
  void v10DuplicateKeysInsideSamplingAreErrors() {
    Path manifest =
        write(
            dir,
            "r10.yaml",
            """
                heredity: 1
                models: [{id: t}]
                datasets:
                  - id: d
                    generatedBy: {model: t, sampling: {temperature: 1.0, top_p: 0.9, temperature: 0.2, nested: {k: 1, k: 2}}}
                """);
    assertThatThrownBy(() -> ManifestReader.read(manifest))
        .isInstanceOfSatisfying(
            InvalidManifestException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        manifest + ":5:70: duplicate key 'temperature' in 'sampling'",
                        manifest + ":5:103: duplicate key 'k' in 'nested'"));
  }

  @Test
  void v20ParserInternalsNeverReachTheMessage() {
    List<String> hostile =
        List.of(
            "heredity: 1\nmodels:\n  - ? [a, b]\n    : x\n",
            "heredity: 1\nmodels:\n  - id: !!binary aGVsbG8=\n",
            "heredity: 1\nmodels:\n  - id: !!javax.script.ScriptEngineManager [x]\n",
            "heredity: 1\nmodels: [{id: a}\n",
            "heredity: 1\nmodels:\n  - id: \"unterminated\n",
            "heredity: 1\n\t- tab\n",
            "heredity: !!int 99999999999999999999\n",
            "heredity: 1\ndatasets: [{id: d, generatedBy: {model: m, sampling: {? [x]: 1}}}]\n");
    for (int i = 0; i < hostile.size(); i++) {
      Path manifest = write(dir, "h" + i + ".yaml", hostile.get(i));
      assertThatThrownBy(() -> ManifestReader.read(manifest))
          .as(hostile.get(i))
          .isInstanceOfSatisfying(
              InvalidManifestException.class,
              e ->
                  assertThat(e.problems())
                      .allSatisfy(
                          p ->
                              assertThat(p)
                                  .startsWith(manifest + ":")
                                  .doesNotContain(
                                      "java.",
                                      "org.yaml",
                                      "com.fasterxml",
                                      "Exception",
                                      "Event(",
                                      "VALUE_",
                                      "\n")));
    }
  }
}
