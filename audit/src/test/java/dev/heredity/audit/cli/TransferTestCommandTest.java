package dev.heredity.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferTestCommandTest {
  private static final String[] FAST = {
    "--models",
    "2",
    "--hidden",
    "32",
    "--noise",
    "2048",
    "--epochs-teacher",
    "1",
    "--epochs-distill",
    "1",
    "--lr",
    "1e-3",
    "--batch",
    "256",
    "--threads",
    "2"
  };

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    var cli = HeredityCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = "transfer-test";
    System.arraycopy(args, 0, all, 1, args.length);
    return cli.execute(all);
  }

  private static String[] with(String... extra) {
    String[] all = new String[FAST.length + extra.length];
    System.arraycopy(FAST, 0, all, 0, FAST.length);
    System.arraycopy(extra, 0, all, FAST.length, extra.length);
    return all;
  }

  @Test
  void jsonOutputHasConfigArmsSweepSecondsAndVerdict() throws IOException {
    assertThat(run(with("--format", "json", "--sweep", "perturb", "--sigmas", "0,3")))
        .isEqualTo(ExitCodes.CLEAN);
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root.fieldNames())
        .toIterable()
        .containsExactly("config", "arms", "sweep", "seconds", "verdict");
    assertThat(root.get("arms").fieldNames())
        .toIterable()
        .containsExactly("teacher", "reference", "same-init", "cross-init");
    assertThat(root.at("/arms/teacher/accuracy/perModel")).hasSize(2);
    assertThat(root.at("/arms/teacher/accuracy/mean").asDouble()).isGreaterThan(0.5);
    assertThat(root.at("/sweep/1/sigma").asDouble()).isEqualTo(3.0);
    assertThat(root.at("/config/hidden").asInt()).isEqualTo(32);
    assertThat(root.get("verdict").asText()).isIn("transfer", "no-transfer");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void weightsArmAddsTheWeightTestPerStudentArm() throws IOException {
    assertThat(run(with("--format", "json", "--weights", "--sweep", "perturb", "--sigmas", "0,1")))
        .isEqualTo(ExitCodes.CLEAN);
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root.fieldNames())
        .toIterable()
        .containsExactly("config", "arms", "sweep", "seconds", "verdict", "weights");
    JsonNode rows = root.at("/weights/rows");
    assertThat(rows.findValuesAsText("arm"))
        .containsExactly("same-init", "cross-init", "sigma 0", "sigma 1");
    assertThat(rows.get(0).get("sharedInit").asInt()).isEqualTo(2);
    assertThat(rows.get(1).get("sharedInit").asInt()).isZero();
    assertThat(rows.get(1).get("ci95")).hasSize(2);
    assertThat(root.at("/weights/alpha").asDouble()).isEqualTo(0.01);
  }

  @Test
  void tableIsTheDefault() {
    assertThat(run(with())).isEqualTo(ExitCodes.CLEAN);
    assertThat(out.toString()).contains("arm", "teacher", "same-init", "cross-init", "verdict:");
  }

  @Test
  void badIdxDataIsOneLineAndExitCodeThree() throws IOException {
    ByteBuffer images =
        ByteBuffer.allocate(16 + 4).putInt(0x0000_0804).putInt(1).putInt(2).putInt(2);
    ByteBuffer labels = ByteBuffer.allocate(8 + 1).putInt(0x0000_0801).putInt(1).put((byte) 3);
    Files.write(dir.resolve("train-images-idx3-ubyte"), images.array());
    Files.write(dir.resolve("train-labels-idx1-ubyte"), labels.array());
    Files.write(dir.resolve("t10k-images-idx3-ubyte"), images.array());
    Files.write(dir.resolve("t10k-labels-idx1-ubyte"), labels.array());
    assertThat(run(with("--data", dir.toString()))).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString())
        .isEqualTo(
            "heredity: "
                + dir.resolve("train-images-idx3-ubyte")
                + ": byte 0: wrong magic number 0x00000804 (expected 0x00000803 for an IDX image file)"
                + System.lineSeparator());
  }

  @Test
  void optionMistakesAreUsageErrors() {
    assertThat(run("--models", "1")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--models must be between 2 and 100");
    assertThat(run("--sigmas", "0,1")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--sigmas needs --sweep perturb");
  }
}
