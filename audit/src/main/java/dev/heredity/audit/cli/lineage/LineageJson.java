package dev.heredity.audit.cli.lineage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.audit.report.json.ReportJson;
import dev.heredity.lineage.LineageFinding;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.Severity;
import dev.heredity.lineage.TraceHop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The machine output of {@code lineage pairs} and {@code lineage trace}: records serialised by the
 * report's configured mapper (declaration order, lowercase enums), pretty printed and streamed one
 * element at a time (a large manifest has hundreds of thousands of pairs).
 */
final class LineageJson {
  private static final ObjectMapper MAPPER = ReportJson.mapper();

  record Pair(
      String teacher,
      String student,
      String training,
      List<String> datasets,
      List<String> path,
      boolean sharedBase,
      List<String> sharedRoots,
      Severity severity,
      String reason,
      String location) {
    static Pair of(RiskPair p) {
      return new Pair(
          p.teacher(),
          p.student(),
          p.training(),
          p.datasets(),
          p.path(),
          p.sharedBase(),
          p.sharedRoots(),
          p.severity(),
          p.reason(),
          p.location().toString());
    }
  }

  record Finding(String rule, Severity severity, String subject, String message, String location) {
    static Finding of(LineageFinding f) {
      return new Finding(f.rule(), f.severity(), f.subject(), f.message(), f.location().toString());
    }
  }

  record Hop(
      int depth,
      String teacher,
      String student,
      String training,
      List<String> datasets,
      List<String> path,
      boolean sameBase,
      List<String> sharedRoots,
      List<String> chain) {
    static Hop of(TraceHop h) {
      return new Hop(
          h.depth(),
          h.teacher(),
          h.student(),
          h.training(),
          h.datasets(),
          h.path(),
          h.sameBase(),
          h.sharedRoots(),
          h.chain());
    }
  }

  private LineageJson() {}

  @FunctionalInterface
  private interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  /** {@code {"pairs":[...],"findings":[...]}} followed by a newline. */
  static void pairs(Writer out, List<RiskPair> pairs, List<LineageFinding> findings) {
    write(
        out,
        json -> {
          json.writeArrayFieldStart("pairs");
          for (RiskPair pair : pairs) {
            MAPPER.writeValue(json, Pair.of(pair));
          }
          json.writeEndArray();
          json.writeArrayFieldStart("findings");
          for (LineageFinding finding : findings) {
            MAPPER.writeValue(json, Finding.of(finding));
          }
          json.writeEndArray();
        });
  }

  /** {@code {"from":ID,"hops":[...],"reached":[...]}} followed by a newline. */
  static void trace(Writer out, String from, List<TraceHop> hops, List<String> reached) {
    write(
        out,
        json -> {
          json.writeStringField("from", from);
          json.writeArrayFieldStart("hops");
          for (TraceHop hop : hops) {
            MAPPER.writeValue(json, Hop.of(hop));
          }
          json.writeEndArray();
          json.writeFieldName("reached");
          MAPPER.writeValue(json, reached);
        });
  }

  private static void write(Writer out, Body body) {
    try {
      JsonGenerator json =
          MAPPER.getFactory().createGenerator(out).setPrettyPrinter(new DefaultPrettyPrinter());
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
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
}
