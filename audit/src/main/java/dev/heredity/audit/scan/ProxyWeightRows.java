package dev.heredity.audit.scan;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.audit.report.ProxyWeightRow;
import dev.heredity.audit.report.ProxyWeights;
import dev.heredity.audit.weights.ProxyWeightsTable;
import dev.heredity.transfer.TransferInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The proxy's weight-test table ({@code transfer-test --weights}) as the report shows it: rates,
 * CIs and accuracies in percent, the p-value range from the per-pair p-values.
 */
final class ProxyWeightRows {
  private ProxyWeightRows() {}

  static ProxyWeights of(ProxyWeightsTable.Section section, String citation) {
    List<ProxyWeightRow> rows = section.rows().stream().map(ProxyWeightRows::row).toList();
    return new ProxyWeights(section.alpha(), section.method(), citation, rows);
  }

  private static ProxyWeightRow row(ProxyWeightsTable.Row r) {
    double[] p = r.pValues() == null ? new double[0] : r.pValues();
    return new ProxyWeightRow(
        r.arm(),
        r.sigma(),
        r.sharedInit(),
        r.pairs(),
        percent(r.rate()),
        r.ci95() == null || r.ci95().length != 2 ? null : percent(r.ci95()[0]),
        r.ci95() == null || r.ci95().length != 2 ? null : percent(r.ci95()[1]),
        finite(r.medianP()),
        p.length == 0 ? null : finite(Arrays.stream(p).min().getAsDouble()),
        p.length == 0 ? null : finite(Arrays.stream(p).max().getAsDouble()),
        finite(r.meanStatistic()),
        finite(r.matchedCosine()),
        Double.isFinite(r.accuracy()) ? percent(r.accuracy()) : null);
  }

  /**
   * The {@code "weights"} member of a {@code transfer-test --weights --format json} result, or null
   * when the file has none.
   */
  static ProxyWeights read(Path file, String shown) {
    ObjectMapper mapper =
        new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      JsonNode weights = mapper.readTree(file.toFile()).get("weights");
      if (weights == null || weights.isNull()) {
        return null;
      }
      ProxyWeightsTable.Section section =
          mapper.treeToValue(weights, ProxyWeightsTable.Section.class);
      if (section.rows() == null) {
        throw new TransferInputException(shown + ": \"weights\" has no \"rows\"", null);
      }
      return of(section, "Read from " + shown + " (transfer-test --weights).");
    } catch (IOException e) {
      String why =
          e instanceof com.fasterxml.jackson.core.JsonProcessingException j
              ? j.getOriginalMessage()
              : e.getMessage();
      throw new TransferInputException(
          shown + ": \"weights\" is not a transfer-test --weights table: " + why, e);
    }
  }

  private static Double finite(double x) {
    return Double.isFinite(x) ? x : null;
  }

  private static double percent(double fraction) {
    return Math.round(fraction * 1000.0) / 10.0;
  }
}
