package dev.heredity.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferResultJsonTest {
  @TempDir Path dir;

  static TransferResult sample(List<Double> sigmas) {
    Map<String, ArmResult> arms = new LinkedHashMap<>();
    arms.put("teacher", new ArmResult(Accuracy.of(List.of(0.86, 0.85))));
    arms.put("reference", new ArmResult(Accuracy.of(List.of(0.1, 0.11))));
    arms.put("same-init", new ArmResult(Accuracy.of(List.of(0.6, 0.55))));
    arms.put("cross-init", new ArmResult(Accuracy.of(List.of(0.1, 0.105))));
    List<SweepPoint> sweep =
        sigmas.stream().map(s -> new SweepPoint(s, Accuracy.of(List.of(0.5, 0.4)))).toList();
    TransferConfig config = TransferConfig.defaults().withThreads(2).withSigmas(sigmas);
    return new TransferResult(config, arms, sweep, 12.345, "transfer");
  }

  @Test
  void jsonHasTheDocumentedShapeInAFixedOrder() throws IOException {
    JsonNode root = new ObjectMapper().readTree(sample(List.of(0.0, 1.0)).toJson());
    assertThat(root.fieldNames())
        .toIterable()
        .containsExactly("config", "arms", "sweep", "seconds", "verdict");
    assertThat(root.get("arms").fieldNames())
        .toIterable()
        .containsExactly("teacher", "reference", "same-init", "cross-init");
    JsonNode same = root.at("/arms/same-init/accuracy");
    assertThat(same.get("mean").asDouble())
        .isCloseTo(0.575, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(same.get("ci95").asDouble()).isPositive();
    assertThat(same.get("perModel")).hasSize(2);
    assertThat(root.at("/sweep/1/sigma").asDouble()).isEqualTo(1.0);
    assertThat(root.at("/config/models").asInt()).isEqualTo(2);
    assertThat(root.at("/config/data").isNull()).isTrue();
    assertThat(root.get("seconds").asDouble()).isEqualTo(12.3);
    assertThat(root.get("verdict").asText()).isEqualTo("transfer");
  }

  @Test
  void sweepIsOmittedWhenNotAsked() throws IOException {
    JsonNode root = new ObjectMapper().readTree(sample(List.of()).toJson());
    assertThat(root.has("sweep")).isFalse();
  }

  @Test
  void readJsonRoundTrips() throws IOException {
    TransferResult original = sample(List.of(0.0, 0.3));
    Path file = dir.resolve("r.json");
    Files.writeString(file, original.toJson());
    TransferResult back = TransferResult.readJson(file);
    assertThat(back.config()).isEqualTo(original.config());
    assertThat(back.arms()).isEqualTo(original.arms());
    assertThat(back.sweep()).isEqualTo(original.sweep());
    assertThat(back.verdict()).isEqualTo("transfer");
    assertThat(back.toJson()).isEqualTo(original.toJson());
  }

  @Test
  void malformedJsonIsInvalidInputWithAPosition() throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"config\": {\n  \"models\": }");
    assertThatThrownBy(() -> TransferResult.readJson(file))
        .isInstanceOf(TransferInputException.class)
        .hasMessageStartingWith(file + ":2:");
    Files.writeString(file, "{\"arms\": {}}");
    assertThatThrownBy(() -> TransferResult.readJson(file))
        .isInstanceOf(TransferInputException.class)
        .hasMessage(file + ": not a transfer-test result: missing \"config\"");
  }
}
