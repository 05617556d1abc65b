package dev.heredity.audit.scan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.heredity.audit.report.ArmRow;
import dev.heredity.audit.report.ProxyWeightRow;
import dev.heredity.audit.report.ProxyWeights;
import dev.heredity.audit.report.SweepRow;
import dev.heredity.audit.report.TransferEvidence;
import dev.heredity.audit.report.TransferSource;
import dev.heredity.audit.weights.WeightsWording;
import dev.heredity.weights.Method;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The measured reference figures of the transfer test (resource {@code transfer-reference.yaml}),
 * cited when a scan neither runs the test nor reads a result: marked {@code runHere = false}.
 */
public final class ReferenceTransfer {
  static final String RESOURCE = "/dev/heredity/audit/transfer-reference.yaml";

  record Arm(
      @JsonProperty("arm") String arm,
      @JsonProperty("mean") double mean,
      @JsonProperty("ci95") Double ci95) {}

  record Point(
      @JsonProperty("sigma") double sigma,
      @JsonProperty("mean") double mean,
      @JsonProperty("ci95") Double ci95) {}

  record WeightRow(
      @JsonProperty("arm") String arm,
      @JsonProperty("sigma") Double sigma,
      @JsonProperty("sharedInit") int sharedInit,
      @JsonProperty("pairs") int pairs,
      @JsonProperty("rate") double rate,
      @JsonProperty("ciLow") Double ciLow,
      @JsonProperty("ciHigh") Double ciHigh,
      @JsonProperty("medianP") Double medianP,
      @JsonProperty("minP") Double minP,
      @JsonProperty("maxP") Double maxP,
      @JsonProperty("meanStatistic") Double meanStatistic,
      @JsonProperty("matchedCosine") Double matchedCosine,
      @JsonProperty("accuracy") Double accuracy) {}

  record Weights(
      @JsonProperty("citation") String citation,
      @JsonProperty("alpha") double alpha,
      @JsonProperty("rows") List<WeightRow> rows) {}

  record Figures(
      @JsonProperty("citation") String citation,
      @JsonProperty("verdict") String verdict,
      @JsonProperty("models") int models,
      @JsonProperty("arms") List<Arm> arms,
      @JsonProperty("sweep") List<Point> sweep,
      @JsonProperty("weights") Weights weights) {}

  private ReferenceTransfer() {}

  private static ProxyWeights weights(Weights w) {
    return new ProxyWeights(
        w.alpha(),
        WeightsWording.method(Method.MATCHED_RANK_TEST),
        w.citation(),
        w.rows().stream()
            .map(
                r ->
                    new ProxyWeightRow(
                        r.arm(),
                        r.sigma(),
                        r.sharedInit(),
                        r.pairs(),
                        r.rate(),
                        r.ciLow(),
                        r.ciHigh(),
                        r.medianP(),
                        r.minP(),
                        r.maxP(),
                        r.meanStatistic(),
                        r.matchedCosine(),
                        r.accuracy()))
            .toList());
  }

  public static TransferEvidence evidence() {
    try (InputStream in = ReferenceTransfer.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      Figures f =
          new ObjectMapper(new YAMLFactory())
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .readValue(in, Figures.class);
      return new TransferEvidence(
          TransferSource.REFERENCE,
          false,
          f.citation(),
          f.verdict(),
          f.arms().stream().map(a -> new ArmRow(a.arm(), a.mean(), a.ci95(), f.models())).toList(),
          f.sweep().stream().map(p -> new SweepRow(p.sigma(), p.mean(), p.ci95())).toList(),
          f.weights() == null ? null : weights(f.weights()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
