package dev.heredity.audit.report.view;

import dev.heredity.audit.report.DatasetDetection;
import dev.heredity.audit.report.DetectionVerdict;
import dev.heredity.audit.report.TokenRow;
import java.util.List;

/**
 * A detection as shown: the verdict's significance as the detector decided it (never recomputed
 * from p and alpha here), and the strongest divergent tokens up to {@link ReportView#TOKEN_CAP}.
 */
public record DetectionView(
    DatasetDetection detection, boolean signal, List<TokenRow> tokens, int tokensLeftOut) {
  public DetectionView {
    tokens = List.copyOf(tokens);
  }

  static DetectionView of(DatasetDetection d) {
    List<TokenRow> all = d.divergentTokens();
    List<TokenRow> shown = all.subList(0, Math.min(ReportView.TOKEN_CAP, all.size()));
    return new DetectionView(
        d, d.verdict() == DetectionVerdict.SIGNAL, shown, all.size() - shown.size());
  }
}
