package dev.heredity.audit.cli.lineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heredity.lineage.LineageFinding;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.TraceHop;
import java.io.UncheckedIOException;
import java.util.List;

/** The machine output of {@code lineage pairs} and {@code lineage trace}: fixed key order, pretty printed. */
final class LineageJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LineageJson() {
    }

    /** {@code {"pairs":[...],"findings":[...]}}. */
    static String pairs(List<RiskPair> pairs, List<LineageFinding> findings) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode pairArray = root.putArray("pairs");
        for (RiskPair pair : pairs) {
            ObjectNode node = pairArray.addObject();
            node.put("teacher", pair.teacher());
            node.put("student", pair.student());
            node.put("training", pair.training());
            strings(node.putArray("datasets"), pair.datasets());
            strings(node.putArray("path"), pair.path());
            node.put("sharedBase", pair.sharedBase());
            strings(node.putArray("sharedRoots"), pair.sharedRoots());
            node.put("severity", pair.severity().label());
            node.put("reason", pair.reason());
            node.put("location", pair.location().toString());
        }
        ArrayNode findingArray = root.putArray("findings");
        for (LineageFinding finding : findings) {
            ObjectNode node = findingArray.addObject();
            node.put("rule", finding.rule());
            node.put("severity", finding.severity().label());
            node.put("subject", finding.subject());
            node.put("message", finding.message());
            node.put("location", finding.location().toString());
        }
        return write(root);
    }

    /** {@code {"from":ID,"hops":[...],"reached":[...]}}. */
    static String trace(String from, List<TraceHop> hops, List<String> reached) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("from", from);
        ArrayNode hopArray = root.putArray("hops");
        for (TraceHop hop : hops) {
            ObjectNode node = hopArray.addObject();
            node.put("depth", hop.depth());
            node.put("teacher", hop.teacher());
            node.put("student", hop.student());
            node.put("training", hop.training());
            strings(node.putArray("datasets"), hop.datasets());
            strings(node.putArray("path"), hop.path());
            node.put("sameBase", hop.sameBase());
            strings(node.putArray("sharedRoots"), hop.sharedRoots());
            strings(node.putArray("chain"), hop.chain());
        }
        strings(root.putArray("reached"), reached);
        return write(root);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
