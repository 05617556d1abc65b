package dev.heredity.audit.cli.weights;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.heredity.audit.weights.WeightsWording;
import dev.heredity.weights.WeightsResult;
import java.util.List;

/**
 * The JSON document of {@code heredity weights compare --format json}; no timings, so equal inputs
 * give equal bytes.
 */
public final class WeightsJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @JsonPropertyOrder({"verdict", "pValue", "alpha", "layers", "method", "notes"})
  public record Document(
      String verdict,
      double pValue,
      double alpha,
      List<Layer> layers,
      String method,
      List<String> notes) {}

  @JsonPropertyOrder({"name", "statistic", "pValue"})
  public record Layer(String name, double statistic, double pValue) {}

  private WeightsJson() {}

  public static Document document(WeightsResult r) {
    return new Document(
        r.verdict().id(),
        r.pValue(),
        r.alpha(),
        r.layers().stream().map(l -> new Layer(l.name(), l.statistic(), l.pValue())).toList(),
        WeightsWording.method(r.method()),
        r.notes().stream().map(WeightsWording::note).toList());
  }

  public static String write(WeightsResult r) {
    try {
      return MAPPER.writeValueAsString(document(r));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
