package dev.heredity.weights.proxy;

import dev.heredity.transfer.ModelSink;
import dev.heredity.transfer.engine.Mlp;
import dev.heredity.weights.InMemoryTensors;
import dev.heredity.weights.LayerEvidence;
import dev.heredity.weights.Verdict;
import dev.heredity.weights.WeightsComparison;
import dev.heredity.weights.WeightsOptions;
import dev.heredity.weights.WeightsResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the weight test between each MNIST-proxy teacher and each of its students as the transfer
 * experiment trains them (always the full matching test, so the statistic is comparable across
 * arms).
 */
public class ProxyWeightStudy implements ModelSink {
  private final WeightsOptions options;
  private final Map<Integer, InMemoryTensors> teachers = new ConcurrentHashMap<>();
  private final Map<String, Map<Integer, WeightsResult>> results = new ConcurrentHashMap<>();

  /** Per arm: how often the test said shared-init, the median p-value and the mean statistic. */
  public record ArmSummary(
      String arm,
      RejectionRate rate,
      double medianP,
      double meanStatistic,
      double meanMatchedCosine) {}

  public ProxyWeightStudy(WeightsOptions options) {
    this.options = options.withShortcut(false).withThreads(1);
  }

  @Override
  public void trained(String arm, int model, Mlp weights) {
    if (arm.equals("teacher")) {
      teachers.put(model, ProxyTensors.of(weights.copy(), "teacher " + model));
      return;
    }
    InMemoryTensors teacher = teachers.get(model);
    if (teacher == null) {
      throw new IllegalStateException("student of model " + model + " arrived before its teacher");
    }
    WeightsResult r =
        WeightsComparison.compare(teacher, ProxyTensors.of(weights, arm + " " + model), options);
    results.computeIfAbsent(arm, a -> new ConcurrentHashMap<>()).put(model, r);
  }

  /** Results by arm key (see {@link ModelSink#trained}), models in order. */
  public Map<String, List<WeightsResult>> results() {
    Map<String, List<WeightsResult>> out = new LinkedHashMap<>();
    results.keySet().stream()
        .sorted()
        .forEach(
            arm -> {
              Map<Integer, WeightsResult> byModel = results.get(arm);
              List<WeightsResult> list = new ArrayList<>();
              byModel.keySet().stream().sorted().forEach(m -> list.add(byModel.get(m)));
              out.put(arm, list);
            });
    return out;
  }

  public ArmSummary summary(String arm) {
    List<WeightsResult> list = results().getOrDefault(arm, List.of());
    int rejected = (int) list.stream().filter(r -> r.verdict() == Verdict.SHARED_INIT).count();
    double[] p = list.stream().mapToDouble(WeightsResult::pValue).sorted().toArray();
    double median =
        p.length == 0
            ? Double.NaN
            : p.length % 2 == 1 ? p[p.length / 2] : (p[p.length / 2 - 1] + p[p.length / 2]) / 2;
    double meanStatistic =
        list.stream()
            .mapToDouble(
                r -> r.layers().stream().mapToDouble(LayerEvidence::statistic).average().orElse(0))
            .average()
            .orElse(Double.NaN);
    double meanCosine =
        list.stream()
            .mapToDouble(
                r ->
                    r.layers().stream()
                        .mapToDouble(LayerEvidence::matchedCosine)
                        .average()
                        .orElse(0))
            .average()
            .orElse(Double.NaN);
    return new ArmSummary(
        arm, RejectionRate.of(rejected, list.size()), median, meanStatistic, meanCosine);
  }

  public double alpha() {
    return options.alpha();
  }

  /** Sorted p-values of an arm (for the distribution in docs). */
  public double[] pValues(String arm) {
    double[] p =
        results().getOrDefault(arm, List.of()).stream()
            .mapToDouble(WeightsResult::pValue)
            .toArray();
    Arrays.sort(p);
    return p;
  }
}
