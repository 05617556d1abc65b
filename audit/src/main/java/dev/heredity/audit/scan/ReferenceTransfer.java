package dev.heredity.audit.scan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.heredity.audit.report.ArmRow;
import dev.heredity.audit.report.SweepRow;
import dev.heredity.audit.report.TransferEvidence;
import dev.heredity.audit.report.TransferSource;
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

  record Figures(
      @JsonProperty("citation") String citation,
      @JsonProperty("verdict") String verdict,
      @JsonProperty("models") int models,
      @JsonProperty("arms") List<Arm> arms,
      @JsonProperty("sweep") List<Point> sweep) {}

  private ReferenceTransfer() {}

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
          f.sweep().stream().map(p -> new SweepRow(p.sigma(), p.mean(), p.ci95())).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
