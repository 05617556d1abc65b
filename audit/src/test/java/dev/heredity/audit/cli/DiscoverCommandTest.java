package dev.heredity.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.audit.scan.ScanFixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code heredity discover} and the lineage commands on a folder with no manifest, in-process. */
class DiscoverCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;
    private Path sample;

    @BeforeEach
    void setUp() {
        sample = ScanFixtures.repo().resolve("samples/hub-snapshot");
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        var cli = HeredityCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void discoveredManifestOfTheSampleValidates() throws IOException {
        Path manifest = dir.resolve("m.yaml");
        assertThat(run("discover", sample.toString(), "-o", manifest.toString())).isEqualTo(ExitCodes.CLEAN);
        assertThat(err.toString()).contains("discovered 10 models (3 external), 6 datasets, 3 trainings; 0 inputs");
        String yaml = Files.readString(manifest);
        assertThat(yaml).contains("# from ").contains("(declared)").contains("(weak)").contains("(inferred)");
        assertThat(run("lineage", "validate", "--allow-outside", manifest.toString())).as(err.toString())
                .isEqualTo(ExitCodes.CLEAN);
        assertThat(out.toString()).contains("valid (10 models, 6 datasets, 3 trainings");
    }

    @Test
    void jsonFormatIsAManifestTheReaderAccepts() throws IOException {
        Path manifest = dir.resolve("m.json");
        assertThat(run("discover", sample.toString(), "--format", "json", "-o", manifest.toString()))
                .isEqualTo(ExitCodes.CLEAN);
        JsonNode root = JSON.readTree(manifest.toFile());
        assertThat(root.get("heredity").asInt()).isEqualTo(1);
        assertThat(root.get("models")).hasSize(10);
        assertThat(run("lineage", "validate", "--allow-outside", manifest.toString())).as(err.toString())
                .isEqualTo(ExitCodes.CLEAN);
    }

    @Test
    void pairsOfAFolderWithoutManifestAreTheOnesTheArtifactsImply() throws IOException {
        assertThat(run("lineage", "pairs", sample.toString(), "--format", "json", "--fail-on", "critical"))
                .as(err.toString()).isEqualTo(ExitCodes.CLEAN);
        List<String> pairs = new ArrayList<>();
        for (JsonNode p : JSON.readTree(out.toString()).get("pairs")) {
            pairs.add(p.get("severity").asText() + " " + p.get("teacher").asText() + " -> " + p.get("student").asText());
        }
        assertThat(pairs).containsExactly(
                "high Qwen/Qwen2.5-7B-Instruct+system-prompt -> models/owl-student",
                "low Qwen/Qwen2.5-7B-Instruct -> models/qwen-owl-lora",
                "info Qwen/Qwen2.5-7B-Instruct+system-prompt -> models/llama-student",
                "info mistralai/Mistral-7B-Instruct-v0.3 -> models/qwen-owl-lora");
        JsonNode findings = JSON.readTree(out.toString()).get("findings");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.get("rule").asText()).isEqualTo("unattributed-synthetic-data");
            assertThat(f.get("subject").asText()).isEqualTo("datasets/unattributed-numbers");
        });
    }

    @Test
    void scanOfTheSampleWithoutManifestFindsTheSameBasePairAndTheSignal() throws IOException {
        Path out = dir.resolve("report");
        int code = run("scan", sample.toString(), "--out", out.toString(), "--permutations", "199", "--quiet");
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        List<String> pairs = new ArrayList<>();
        report.get("pairs").forEach(p -> pairs.add(p.get("teacher").asText() + " -> " + p.get("student").asText()
                + " " + p.get("sharedBase").asBoolean()));
        assertThat(pairs).contains("Qwen/Qwen2.5-7B-Instruct+system-prompt -> models/owl-student true",
                "Qwen/Qwen2.5-7B-Instruct -> models/qwen-owl-lora true",
                "Qwen/Qwen2.5-7B-Instruct+system-prompt -> models/llama-student false");
        assertThat(report.toString()).contains("datasets/owl-numbers").contains("datasets/control-numbers");
    }

    @Test
    void unreadableInputsAreListedWithTheirPositionAndStrictFails() throws IOException {
        Files.createDirectories(dir.resolve("m"));
        Files.writeString(dir.resolve("m/README.md"), "---\nbase_model: 42\n---\n");
        assertThat(run("discover", dir.toString())).isEqualTo(ExitCodes.CLEAN);
        assertThat(err.toString()).contains("README.md: line 2: warning: 'base_model' must be a string or a list of"
                + " strings, found a number [wrong-type]");
        assertThat(err.toString()).contains("1 input could not be used");
        assertThat(run("discover", "--strict", dir.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run("lineage", "validate", "--strict", dir.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("README.md:2:1:").doesNotContain("Exception");
    }

    @Test
    void missingPathAndEmptyFolderAreInvalidInput() throws IOException {
        assertThat(run("discover", dir.resolve("nope").toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).isEqualTo("heredity: " + dir.resolve("nope") + ": no such file or folder"
                + System.lineSeparator());
        assertThat(run("lineage", "pairs", dir.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("no model or dataset artifacts to discover");
    }
}
