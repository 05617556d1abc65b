package dev.heredity.audit.cli.lineage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.heredity.lineage.LineageFinding;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.TraceHop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The machine output of {@code lineage pairs} and {@code lineage trace}: fixed key order, pretty
 * printed, streamed to the writer (a large manifest has hundreds of thousands of pairs).
 */
final class LineageJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private LineageJson() {
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    /** {@code {"pairs":[...],"findings":[...]}} followed by a newline. */
    static void pairs(Writer out, List<RiskPair> pairs, List<LineageFinding> findings) {
        write(out, json -> {
            json.writeArrayFieldStart("pairs");
            for (RiskPair pair : pairs) {
                json.writeStartObject();
                json.writeStringField("teacher", pair.teacher());
                json.writeStringField("student", pair.student());
                json.writeStringField("training", pair.training());
                strings(json, "datasets", pair.datasets());
                strings(json, "path", pair.path());
                json.writeBooleanField("sharedBase", pair.sharedBase());
                strings(json, "sharedRoots", pair.sharedRoots());
                json.writeStringField("severity", pair.severity().label());
                json.writeStringField("reason", pair.reason());
                json.writeStringField("location", pair.location().toString());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("findings");
            for (LineageFinding finding : findings) {
                json.writeStartObject();
                json.writeStringField("rule", finding.rule());
                json.writeStringField("severity", finding.severity().label());
                json.writeStringField("subject", finding.subject());
                json.writeStringField("message", finding.message());
                json.writeStringField("location", finding.location().toString());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    /** {@code {"from":ID,"hops":[...],"reached":[...]}} followed by a newline. */
    static void trace(Writer out, String from, List<TraceHop> hops, List<String> reached) {
        write(out, json -> {
            json.writeStringField("from", from);
            json.writeArrayFieldStart("hops");
            for (TraceHop hop : hops) {
                json.writeStartObject();
                json.writeNumberField("depth", hop.depth());
                json.writeStringField("teacher", hop.teacher());
                json.writeStringField("student", hop.student());
                json.writeStringField("training", hop.training());
                strings(json, "datasets", hop.datasets());
                strings(json, "path", hop.path());
                json.writeBooleanField("sameBase", hop.sameBase());
                strings(json, "sharedRoots", hop.sharedRoots());
                strings(json, "chain", hop.chain());
                json.writeEndObject();
            }
            json.writeEndArray();
            strings(json, "reached", reached);
        });
    }

    private static void write(Writer out, Body body) {
        try {
            JsonGenerator json = FACTORY.createGenerator(out).setPrettyPrinter(new DefaultPrettyPrinter());
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
            json.flush();
            out.write(System.lineSeparator());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
