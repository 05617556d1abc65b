package dev.heredity.detectors.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heredity.detectors.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON form of a {@link TransferResult}: fixed key order, so equal results give equal bytes. */
final class TransferJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TransferJson() {
    }

    static String write(TransferResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("config", config(result.config()));
        ObjectNode arms = root.putObject("arms");
        result.arms().forEach((name, arm) -> arms.putObject(name).set("accuracy", accuracy(arm.accuracy())));
        if (!result.config().sigmas().isEmpty()) {
            ArrayNode sweep = root.putArray("sweep");
            for (SweepPoint point : result.sweep()) {
                ObjectNode p = sweep.addObject();
                p.put("sigma", point.sigma());
                p.set("accuracy", accuracy(point.accuracy()));
            }
        }
        root.put("seconds", Math.round(result.seconds() * 10) / 10.0);
        root.put("verdict", result.verdict());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode config(TransferConfig c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("models", c.models());
        n.put("aux", c.aux());
        n.put("hidden", c.hidden());
        n.put("epochsTeacher", c.epochsTeacher());
        n.put("epochsDistill", c.epochsDistill());
        n.put("noise", c.noise());
        n.put("lr", c.lr());
        n.put("batch", c.batch());
        if (c.data() == null) {
            n.putNull("data");
        } else {
            n.put("data", c.data().toString());
        }
        ArrayNode sigmas = n.putArray("sigmas");
        c.sigmas().forEach(sigmas::add);
        n.put("seed", c.seed());
        n.put("threads", c.threads());
        n.put("controls", c.controls());
        return n;
    }

    private static ObjectNode accuracy(Accuracy a) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("mean", a.mean());
        n.put("ci95", a.ci95());
        ArrayNode per = n.putArray("perModel");
        a.perModel().forEach(per::add);
        return n;
    }

    static TransferResult read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            if (e instanceof JsonProcessingException j && j.getLocation() != null) {
                throw new InvalidInputException(file + ":" + j.getLocation().getLineNr() + ":"
                        + j.getLocation().getColumnNr() + ": not valid JSON: " + j.getOriginalMessage());
            }
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        try {
            JsonNode c = field(root, "config");
            List<Double> sigmas = new ArrayList<>();
            c.path("sigmas").forEach(s -> sigmas.add(s.asDouble()));
            JsonNode data = c.path("data");
            TransferConfig config = new TransferConfig(c.path("models").asInt(), c.path("aux").asInt(),
                    c.path("hidden").asInt(), c.path("epochsTeacher").asInt(), c.path("epochsDistill").asInt(),
                    c.path("noise").asInt(), c.path("lr").asDouble(), c.path("batch").asInt(),
                    data.isTextual() ? Path.of(data.asText()) : null, sigmas, c.path("seed").asLong(),
                    c.path("threads").asInt(1), c.path("controls").asBoolean(false));
            Map<String, ArmResult> arms = new LinkedHashMap<>();
            field(root, "arms").fields().forEachRemaining(e ->
                    arms.put(e.getKey(), new ArmResult(accuracy(field(e.getValue(), "accuracy")))));
            List<SweepPoint> sweep = new ArrayList<>();
            root.path("sweep").forEach(p -> sweep.add(new SweepPoint(p.path("sigma").asDouble(),
                    accuracy(field(p, "accuracy")))));
            String verdict = field(root, "verdict").asText();
            if (!verdict.equals("transfer") && !verdict.equals("no-transfer")) {
                throw new IllegalArgumentException("verdict must be \"transfer\" or \"no-transfer\", got \"" + verdict + "\"");
            }
            return new TransferResult(config, arms, sweep, root.path("seconds").asDouble(), verdict);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file + ": not a transfer-test result: " + e.getMessage());
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
