package dev.heredity.transfer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON form of a {@link TransferResult}: the records below mirror the document, one configured
 * mapper writes them in their component order, so equal results give equal bytes.
 */
final class TransferJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private TransferJson() {}

  @JsonPropertyOrder({"config", "arms", "sweep", "seconds", "verdict"})
  record Document(
      Config config,
      Map<String, Arm> arms,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<Point> sweep,
      double seconds,
      String verdict) {}

  @JsonPropertyOrder({
    "models",
    "aux",
    "hidden",
    "epochsTeacher",
    "epochsDistill",
    "noise",
    "lr",
    "batch",
    "data",
    "sigmas",
    "seed",
    "threads",
    "controls"
  })
  record Config(
      int models,
      int aux,
      int hidden,
      int epochsTeacher,
      int epochsDistill,
      int noise,
      double lr,
      int batch,
      String data,
      List<Double> sigmas,
      long seed,
      int threads,
      boolean controls) {
    static Config of(TransferConfig c) {
      return new Config(
          c.models(),
          c.aux(),
          c.hidden(),
          c.epochsTeacher(),
          c.epochsDistill(),
          c.noise(),
          c.lr(),
          c.batch(),
          c.data() == null ? null : c.data().toString(),
          c.sigmas(),
          c.seed(),
          c.threads(),
          c.controls());
    }
  }

  record Arm(Score accuracy) {}

  @JsonPropertyOrder({"sigma", "accuracy"})
  record Point(double sigma, Score accuracy) {}

  @JsonPropertyOrder({"mean", "ci95", "perModel"})
  record Score(double mean, double ci95, List<Double> perModel) {
    static Score of(Accuracy a) {
      return new Score(a.mean(), a.ci95(), a.perModel());
    }
  }

  static String write(TransferResult result) {
    Map<String, Arm> arms = new LinkedHashMap<>();
    result.arms().forEach((name, arm) -> arms.put(name, new Arm(Score.of(arm.accuracy()))));
    List<Point> sweep =
        result.config().sigmas().isEmpty()
            ? null
            : result.sweep().stream()
                .map(p -> new Point(p.sigma(), Score.of(p.accuracy())))
                .toList();
    Document document =
        new Document(
            Config.of(result.config()),
            arms,
            sweep,
            Math.round(result.seconds() * 10) / 10.0,
            result.verdict());
    try {
      return MAPPER.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static TransferResult read(Path file) {
    JsonNode root;
    try {
      root = MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      if (e instanceof JsonProcessingException j && j.getLocation() != null) {
        throw new TransferInputException(
            file
                + ":"
                + j.getLocation().getLineNr()
                + ":"
                + j.getLocation().getColumnNr()
                + ": not valid JSON: "
                + j.getOriginalMessage());
      }
      throw new TransferInputException(file + ": cannot read: " + e.getMessage(), e);
    }
    try {
      JsonNode c = field(root, "config");
      List<Double> sigmas = new ArrayList<>();
      c.path("sigmas").forEach(s -> sigmas.add(s.asDouble()));
      JsonNode data = c.path("data");
      TransferConfig config =
          new TransferConfig(
              c.path("models").asInt(),
              c.path("aux").asInt(),
              c.path("hidden").asInt(),
              c.path("epochsTeacher").asInt(),
              c.path("epochsDistill").asInt(),
              c.path("noise").asInt(),
              c.path("lr").asDouble(),
              c.path("batch").asInt(),
              data.isTextual() ? Path.of(data.asText()) : null,
              sigmas,
              c.path("seed").asLong(),
              c.path("threads").asInt(1),
              c.path("controls").asBoolean(false));
      Map<String, ArmResult> arms = new LinkedHashMap<>();
      field(root, "arms")
          .fields()
          .forEachRemaining(
              e -> arms.put(e.getKey(), new ArmResult(accuracy(field(e.getValue(), "accuracy")))));
      List<SweepPoint> sweep = new ArrayList<>();
      root.path("sweep")
          .forEach(
              p ->
                  sweep.add(
                      new SweepPoint(p.path("sigma").asDouble(), accuracy(field(p, "accuracy")))));
      String verdict = field(root, "verdict").asText();
      if (!verdict.equals("transfer") && !verdict.equals("no-transfer")) {
        throw new IllegalArgumentException(
            "verdict must be \"transfer\" or \"no-transfer\", got \"" + verdict + "\"");
      }
      return new TransferResult(config, arms, sweep, root.path("seconds").asDouble(), verdict);
    } catch (IllegalArgumentException e) {
      throw new TransferInputException(file + ": not a transfer-test result: " + e.getMessage());
    }
  }

  private static Accuracy accuracy(JsonNode n) {
    List<Double> per = new ArrayList<>();
    field(n, "perModel").forEach(v -> per.add(v.asDouble()));
    return new Accuracy(field(n, "mean").asDouble(), field(n, "ci95").asDouble(), per);
  }

  private static JsonNode field(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing \"" + name + "\"");
    }
    return v;
  }
}
