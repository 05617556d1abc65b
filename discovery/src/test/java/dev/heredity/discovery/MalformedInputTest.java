package dev.heredity.discovery;

import static dev.heredity.discovery.Tree.card;
import static dev.heredity.discovery.Tree.model;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.discovery.read.GgufBytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed input gives one located warning and the walk goes on; none throws. */
class MalformedInputTest {
  @TempDir Path dir;

  @Test
  void baseModelThatIsANumber() {
    DiscoveryResult r =
        new Tree(dir).file("m/README.md", card("license: mit", "base_model: 42")).discover();
    assertThat(r.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo("wrong-type");
              assertThat(w.at()).isEqualTo("line 3");
              assertThat(w.file().toString()).endsWith("README.md");
              assertThat(w.message()).contains("'base_model'").contains("a number");
            });
    assertThat(model(r, "m").base()).isEmpty();
  }

  @Test
  void frontMatterThatNeverCloses() {
    DiscoveryResult r =
        new Tree(dir)
            .file("m/README.md", "---\nbase_model: org/x\nlicense: mit\n\n# no closing line\n")
            .file("m/config.json", "{\"model_type\": \"llama\"}")
            .discover();
    assertThat(r.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo("front-matter-unclosed");
              assertThat(w.at()).isEqualTo("line 1");
            });
    assertThat(model(r, "m").base()).isEmpty();
  }

  @Test
  void yamlSyntaxErrorIsLocatedInTheCardFile() {
    DiscoveryResult r =
        new Tree(dir).file("m/README.md", card("license: mit", "base_model: [unclosed")).discover();
    assertThat(r.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo("syntax-error");
              assertThat(w.at()).matches("line \\d+");
            });
  }

  @Test
  void truncatedGgufInAModelFolder() throws IOException {
    byte[] full =
        GgufBytes.header(3, 0, 2)
            .kv("general.architecture", "llama")
            .kv("general.base_model.0.name", "x")
            .bytes();
    DiscoveryResult r =
        new Tree(dir).bytes("q/model.gguf", Arrays.copyOf(full, full.length - 3)).discover();
    assertThat(r.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo("gguf-truncated");
              assertThat(w.at()).startsWith("offset ");
            });
    assertThat(model(r, "q").base()).isEmpty();
  }

  @Test
  void recursiveSymlinkIsReportedOnceAndTheWalkEnds() throws IOException {
    new Tree(dir).file("a/m/config.json", "{\"model_type\": \"llama\"}");
    Files.createSymbolicLink(dir.resolve("a/m/loop"), dir.resolve("a"));
    DiscoveryResult r = Discovery.run(List.of(dir));
    assertThat(r.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo("symlink-loop");
              assertThat(w.file()).isEqualTo(dir.resolve("a/m/loop"));
            });
    assertThat(r.models()).extracting(DiscoveredModel::id).containsExactly("a/m");
  }

  @Test
  void limitsOnDepthSizeAndFileCount() {
    Tree tree =
        new Tree(dir)
            .file(
                "m/config.json",
                "{\"model_type\": \"llama\", \"pad\": \"" + "x".repeat(400) + "\"}")
            .file("d1/d2/d3/d4/deep/config.json", "{}");
    DiscoveryResult r =
        new Discovery(new DiscoveryLimits(3, 100, 200, 1 << 20, 1 << 20)).discover(List.of(dir));
    assertThat(r.warnings())
        .extracting(DiscoveryWarning::code)
        .containsExactlyInAnyOrder("file-too-large", "depth-limit");
    DiscoveryResult capped =
        new Discovery(new DiscoveryLimits(16, 1, 1 << 20, 1 << 20, 1 << 20))
            .discover(List.of(tree.root));
    assertThat(capped.warnings()).extracting(DiscoveryWarning::code).contains("file-limit");
  }

  @Test
  void malformedJsonConfigAndRowsAreLocated() {
    DiscoveryResult r =
        new Tree(dir)
            .file("m/adapter_config.json", "{\"base_model_name_or_path\": ")
            .file(
                "d/rows.jsonl",
                "{\"model_name\": \"org/a\"}\nnot json\n{\"model_name\": \"org/a\"}\n[1]\n")
            .discover();
    assertThat(r.warnings())
        .extracting(DiscoveryWarning::code, DiscoveryWarning::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("syntax-error", "line 1"),
            org.assertj.core.groups.Tuple.tuple("malformed-row", "line 2"));
    assertThat(Tree.dataset(r, "d").generatedBy().rows()).isEqualTo(2);
  }

  @Test
  void aFifoArtifactIsNamedAndCountedNeverOpened() throws Exception {
    DiscoveryResult ok = new Tree(dir).file("m/README.md", card("base_model: org/base")).discover();
    assertThat(ok.warnings()).isEmpty();
    Path fifo = dir.resolve("m/adapter_config.json");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");

    DiscoveryResult r = Discovery.run(List.of(dir));

    assertThat(r.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo("special-file");
              assertThat(w.file().toString()).endsWith("adapter_config.json");
              assertThat(w.message()).contains("FIFO");
            });
    assertThat(model(r, "m").base()).isNotEmpty();
  }
}
