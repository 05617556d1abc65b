package dev.heredity.audit.cli.weights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.audit.cli.ExitCodes;
import dev.heredity.audit.cli.HeredityCli;
import dev.heredity.weights.safetensors.Dtype;
import dev.heredity.weights.safetensors.SafetensorsWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    var cli = HeredityCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 2];
    all[0] = "weights";
    all[1] = "compare";
    System.arraycopy(args, 0, all, 2, args.length);
    return cli.execute(all);
  }

  /**
   * Two Llama-named MLP layers of 64 hidden units; {@code noise} > 0 makes a fine-tune of {@code
   * base}.
   */
  static Map<String, float[]> model(long seed, Map<String, float[]> base, double noise) {
    SplittableRandom rng = new SplittableRandom(seed);
    Map<String, float[]> w = new java.util.LinkedHashMap<>();
    for (int l = 0; l < 2; l++) {
      for (String p : List.of("gate_proj", "up_proj", "down_proj")) {
        String name = "model.layers." + l + ".mlp." + p + ".weight";
        float[] v = new float[64 * 16];
        for (int i = 0; i < v.length; i++) {
          double g =
              Math.sqrt(-2 * Math.log(1 - rng.nextDouble()))
                  * Math.cos(2 * Math.PI * rng.nextDouble());
          v[i] = base == null ? (float) g : base.get(name)[i] + (float) (noise * g);
        }
        w.put(name, v);
      }
    }
    return w;
  }

  Path write(String file, Map<String, float[]> w) {
    List<SafetensorsWriter.Entry> entries = new ArrayList<>();
    w.forEach(
        (name, v) ->
            entries.add(
                SafetensorsWriter.Entry.of(
                    name,
                    Dtype.BF16,
                    name.contains("down_proj") ? new long[] {16, 64} : new long[] {64, 16},
                    v)));
    Path p = dir.resolve(file);
    SafetensorsWriter.write(p, entries, Map.of());
    return p;
  }

  @Test
  void aFineTuneIsASharedInitFindingWithPerLayerEvidence() throws Exception {
    Map<String, float[]> base = model(1, null, 0);
    Path a = write("base.safetensors", base);
    Path b = write("tuned.safetensors", model(2, base, 0.4));
    assertThat(run(a.toString(), b.toString(), "--format", "json", "--full-test"))
        .isEqualTo(ExitCodes.FINDINGS);
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root.fieldNames())
        .toIterable()
        .containsExactly("verdict", "pValue", "alpha", "layers", "method", "notes");
    assertThat(root.get("verdict").asText()).isEqualTo("shared-init");
    assertThat(root.get("alpha").asDouble()).isEqualTo(0.01);
    assertThat(root.get("layers")).hasSize(2);
    assertThat(root.at("/layers/0/name").asText()).isEqualTo("model.layers.0.mlp");
    assertThat(root.at("/layers/0").fieldNames())
        .toIterable()
        .containsExactly("name", "statistic", "pValue");
    assertThat(root.get("method").asText()).contains("Spearman");
    assertThat(root.get("notes").toString()).contains("matched 2 llama MLP layer(s)");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void independentModelsExitZeroWithATable() {
    Path a = write("a.safetensors", model(1, null, 0));
    Path b = write("b.safetensors", model(3, null, 0));
    assertThat(run(a.toString(), b.toString())).isEqualTo(ExitCodes.CLEAN);
    assertThat(out.toString())
        .contains("verdict: independent", "model.layers.1.mlp", "p-value", "time:");
  }

  @Test
  void aMalformedFileIsOneLocatedLineAndExitThree() throws Exception {
    Path a = write("a.safetensors", model(1, null, 0));
    byte[] json =
        "{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]},\"v\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[8,24]}}"
            .getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.allocate(8 + json.length + 24).order(ByteOrder.LITTLE_ENDIAN);
    buf.putLong(json.length).put(json);
    Path bad = dir.resolve("bad.safetensors");
    Files.write(bad, buf.array());
    assertThat(run(a.toString(), bad.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString())
        .isEqualTo(
            "heredity: "
                + bad
                + ": tensor \"v\" data_offsets: [8, 24] overlaps tensor \"w\" [0, 16]"
                + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aMissingFileIsExitThree() {
    Path a = write("a.safetensors", model(1, null, 0));
    assertThat(run(a.toString(), dir.resolve("nope.safetensors").toString()))
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).contains("nope.safetensors: no such file");
  }

  @Test
  void ggufIsInconclusiveAndSaysWhy() throws Exception {
    Path a = write("a.safetensors", model(1, null, 0));
    Path g = dir.resolve("m.gguf");
    Files.write(g, new byte[] {'G', 'G', 'U', 'F', 3, 0, 0, 0});
    assertThat(run(a.toString(), g.toString(), "--format", "json")).isEqualTo(ExitCodes.CLEAN);
    assertThat(out.toString())
        .contains(
            "\"verdict\" : \"inconclusive\"",
            "GGUF checkpoints (quantized tensors) are not compared yet");
  }

  @Test
  void alphaOutsideTheUnitIntervalIsAUsageError() {
    Path a = write("a.safetensors", model(1, null, 0));
    assertThat(run(a.toString(), a.toString(), "--alpha", "1.5")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains("--alpha must be between 0 (exclusive) and 1 (exclusive), got 1.5");
  }

  @Test
  void aThreadCountOutsideItsRangeIsAUsageErrorBeforeAnyPoolIsMade() {
    Path a = write("a.safetensors", model(1, null, 0));
    assertThat(run(a.toString(), a.toString(), "--threads", "1000000")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--threads must be between 1 and 256, got 1000000");
    assertThat(run(a.toString(), a.toString(), "--threads", "0")).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aSketchWidthOutsideItsRangeIsAUsageError() {
    Path a = write("a.safetensors", model(1, null, 0));
    assertThat(run(a.toString(), a.toString(), "--sketch", "8")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains("--sketch must be 0 (exact cosines) or between 64 and 65536");
    assertThat(run(a.toString(), a.toString(), "--sketch", "0")).isNotEqualTo(ExitCodes.USAGE);
  }
}
